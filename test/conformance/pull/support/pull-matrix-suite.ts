// Defines one vitest suite per mutant: the pull library (or the case's scenarios) runs against it, and exactly the expected rules fail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSs12000Conformance } from '../../../../src/conformance/pull/runner/run-ss12000-conformance.js';
import type { ConformanceReport } from '../../../../src/conformance/result/result-model.js';
import type { PullMutantCase } from '../pull-mutant-matrix.js';
import {
  FAST_PULL_SETTINGS,
  loadPullLibrary,
  ORG,
  type PullHarness,
  startPullHarness,
} from './pull-harness.js';

/** Scenario id → rule ids with this status, for every scenario with one. */
export function rulesWith(
  report: ConformanceReport,
  status: 'failed' | 'advised' = 'failed',
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const scenario of report.scenarios) {
    const found = scenario.rules.filter((r) => r.status === status).map((r) => r.ruleId);
    if (found.length > 0) out[scenario.id] = found;
  }
  return out;
}

/** Scenario id → failed rule ids, for every scenario with a failure. */
export function failuresOf(report: ConformanceReport): Record<string, string[]> {
  return rulesWith(report, 'failed');
}

export function definePullMutantSuite(cases: readonly PullMutantCase[]): void {
  describe.each(cases.map((c) => [c.kind ?? 'mutant', c.mutant.name, c] as const))(
    '%s ss12000-%s',
    (_kind, _name, testCase) => {
      let harness: PullHarness;
      let report: ConformanceReport;

      beforeAll(async () => {
        harness = await startPullHarness();
        const vendor = await harness.startVendor(testCase.mutant);
        report = await runSs12000Conformance({
          vendorUrl: vendor.url,
          organisationNumber: ORG,
          scenarios: loadPullLibrary().filter(
            (s) => !testCase.scenarios || testCase.scenarios.includes(s.id),
          ),
          changeDriver: harness.hookDriver(),
          mock: harness.mock,
          settings: FAST_PULL_SETTINGS,
        });
      }, 120_000);

      afterAll(async () => {
        await harness?.close();
      });

      const expected = Object.values(testCase.expect).flat();
      it(`fails exactly ${expected.length > 0 ? expected.join(', ') : 'nothing'}, with evidence`, () => {
        const details = report.scenarios.flatMap((s) =>
          s.rules
            .filter((r) => r.status === 'failed')
            .map((r) => `${s.id} ${r.ruleId}: ${r.findings[0]?.message}`),
        );
        expect(failuresOf(report), details.join('\n')).toEqual(testCase.expect);
        expect(rulesWith(report, 'advised'), 'advisories').toEqual(testCase.advise ?? {});
        for (const scenario of report.scenarios) {
          for (const rule of scenario.rules.filter((r) => r.status === 'failed')) {
            expect(rule.findings.length).toBeGreaterThan(0);
            if (testCase.phrase) expect(rule.findings[0]?.message).toContain(testCase.phrase);
          }
        }
      });

      const exitCode = expected.length > 0 ? 1 : 0;
      it(`ends with exit code ${exitCode}, no harness error`, () => {
        const errors = report.scenarios
          .flatMap((s) => [
            s.harnessError ?? '',
            ...s.rules.filter((r) => r.status === 'error').map((r) => `${r.ruleId}: ${r.error}`),
          ])
          .filter(Boolean);
        expect(errors).toEqual([]);
        expect(report.exitCode).toBe(exitCode);
      });
    },
  );
}
