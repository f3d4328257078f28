// Runs a list of scenarios one after another, telling every reporter, and returns the report.
import { broadcast, type Reporter } from '../../reporters/reporter.js';
import type { ConformanceReport, RunPlan, ScenarioResult } from '../../result/result-model.js';
import { summarise } from '../../result/summarise.js';
import type { Scenario } from '../../scenario/load-scenario.js';
import { displayPath } from '../../scenario/load-scenario.js';
import { type PushScenarioOptions, runPushScenario } from './run-push-scenario.js';

export interface ConformanceRunOptions extends Omit<PushScenarioOptions, 'onProgress'> {
  /** Push scenarios (`ss12000` ones run with runSs12000Conformance). */
  scenarios: readonly Scenario[];
  reporters: readonly Reporter[];
  version?: string;
}

/** The plan reporters see before anything runs (also what `--list` prints). */
export function planOf(client: string, scenarios: readonly Scenario[]): RunPlan {
  return {
    client,
    scenarios: scenarios.map((s) => ({
      id: s.id,
      title: s.title,
      file: displayPath(s.file),
      ruleIds: s.rules.map((r) => r.ruleId),
    })),
  };
}

/**
 * Runs every scenario and returns the report (its `exitCode` is the command's).
 * @example const report = await runConformance({ client: 'node examples/push-client/main.mjs', scenarios, reporters: [] });
 */
export async function runConformance(options: ConformanceRunOptions): Promise<ConformanceReport> {
  const { scenarios, reporters, ...scenarioOptions } = options;
  const startedMs = Date.now();
  const plan = planOf(options.client, scenarios);
  await broadcast(reporters, 'onRunStart', plan);
  const results: ScenarioResult[] = [];
  for (const [index, scenario] of scenarios.entries()) {
    if (scenario.target !== 'push')
      throw new TypeError(`runConformance runs push scenarios; ${scenario.id} is ${scenario.target}`);
    const planned = plan.scenarios[index] as RunPlan['scenarios'][number];
    await broadcast(reporters, 'onScenarioStart', planned, { index, total: scenarios.length });
    const outcome = await runPushScenario(scenario, {
      ...scenarioOptions,
      onProgress: (phase, message) => {
        for (const reporter of reporters) reporter.onProgress?.({ scenarioId: scenario.id, phase, message });
      },
    });
    results.push(outcome.result);
    await broadcast(
      reporters,
      'onScenarioEnd',
      outcome.result,
      outcome.evidence ? { evidence: outcome.evidence } : {},
    );
  }
  const report = summarise({
    client: options.client,
    version: options.version ?? '0.1.0',
    startedMs,
    finishedMs: Date.now(),
    scenarios: results,
  });
  await broadcast(reporters, 'onRunEnd', report);
  return report;
}
