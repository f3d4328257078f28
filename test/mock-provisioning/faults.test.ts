// Injected faults: 503 window, TemporaryError items (seeded fraction or named ids), slow jobs, dropped connections.
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { nthPupil, PUPIL_ID, pupil } from './fixtures.js';
import { awaitJob, call, type Harness, pushAndWait, startHarness } from './provisioning-harness.js';

let h: Harness;
afterEach(async () => h.close());

const control = () => request(h.server);

describe('503 window', () => {
  it('answers 503 [5022] on every endpoint while the window is open, and normally after it', async () => {
    h = await startHarness();
    const set = await control()
      .put('/_mock/provisioning/faults')
      .send({ unavailableForMs: 5000 })
      .expect(200);
    expect(set.body).toMatchObject({ unavailable: true, unavailableUntil: '2026-09-01T08:00:05.000Z' });
    const res = await call(h, 'post', '/persons/bulk', { body: { data: [pupil()] } });
    expect(res.status).toBe(503);
    expect(res.body).toEqual([
      expect.objectContaining({
        id: '5022',
        statusCode: 503,
        message: 'Tjänsten är inte tillgänglig. Försök igen senare.',
      }),
    ]);
    expect((await call(h, 'get', `/persons/${PUPIL_ID}`)).status).toBe(503);
    expect((await call(h, 'post', '/groups/lookup', { body: {} })).status).toBe(503);
    expect((await request(h.server).get('/provtjanst/provisioning/v1/alive')).status).toBe(503);
    h.clock.advance(5000);
    expect((await call(h, 'post', '/persons/bulk', { body: { data: [pupil()] } })).status).toBe(202);
    expect((await request(h.server).get('/provtjanst/provisioning/v1/alive')).status).toBe(200);
  });

  it('opens a window from the settings (--fault-unavailable) and one that lasts until cleared', async () => {
    h = await startHarness({ faultUnavailableAlways: true });
    expect((await call(h, 'get', '/persons')).status).toBe(503);
    h.clock.advance(3_600_000);
    expect((await call(h, 'get', '/persons')).status).toBe(503);
    await control().delete('/_mock/provisioning/faults').expect(200);
    expect((await call(h, 'get', '/persons')).status).toBe(200);
  });
});

describe('TemporaryError items', () => {
  const data = Array.from({ length: 40 }, (_, n) => nthPupil(n));

  async function push() {
    return (await pushAndWait(h, 'post', '/persons/bulk?updateIfExists=true', { data })).responses;
  }

  it('settles a seeded fraction of items as TemporaryError (503), the same items for the same seed', async () => {
    h = await startHarness({ faultTemporaryErrorRate: 0.25, faultSeed: 7 });
    const first = await push();
    const temporary = first.filter((r) => r.response.status === 'TemporaryError');
    expect(temporary.length).toBeGreaterThan(3);
    expect(temporary.length).toBeLessThan(20);
    expect(temporary[0]?.response).toMatchObject({
      statusCode: 503,
      errors: [expect.objectContaining({ id: '5022', resourceType: 'Person', resourceId: temporary[0]?.id })],
    });
    await control().put('/_mock/provisioning/faults').send({ temporaryErrorRate: 0.25, seed: 7 }).expect(200);
    h.mock.services.provisioning.reset();
    const again = await push();
    expect(again.map((r) => r.response.status)).toEqual(first.map((r) => r.response.status));
  });

  it('stores nothing for a TemporaryError item, and a retry can succeed', async () => {
    h = await startHarness();
    await control()
      .patch('/_mock/provisioning/faults')
      .send({ temporaryErrorIds: [PUPIL_ID.toUpperCase()] })
      .expect(200);
    const job = await pushAndWait(h, 'post', '/persons/bulk', { data: [pupil(), nthPupil(1)] });
    expect(job.responses.map((r) => r.response.status)).toEqual(['TemporaryError', 'Success']);
    expect((await call(h, 'get', `/persons/${PUPIL_ID}`)).status).toBe(404);
    await control().patch('/_mock/provisioning/faults').send({ temporaryErrorIds: [] }).expect(200);
    const retry = await pushAndWait(h, 'post', '/persons/bulk', { data: [pupil()] });
    expect(retry.responses[0]?.response).toMatchObject({ status: 'Success', statusCode: 201 });
  });
});

describe('slow jobs', () => {
  it('keeps items Pending for the extra delay', async () => {
    h = await startHarness({ jobDelay: 0, faultSlowJobs: 30_000 });
    const submitted = await call(h, 'post', '/persons/bulk', { body: { data: [pupil()] } });
    await new Promise((resolve) => setImmediate(resolve));
    expect((await call(h, 'get', `/persons/bulk/jobs/${submitted.body.jobId}/isCompleted`)).body).toBe(false);
    const job = await awaitJob(h, 'persons', submitted.body.jobId, 10_000);
    expect(job.responses[0].response.status).toBe('Success');
    expect(h.clock.now() - Date.UTC(2026, 8, 1, 8)).toBe(30_000);
  });
});

