// Bulk jobs: Pending first, settled on the clock; per-item outcomes, showOnlyError, retention and events.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobCompletedEvent } from '../../src/mock-provisioning/index.js';
import { DUTY_ID, duty, GROUP_ID, group, MISSING_ID, PUPIL_ID, pupil, STAFF_ID, staff } from './fixtures.js';
import { awaitJob, call, type Harness, pushAndWait, startHarness } from './provisioning-harness.js';

let h: Harness;
afterEach(async () => h.close());

describe('job lifecycle', () => {
  beforeEach(async () => {
    h = await startHarness({ jobDelay: 2000, jobRetention: 3600 });
  });

  it('answers 202 with every item Pending, isCompleted false, until the delay has passed on the clock', async () => {
    const submitted = await call(h, 'post', '/persons/bulk', { body: { data: [pupil(), staff()] } });
    expect(submitted.status).toBe(202);
    const { jobId } = submitted.body;
    const pending = await call(h, 'get', `/persons/bulk/jobs/${jobId}`);
    expect(pending.body).toEqual({
      jobId,
      responses: [
        {
          id: PUPIL_ID,
          response: { status: 'Pending' },
          meta: { created: expect.any(String), modified: expect.any(String) },
        },
        {
          id: STAFF_ID,
          response: { status: 'Pending' },
          meta: { created: expect.any(String), modified: expect.any(String) },
        },
      ],
    });
    expect((await call(h, 'get', `/persons/bulk/jobs/${jobId}/isCompleted`)).body).toBe(false);
    h.clock.advance(1999);
    expect((await call(h, 'get', `/persons/bulk/jobs/${jobId}/isCompleted`)).body).toBe(false);
    h.clock.advance(1);
    expect((await call(h, 'get', `/persons/bulk/jobs/${jobId}/isCompleted`)).body).toBe(true);
    const done = await call(h, 'get', `/persons/bulk/jobs/${jobId}`);
    expect(done.body.responses[0].meta.modified).not.toBe(done.body.responses[0].meta.created);
  });

  it('keeps a completed job for the retention time, then answers 404 [4001]', async () => {
    const submitted = await call(h, 'post', '/persons/bulk', { body: { data: [pupil()] } });
    await awaitJob(h, 'persons', submitted.body.jobId);
    h.clock.advance(3_599_000);
    expect((await call(h, 'get', `/persons/bulk/jobs/${submitted.body.jobId}`)).status).toBe(200);
    h.clock.advance(1000);
    const gone = await call(h, 'get', `/persons/bulk/jobs/${submitted.body.jobId}`);
    expect(gone.status).toBe(404);
    expect(gone.body[0]).toMatchObject({ id: '4001' });
  });

  it('answers 404 for a job id asked for under another resource', async () => {
    const submitted = await call(h, 'post', '/persons/bulk', { body: { data: [pupil()] } });
    expect((await call(h, 'get', `/duties/bulk/jobs/${submitted.body.jobId}`)).status).toBe(404);
  });

  it('emits job:submitted and job:completed with the request id and counts', async () => {
    const events: JobCompletedEvent[] = [];
    h.mock.services.provisioning.events.on('job:completed', (event) => events.push(event));
    const submitted = await call(h, 'post', '/persons/bulk', {
      body: { data: [pupil(), pupil({ id: STAFF_ID, civicNo: { value: 'x' } })] },
      headers: { 'x-request-id': 'req-42' },
    });
    await awaitJob(h, 'persons', submitted.body.jobId);
    expect(events).toEqual([
      expect.objectContaining({
        jobId: submitted.body.jobId,
        organisationId: 'SE5567044268',
        resource: 'persons',
        operation: 'create',
        requestId: 'req-42',
        itemCount: 2,
        counts: { Success: 1, Warning: 0, Error: 1, TemporaryError: 0 },
      }),
    ]);
  });
});

