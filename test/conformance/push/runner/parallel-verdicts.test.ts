// conform push --jobs: scenarios run at the same time give the verdicts of a serial run, reported in plan order.
import { describe, expect, it, vi } from 'vitest';
import { runConformCommand } from '../../../../src/cli/conform.js';
import { runConformance } from '../../../../src/conformance/push/runner/run-conformance.js';
import type { Reporter } from '../../../../src/conformance/reporters/reporter.js';
import type { ConformanceReport } from '../../../../src/conformance/result/result-model.js';
import { resolveScenarios } from '../../../../src/conformance/scenario/find-scenarios.js';

// A mutant that never follows its jobs: some rules fail, others pass, so the verdicts say something.
const CLIENT = 'node test/fixtures/mutants/push-no-job-follow.mjs';

function recorder(events: string[]): Reporter {
  return {
    onScenarioStart: (scenario) => void events.push(`start ${scenario.id}`),
    onScenarioEnd: (result) => void events.push(`end ${result.id}`),
  };
}

const verdicts = (report: ConformanceReport) =>
  report.scenarios.map((scenario) => ({
    id: scenario.id,
    status: scenario.status,
    rules: scenario.rules.map((rule) => `${rule.ruleId} ${rule.status}`),
  }));

describe('runConformance with jobs', () => {
  it('gives a parallel run the verdicts of a serial one, in plan order', { timeout: 120_000 }, async () => {
    const scenarios = resolveScenarios(['happy-path', 'forged-token'], undefined, 'push');
    const serialEvents: string[] = [];
    const serial = await runConformance({
      client: CLIENT,
      scenarios,
      reporters: [recorder(serialEvents)],
      jobs: 1,
    });
    const parallelEvents: string[] = [];
    const parallel = await runConformance({
      client: CLIENT,
      scenarios,
      reporters: [recorder(parallelEvents)],
      jobs: 2,
    });

    expect(serialEvents).toEqual([
      'start happy-path',
      'end happy-path',
      'start forged-token',
      'end forged-token',
    ]);
    // Both started before either was reported; the reports keep the plan's order.
    expect(parallelEvents).toEqual([
      'start happy-path',
      'start forged-token',
      'end happy-path',
      'end forged-token',
    ]);
    expect(verdicts(serial).some((s) => s.rules.some((r) => r.endsWith(' failed')))).toBe(true);
    expect(verdicts(serial).some((s) => s.rules.some((r) => r.endsWith(' passed')))).toBe(true);
    expect(verdicts(parallel)).toEqual(verdicts(serial));
    expect(parallel.exitCode).toBe(serial.exitCode);
  });
});

describe('conform push --jobs', () => {
  it('exits 2 for a --jobs that is not a whole number of at least 1, saying so', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      for (const jobs of ['0', '1.5', 'many']) {
        expect(await runConformCommand(['push', '--client', 'true', '--jobs', jobs])).toBe(2);
        expect(String(err.mock.calls.at(-1)?.[0])).toContain(
          `--jobs must be a whole number of at least 1, got "${jobs}"`,
        );
      }
    } finally {
      err.mockRestore();
    }
  });
});
