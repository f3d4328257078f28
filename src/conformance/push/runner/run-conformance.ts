// Runs a list of scenarios (`jobs` at a time, longest first, reported in plan order), telling every reporter; returns the report.
import { broadcast, type Reporter } from '../../reporters/reporter.js';
import type { ConformanceReport, RunPlan, ScenarioResult } from '../../result/result-model.js';
import { summarise } from '../../result/summarise.js';
import type { PushScenario, Scenario } from '../../scenario/load-scenario.js';
import { displayPath } from '../../scenario/load-scenario.js';
import { runOrderedPool } from './ordered-pool.js';
import { type PushScenarioOptions, runPushScenario } from './run-push-scenario.js';
import { longestFirst } from './start-order.js';

export interface ConformanceRunOptions extends Omit<PushScenarioOptions, 'onProgress'> {
  /** Push scenarios (`ss12000` ones run with runSs12000Conformance). */
  scenarios: readonly Scenario[];
  reporters: readonly Reporter[];
  version?: string;
  /**
   * How many scenarios run at once (default 1). Each already has its own mock on its own ports, state and
   * data directories; results reach reporters in plan order whatever finishes first. With more than one,
   * the scenarios with the longest `expectedSeconds` start first (longestFirst); with one, plan order.
   */
  jobs?: number;
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
  const { scenarios, reporters, jobs = 1, ...scenarioOptions } = options;
  const startedMs = Date.now();
  const plan = planOf(options.client, scenarios);
  const pushScenarios: PushScenario[] = scenarios.map((scenario) => {
    if (scenario.target !== 'push')
      throw new TypeError(`runConformance runs push scenarios; ${scenario.id} is ${scenario.target}`);
    return scenario;
  });
  await broadcast(reporters, 'onRunStart', plan);
  // Hooks are awaited one at a time, even when scenarios start and end concurrently.
  let hooks: Promise<void> = Promise.resolve();
  const tell = (call: () => Promise<void>) => {
    hooks = hooks.then(call);
    return hooks;
  };
  const results: ScenarioResult[] = [];
  await runOrderedPool({
    items: pushScenarios,
    concurrency: jobs,
    ...(jobs > 1 ? { startOrder: longestFirst(pushScenarios.map((s) => s.expectedSeconds)) } : {}),
    run: async (scenario, index) => {
      const planned = plan.scenarios[index] as RunPlan['scenarios'][number];
      await tell(() => broadcast(reporters, 'onScenarioStart', planned, { index, total: scenarios.length }));
      return runPushScenario(scenario, {
        ...scenarioOptions,
        onProgress: (phase, message) => {
          for (const reporter of reporters)
            reporter.onProgress?.({ scenarioId: scenario.id, phase, message });
        },
      });
    },
    deliver: (outcome) => {
      results.push(outcome.result);
      return tell(() =>
        broadcast(
          reporters,
          'onScenarioEnd',
          outcome.result,
          outcome.evidence ? { evidence: outcome.evidence } : {},
        ),
      );
    },
  });
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