describe('item outcomes', () => {
  beforeEach(async () => {
    h = await startHarness();
  });

  it('creates (201 + location), refuses a second create (409), updates with updateIfExists (200) and PUT (200)', async () => {
    const created = await pushAndWait(h, 'post', '/persons/bulk', { data: [pupil()] });
    expect(created.responses[0]?.response).toMatchObject({
      status: 'Success',
      statusCode: 201,
      location: expect.stringMatching(/\/persons\//),
    });
    const again = await pushAndWait(h, 'post', '/persons/bulk', { data: [pupil()] });
    expect(again.responses[0]?.response).toMatchObject({
      status: 'Error',
      statusCode: 409,
      errors: [
        expect.objectContaining({
          id: '4009',
          resourceType: 'Person',
          resourceId: PUPIL_ID,
          attributeName: 'id',
        }),
      ],
    });
    const upsert = await pushAndWait(h, 'post', '/persons/bulk?updateIfExists=true', {
      data: [pupil({ givenName: 'Pippi' })],
    });
    expect(upsert.responses[0]?.response).toEqual({
      status: 'Success',
      statusCode: 200,
      errors: [],
      warnings: [],
    });
    const put = await pushAndWait(h, 'put', '/persons/bulk', { data: [pupil({ givenName: 'Pippilotta' })] });
    expect(put.responses[0]?.response).toEqual({
      status: 'Success',
      statusCode: 200,
      errors: [],
      warnings: [],
    });
    const stored = await call(h, 'get', `/persons/${PUPIL_ID}`);
    expect(stored.body.givenName).toBe('Pippilotta');
    expect(stored.body.meta.created).toBe(
      created.responses[0]?.meta && (created.responses[0].meta as { created: string }).created,
    );
  });

  it('answers an update or delete of an unknown id with Error 404 [4001]', async () => {
    const put = await pushAndWait(h, 'put', '/persons/bulk', { data: [pupil({ id: MISSING_ID })] });
    expect(put.responses[0]?.response).toMatchObject({
      status: 'Error',
      statusCode: 404,
      errors: [expect.objectContaining({ id: '4001', resourceType: 'Person', resourceId: MISSING_ID })],
    });
    const submitted = await call(h, 'post', '/persons/bulk/delete', { body: { data: [MISSING_ID] } });
    await h.mock.services.provisioning.jobs.idle();
    const deleted = await call(h, 'get', `/persons/bulk/jobs/${submitted.body.jobId}`);
    expect(deleted.body.responses[0].response).toMatchObject({ status: 'Error', statusCode: 404 });
  });

  it('deletes with Success 204', async () => {
    await pushAndWait(h, 'post', '/persons/bulk', { data: [pupil()] });
    const submitted = await call(h, 'post', '/persons/bulk/delete', { body: { data: [PUPIL_ID] } });
    await h.mock.services.provisioning.jobs.idle();
    const job = await call(h, 'get', `/persons/bulk/jobs/${submitted.body.jobId}`);
    expect(job.body.responses[0]).toMatchObject({
      id: PUPIL_ID,
      response: { status: 'Success', statusCode: 204 },
    });
    expect((await call(h, 'get', `/persons/${PUPIL_ID}`)).status).toBe(404);
  });

  it('settles a duplicate id within one call as Error 400 [4011]; the first occurrence is processed', async () => {
    const job = await pushAndWait(h, 'post', '/persons/bulk', {
      data: [pupil(), pupil({ givenName: 'Kopia' })],
    });
    expect(job.responses.map((r) => r.id)).toEqual([PUPIL_ID, PUPIL_ID]);
    expect(job.responses[0]?.response).toMatchObject({ status: 'Success', statusCode: 201 });
    expect(job.responses[1]?.response).toMatchObject({
      status: 'Error',
      statusCode: 400,
      errors: [expect.objectContaining({ id: '4011', resourceId: PUPIL_ID })],
    });
    expect((await call(h, 'get', `/persons/${PUPIL_ID}`)).body.givenName).toBe('Pippilotta');
  });

  it('treats ids case-insensitively (Java UUIDs) and answers in lower case', async () => {
    const job = await pushAndWait(h, 'post', '/persons/bulk', {
      data: [pupil({ id: PUPIL_ID.toUpperCase() })],
    });
    expect(job.responses[0]?.id).toBe(PUPIL_ID);
    expect((await call(h, 'get', `/persons/${PUPIL_ID.toUpperCase()}`)).body.id).toBe(PUPIL_ID);
  });

  it('shows only Error items with showOnlyError=true', async () => {
    const submitted = await call(h, 'post', '/persons/bulk', {
      body: { data: [pupil(), pupil({ id: STAFF_ID, familyName: 7 })] },
    });
    await h.mock.services.provisioning.jobs.idle();
    const all = await call(h, 'get', `/persons/bulk/jobs/${submitted.body.jobId}?showOnlyError=false`);
    expect(all.body.responses).toHaveLength(2);
    const errorsOnly = await call(h, 'get', `/persons/bulk/jobs/${submitted.body.jobId}?showOnlyError=true`);
    expect(errorsOnly.body.responses).toEqual([
      expect.objectContaining({
        id: STAFF_ID,
        response: expect.objectContaining({ status: 'Error', statusCode: 400 }),
      }),
    ]);
  });

  it('accepts an empty data list as a job with no items, completed at once', async () => {
    const submitted = await call(h, 'post', '/groups/bulk', { body: { data: [] } });
    await h.mock.services.provisioning.jobs.idle();
    expect((await call(h, 'get', `/groups/bulk/jobs/${submitted.body.jobId}/isCompleted`)).body).toBe(true);
    expect((await call(h, 'get', `/groups/bulk/jobs/${submitted.body.jobId}`)).body.responses).toEqual([]);
  });
});

describe('deleting a person that duties or groups still reference', () => {
  const setUp = async () => {
    await pushAndWait(h, 'post', '/persons/bulk', { data: [pupil(), staff()] });
    await pushAndWait(h, 'post', '/duties/bulk', { data: [duty()] });
    await pushAndWait(h, 'post', '/groups/bulk', { data: [group({ groupType: 'Klass' })] });
  };

  it('refuses by default: Error 409 [4010], one entry per referring object, nothing deleted', async () => {
    h = await startHarness();
    await setUp();
    const submitted = await call(h, 'post', '/persons/bulk/delete', { body: { data: [STAFF_ID, PUPIL_ID] } });
    await h.mock.services.provisioning.jobs.idle();
    const job = await call(h, 'get', `/persons/bulk/jobs/${submitted.body.jobId}`);
    expect(job.body.responses[0].response).toMatchObject({
      status: 'Error',
      statusCode: 409,
      errors: [
        expect.objectContaining({
          id: '4010',
          resourceType: 'Person',
          resourceId: STAFF_ID,
          attributeName: 'Duty.person.id',
          attributeValue: DUTY_ID,
        }),
      ],
    });
    expect(job.body.responses[1].response.errors).toEqual([
      expect.objectContaining({
        id: '4010',
        resourceId: PUPIL_ID,
        attributeName: 'Group.groupMemberships.person.id',
        attributeValue: GROUP_ID,
      }),
    ]);
    expect((await call(h, 'get', `/persons/${STAFF_ID}`)).status).toBe(200);
  });

  it('deletes once the references are gone (duties first, then the person)', async () => {
    h = await startHarness();
    await setUp();
    await call(h, 'post', '/duties/bulk/delete', { body: { data: [DUTY_ID] } });
    const submitted = await call(h, 'post', '/persons/bulk/delete', { body: { data: [STAFF_ID] } });
    await h.mock.services.provisioning.jobs.idle();
    const job = await call(h, 'get', `/persons/bulk/jobs/${submitted.body.jobId}`);
    expect(job.body.responses[0].response).toMatchObject({ status: 'Success', statusCode: 204 });
  });

  it('with --delete-referenced cascade: deletes the duties and drops the memberships', async () => {
    h = await startHarness({ deleteReferenced: 'cascade' });
    await setUp();
    const submitted = await call(h, 'post', '/persons/bulk/delete', { body: { data: [STAFF_ID, PUPIL_ID] } });
    await h.mock.services.provisioning.jobs.idle();
    const job = await call(h, 'get', `/persons/bulk/jobs/${submitted.body.jobId}`);
    expect(
      job.body.responses.map((r: { response: { statusCode: number } }) => r.response.statusCode),
    ).toEqual([204, 204]);
    expect((await call(h, 'get', `/duties/${DUTY_ID}`)).status).toBe(404);
    expect((await call(h, 'get', `/groups/${GROUP_ID}`)).body.groupMemberships).toEqual([]);
  });
});
