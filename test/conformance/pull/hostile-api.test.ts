// The runner survives a hostile SS 12000 API: timeouts, size caps and loop guards end each probe, and each is a failure with evidence (exit 1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSs12000Conformance } from '../../../src/conformance/pull/runner/run-ss12000-conformance.js';
import type { ConformanceReport } from '../../../src/conformance/result/result-model.js';
import {
  type HostileApi,
  type HostileMode,
  startHostileApi,
} from '../../fixtures/hostile-ss12000/hostile-api.js';
import { loadPullLibrary, ORG, type PullHarness, startPullHarness } from './support/pull-harness.js';

const HOSTILE_SETTINGS = {
  requestTimeoutMs: 400,
  maxResponseBytes: 64 * 1024,
  pageLimit: 25,
  walkBudgetMs: 5000,
  webhookTimeoutMs: 500,
  webhookSettleMs: 50,
  syncTimeoutMs: 3000,
};

/** Mode → the PULL rule that must fail and a phrase of its finding. */
const CASES: Array<[HostileMode, string, RegExp]> = [
  ['slow-headers', 'PULL-SHAPE-001', /no complete answer within the time limit/],
  ['slow-body', 'PULL-SHAPE-001', /no complete answer within the time limit/],
  ['huge-declared', 'PULL-SHAPE-001', /over the size cap/],
  ['huge-streamed', 'PULL-SHAPE-001', /over the size cap/],
  ['invalid-json', 'PULL-SHAPE-001', /not JSON/],
  ['wrong-content-type', 'PULL-SHAPE-001', /other than application\/json/],
  ['status-500', 'PULL-SHAPE-001', /error status/],
  ['endless-pages', 'PULL-PAGE-003', /more pages after the page limit/],
  ['repeated-token', 'PULL-PAGE-003', /handed out a pageToken it had handed out before/],
];

describe('a hostile SS 12000 API', () => {
  let harness: PullHarness;
  let hostile: HostileApi;
  const fullSync = () => loadPullLibrary().filter((s) => s.id === 'ss12000-full-sync');

  beforeAll(async () => {
    harness = await startPullHarness();
    hostile = await startHostileApi();
  });

  afterAll(async () => {
    await hostile?.close();
    await harness?.close();
  });

  const run = (mode: HostileMode): Promise<ConformanceReport> =>
    runSs12000Conformance({
      vendorUrl: hostile.url(mode),
      organisationNumber: ORG,
      scenarios: fullSync(),
      mock: harness.mock,
      settings: HOSTILE_SETTINGS,
    });

  it.each(CASES)(
    '%s: %s fails with the failing request as evidence, and the run exits 1',
    async (mode, ruleId, phrase) => {
      const started = Date.now();
      const report = await run(mode);
      const rule = report.scenarios[0]?.rules.find((r) => r.ruleId === ruleId);
      expect(rule?.status).toBe('failed');
      expect(rule?.findings.map((f) => f.message).join('\n')).toMatch(phrase);
      expect(rule?.findings[0]?.requests?.[0]?.path).toMatch(/\/persons$/);
      expect(report.scenarios[0]?.harnessError).toBeUndefined();
      expect(report.exitCode).toBe(1);
      expect(Date.now() - started).toBeLessThan(8000);
    },
  );

  it('a calm API with no data passes the full sync, but its data rules are skipped, not passed', async () => {
    const report = await run('calm');
    expect(report.exitCode).toBe(0);
    const data = report.scenarios[0]?.rules.find((r) => r.ruleId === 'PULL-DATA-001');
    expect(data?.status).toBe('skipped');
    expect(data?.skipReason).toBe('every list fetched was empty: there was no object to judge');
  });

  it('an API answering every call with 500 leads the auth matrix with that one cause, not nine fixes', async () => {
    const report = await runSs12000Conformance({
      vendorUrl: hostile.url('all-500'),
      organisationNumber: ORG,
      scenarios: loadPullLibrary().filter((s) => s.id === 'ss12000-auth-matrix'),
      mock: harness.mock,
      settings: HOSTILE_SETTINGS,
    });
    const [scenario] = report.scenarios;
    expect(scenario?.groups?.[0]?.cause).toBe('every call answered 500');
    expect(scenario?.groups?.[0]?.ruleIds).toEqual(
      expect.arrayContaining(['PULL-AUTH-001', 'PULL-AUTH-008', 'PULL-AUTH-009']),
    );
    expect(scenario?.groups).toHaveLength(1);
    expect(report.exitCode).toBe(1);
  });
});
