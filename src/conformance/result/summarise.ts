// Turns scenario results into the report: tallies, overall status and the exit code.
import type { ConformanceReport, RuleResult, ScenarioResult, ScenarioStatus, Tally } from './result-model.js';

function tally<T>(items: readonly T[], status: (item: T) => string): Tally {
  const count = (s: string) => items.filter((item) => status(item) === s).length;
  return {
    total: items.length,
    passed: count('passed'),
    failed: count('failed'),
    skipped: count('skipped'),
    error: count('error'),
  };
}

/** A scenario's status from its rules: error beats failed beats passed. */
export function scenarioStatus(rules: readonly RuleResult[], harnessError?: string): ScenarioStatus {
  if (harnessError || rules.some((r) => r.status === 'error')) return 'error';
  return rules.some((r) => r.status === 'failed') ? 'failed' : 'passed';
}

export interface SummariseInput {
  client: string;
  /** Default `push`. */
  target?: ConformanceReport['target'];
  version: string;
  startedMs: number;
  finishedMs: number;
  scenarios: ScenarioResult[];
}

export function summarise(input: SummariseInput): ConformanceReport {
  const rules = input.scenarios.flatMap((s) => s.rules);
  const status: ScenarioStatus = input.scenarios.some((s) => s.status === 'error')
    ? 'error'
    : input.scenarios.some((s) => s.status === 'failed')
      ? 'failed'
      : 'passed';
  return {
    schemaVersion: 1,
    tool: { name: 'provtjanst-mock', version: input.version },
    target: input.target ?? 'push',
    client: input.client,
    startedAt: new Date(input.startedMs).toISOString(),
    finishedAt: new Date(input.finishedMs).toISOString(),
    durationMs: input.finishedMs - input.startedMs,
    status,
    exitCode: status === 'error' ? 2 : status === 'failed' ? 1 : 0,
    summary: { scenarios: tally(input.scenarios, (s) => s.status), rules: tally(rules, (r) => r.status) },
    scenarios: input.scenarios,
  };
}