describe('dropped connections', () => {
  it('drops the connection without an answer and notes it in the journal; nothing is processed', async () => {
    h = await startHarness();
    await control().patch('/_mock/provisioning/faults').send({ dropNext: 1 }).expect(200);
    await expect(
      call(h, 'post', '/persons/bulk', { body: { data: [pupil()] }, unchecked: true }),
    ).rejects.toThrow(/socket hang up|ECONNRESET/);
    await h.mock.services.provisioning.jobs.idle();
    expect(h.mock.services.provisioning.jobs.list('SE5567044268')).toEqual([]);
    const entry = h.mock.services.journal.query({ component: 'provisioning' }).at(-1);
    expect(entry).toMatchObject({ status: 0, error: 'connection dropped (fault)' });
    expect((await call(h, 'post', '/persons/bulk', { body: { data: [pupil()] } })).status).toBe(202);
  });

  it('with dropAfterProcessing, the job exists although the client never heard of it', async () => {
    h = await startHarness();
    await control()
      .patch('/_mock/provisioning/faults')
      .send({ dropNext: 1, dropAfterProcessing: true })
      .expect(200);
    await expect(
      call(h, 'post', '/persons/bulk', { body: { data: [pupil()] }, unchecked: true }),
    ).rejects.toThrow();
    await h.mock.services.provisioning.jobs.idle();
    expect(h.mock.services.provisioning.jobs.list('SE5567044268')).toHaveLength(1);
    expect((await call(h, 'get', `/persons/${PUPIL_ID}`)).status).toBe(200);
  });

  it('drops a seeded fraction of calls with --fault-drop-rate', async () => {
    h = await startHarness({ faultDropRate: 0.5, faultSeed: 3 });
    const outcomes: string[] = [];
    for (let n = 0; n < 20; n += 1) {
      try {
        outcomes.push(String((await call(h, 'get', '/persons', { unchecked: true })).status));
      } catch {
        outcomes.push('dropped');
      }
    }
    expect(outcomes.filter((o) => o === 'dropped').length).toBeGreaterThan(3);
    expect(outcomes.filter((o) => o === '200').length).toBeGreaterThan(3);
  });
});

describe('control plane', () => {
  it('shows, replaces, patches and clears the faults, and refuses unknown fields', async () => {
    h = await startHarness();
    expect((await control().get('/_mock/provisioning/faults')).body).toMatchObject({
      unavailable: false,
      temporaryErrorRate: 0,
    });
    await control()
      .put('/_mock/provisioning/faults')
      .send({ temporaryErrorRate: 0.5, slowJobsMs: 10 })
      .expect(200);
    const patched = await control().patch('/_mock/provisioning/faults').send({ dropRate: 0.1 }).expect(200);
    expect(patched.body).toMatchObject({ temporaryErrorRate: 0.5, slowJobsMs: 10, dropRate: 0.1 });
    const replaced = await control().put('/_mock/provisioning/faults').send({ dropRate: 0.2 }).expect(200);
    expect(replaced.body).toMatchObject({ temporaryErrorRate: 0, slowJobsMs: 0, dropRate: 0.2 });
    await control().put('/_mock/provisioning/faults').send({ bogus: 1 }).expect(400);
    expect((await control().delete('/_mock/provisioning/faults').expect(200)).body.dropRate).toBe(0);
  });

  it('lists organisations, snapshots and jobs, and resets data', async () => {
    h = await startHarness();
    await pushAndWait(h, 'post', '/persons/bulk', { data: [pupil()] });
    const organisations = await control().get('/_mock/provisioning/organisations').expect(200);
    expect(organisations.body).toEqual([
      {
        organisationId: 'SE5567044268',
        counts: { persons: 1, duties: 0, groups: 0, activities: 0 },
        jobs: 1,
      },
    ]);
    const snapshot = await control()
      .get('/_mock/provisioning/organisations/SE5567044268/snapshot')
      .expect(200);
    expect(snapshot.body.persons[0].id).toBe(PUPIL_ID);
    const jobs = await control().get('/_mock/provisioning/organisations/SE5567044268/jobs').expect(200);
    expect(jobs.body[0]).toMatchObject({ resource: 'persons', counts: { Success: 1 } });
    await control().get('/_mock/provisioning/organisations/5567044268/jobs').expect(400);
    await control().delete('/_mock/provisioning/data').expect(204);
    expect((await control().get('/_mock/provisioning/organisations')).body).toEqual([]);
    const config = await control()
      .patch('/_mock/provisioning/config')
      .send({ rateLimit: { enabled: true, write: 2 } })
      .expect(200);
    expect(config.body.rateLimit).toMatchObject({ enabled: true, limits: { write: 2, read: 10 } });
    await control()
      .patch('/_mock/provisioning/config')
      .send({ rateLimit: { enabled: 'yes' } })
      .expect(400);
  });
});
