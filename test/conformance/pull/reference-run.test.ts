// The harness tests itself: the reference SS 12000 API passes every pull scenario, driven through its change hook.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSs12000Conformance } from '../../../src/conformance/pull/runner/run-ss12000-conformance.js';
import type { ConformanceReport } from '../../../src/conformance/result/result-model.js';
import {
  FAST_PULL_SETTINGS,
  loadPullLibrary,
  ORG,
  type PullHarness,
  startPullHarness,
} from './support/pull-harness.js';

describe('the reference SS 12000 API against every pull scenario', () => {
  let harness: PullHarness;
  let report: ConformanceReport;

  beforeAll(async () => {
    harness = await startPullHarness();
    const vendor = await harness.startVendor();
    const started = Date.now();
    report = await runSs12000Conformance({
      vendorUrl: vendor.url,
      organisationNumber: ORG,
      scenarios: loadPullLibrary(),
      changeDriver: harness.hookDriver(),
      mock: harness.mock,
      settings: FAST_PULL_SETTINGS,
    });
    console.log(`reference run: ${Date.now() - started} ms`);
  }, 120_000);

  afterAll(async () => {
    await harness?.close();
  });

  it('passes every rule of every scenario (exit 0)', () => {
    const notPassed = report.scenarios.flatMap((s) =>
      s.rules
        .filter((r) => r.status !== 'passed')
        .map(
          (r) =>
            `${s.id} ${r.ruleId} ${r.status}: ${r.skipReason ?? r.error ?? r.findings.map((f) => f.message).join(' | ')}`,
        ),
    );
    expect(notPassed).toEqual([]);
    expect(report.exitCode).toBe(0);
  });
});
