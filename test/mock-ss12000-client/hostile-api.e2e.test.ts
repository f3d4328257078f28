// A hostile SS 12000 API cannot hang or crash the client: every problem ends the resource with a clear reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncErrorCode } from '../../src/mock-ss12000-client/index.js';
import {
  type HostileApi,
  type HostileMode,
  startHostileApi,
} from '../fixtures/hostile-ss12000/hostile-api.js';
import { control, type MockHarness, registerAndSync, startMockHarness } from './harness.js';

const MAX_RESPONSE_BYTES = 256 * 1024;

describe('a hostile SS 12000 API', () => {
  let mock: MockHarness;
  let hostile: HostileApi;

  beforeAll(async () => {
    mock = await startMockHarness({
      ss12000RequestTimeout: 300,
      ss12000PageLimit: 20,
      ss12000MaxResponseBytes: MAX_RESPONSE_BYTES,
    });
    hostile = await startHostileApi();
  });

  afterAll(async () => {
    await hostile?.close();
    await mock?.close();
  });

  async function syncAgainst(mode: HostileMode) {
    const { registered } = await registerAndSync(mock, hostile.url(mode));
    const job = registered.jobs()[0];
    const person = job?.outcomes.find((o) => o.resourceType === 'Person');
    return { registered, job, person };
  }

  const cases: [HostileMode, SyncErrorCode, RegExp, number][] = [
    ['endless-pages', 'page_limit', /after 20 \(page limit\)/, 20],
    ['repeated-token', 'repeated_page_token', /already followed/, 2],
    ['status-500', 'http_status', /answered 500/, 3],
    ['slow-headers', 'timeout', /timeout/, 3],
    ['slow-body', 'timeout', /timeout/, 3],
    ['invalid-json', 'invalid_json', /not valid JSON/, 3],
    ['huge-declared', 'response_too_large', /over the cap/, 3],
    ['huge-streamed', 'response_too_large', /past the cap/, 3],
    ['wrong-content-type', 'wrong_content_type', /text\/html/, 3],
    ['wrong-shape', 'invalid_answer', /no "data" array/, 3],
  ];

  it.each(cases)(
    '%s: Person fails with %s, the rest of the sync goes on',
    async (mode, code, message, calls) => {
      const { job, person } = await syncAgainst(mode);
      expect(person?.state).toBe('failed');
      expect(person?.error?.code).toBe(code);
      expect(person?.error?.message).toMatch(message);
      expect(hostile.hits(mode, 'GET', '/persons')).toBe(calls);
      expect(job?.outcomes.map((o) => o.state)).toEqual([
        'succeeded',
        'failed',
        'succeeded',
        'succeeded',
        'succeeded',
      ]);
      expect(job?.state).toBe('partial');
      // The vendor is told, in its own /log, which resource failed and why.
      const logged = hostile.logs(mode).find((e) => e.messageType === `sync.${code}`);
      expect(logged).toMatchObject({ resourceType: 'Person', severityLevel: 'Error' });
    },
  );

  it('retries each GET three times: a flaky API succeeds on the third try', async () => {
    const { person } = await syncAgainst('flaky');
    expect(person?.state).toBe('succeeded');
    expect(hostile.hits('flaky', 'GET', '/persons')).toBe(3);
    const attempts = mock.running.mock.services.journal
      .query({ direction: 'outbound', path: '/flaky/persons' })
      .map((e) => [e.status, e.notes?.attempt]);
    expect(attempts).toEqual([
      [500, 1],
      [500, 2],
      [200, 3],
    ]);
  });

  it('stops after three failed resources and logs each of them', async () => {
    const { job, registered } = await syncAgainst('all-500');
    expect(job?.outcomes.map((o) => o.state)).toEqual(['failed', 'failed', 'failed', 'skipped', 'skipped']);
    expect(job?.stoppedBecause).toBe('3 resources failed');
    expect(job?.state).toBe('failed');
    expect(registered.view().state).toBe('failed');
    expect(hostile.logs('all-500').map((e) => e.resourceType)).toEqual(['Organisation', 'Person', 'Group']);
    expect(hostile.hits('all-500', 'GET', '/duties')).toBe(0);
  });

  it('records a timed-out call in the journal with status 0 and the reason', () => {
    const entries = mock.running.mock.services.journal.query({
      direction: 'outbound',
      path: '/slow-headers/persons',
    });
    expect(entries).toHaveLength(3);
    for (const entry of entries) {
      expect(entry.status).toBe(0);
      expect(entry.error).toMatch(/TimeoutError/);
    }
  });

  it('keeps only what it read of a huge answer, capped, in the journal', () => {
    const [entry] = mock.running.mock.services.journal.query({
      direction: 'outbound',
      path: '/huge-streamed/persons',
    });
    expect(entry?.status).toBe(200);
    expect(entry?.responseBodySize).toBeLessThan(MAX_RESPONSE_BYTES * 2);
    expect(entry?.responseBodyTruncated).toBe(true);
    expect((entry?.responseBody ?? '').length).toBeLessThanOrEqual(
      mock.running.mock.services.journal.bodyCapBytes,
    );
  });

  it('survives a vendor whose subscription, /log and /statistics are broken', async () => {
    const { job, registered } = await syncAgainst('broken-reporting');
    expect(job?.state).toBe('succeeded');
    expect(registered.view().subscription).toMatchObject({ state: 'failed', error: { code: 'http_status' } });
    // Three statistics refused in a row: the job stops reporting and fetches on.
    expect(job?.reportFailures).toBe(3);
    expect(job?.reportingStoppedBecause).toMatch(/3 reports in a row failed.*500/);
    expect(hostile.hits('broken-reporting', 'POST', '/statistics')).toBe(3);
  });

  it('stops reporting to a /log that never answers after three timeouts, and finishes the sync', async () => {
    const { job, person } = await syncAgainst('slow-reporting');
    expect(person).toMatchObject({ state: 'succeeded', received: 10, rejected: 10 });
    // Organisation's statistics and two /log entries time out; nothing more is sent.
    expect(job?.reportFailures).toBe(3);
    expect(hostile.hits('slow-reporting', 'POST', '/statistics')).toBe(1);
    expect(hostile.hits('slow-reporting', 'POST', '/log')).toBe(2);
    expect(job?.logEntriesSkipped).toBeGreaterThan(5);
    expect(job?.reportingStoppedBecause).toMatch(/3 reports in a row failed/);
  });

  it('is still serving after all of it', async () => {
    const info = await control(mock, 'GET', '/info');
    expect(info.status).toBe(200);
    const list = await control(mock, 'GET', '/admin/ss12000-apis');
    expect((list.body.registrations as unknown[]).length).toBeGreaterThan(10);
  });
});
