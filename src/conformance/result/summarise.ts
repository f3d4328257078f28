// Turns scenario results into the report: tallies, overall status and the exit code.
import { groupFindings } from './group-findings.js';
import type { ConformanceReport, RuleResult, ScenarioResult, ScenarioStatus, Tally } from './result-model.js';

function tally<T>(items: readonly T[], status: (item: T) => string): Tally {
  const count = (s: string) => items.filter((item) => status(item) === s).length;
  return {
    total: items.length,
    passed: count('passed'),
    failed: count('failed'),
    advised: count('advised'),
    skipped: count('skipped'),
    error: count('error'),
  };
}

/**
 * A scenario's status from its rules: error beats failed beats passed. Advisories never fail it. A scenario
 * whose rules were all skipped judged nothing: it is `skipped` ("not judged"), never `passed`.
 */
export function scenarioStatus(rules: readonly RuleResult[], harnessError?: string): ScenarioStatus {
  if (harnessError || rules.some((r) => r.status === 'error')) return 'error';
  if (rules.some((r) => r.status === 'failed')) return 'failed';
  return rules.length > 0 && rules.every((r) => r.status === 'skipped') ? 'skipped' : 'passed';
}

/**
 * The run's status: error beats failed beats passed; a run in which every scenario was skipped judged
 * nothing and is `skipped` (exit code 2: the configuration cannot show anything, e.g. no --change-hook for
 * the change scenarios). Some skipped scenarios beside judged ones do not change the verdict.
 */
export function runStatus(scenarios: readonly Pick<ScenarioResult, 'status'>[]): ScenarioStatus {
  if (scenarios.some((s) => s.status === 'error')) return 'error';
  if (scenarios.some((s) => s.status === 'failed')) return 'failed';
  return scenarios.length > 0 && scenarios.every((s) => s.status === 'skipped') ? 'skipped' : 'passed';
}

/** The exit code of a run's status. */
export function exitCodeOf(status: ScenarioStatus): ConformanceReport['exitCode'] {
  return status === 'error' || status === 'skipped' ? 2 : status === 'failed' ? 1 : 0;
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
  const scenarios = input.scenarios.map((s) => ({ ...s, groups: s.groups ?? groupFindings(s) }));
  const rules = scenarios.flatMap((s) => s.rules);
  const status = runStatus(scenarios);
  return {
    schemaVersion: 2,
    tool: { name: 'provtjanst-mock', version: input.version },
    target: input.target ?? 'push',
    client: input.client,
    startedAt: new Date(input.startedMs).toISOString(),
    finishedAt: new Date(input.finishedMs).toISOString(),
    durationMs: input.finishedMs - input.startedMs,
    status,
    exitCode: exitCodeOf(status),
    summary: { scenarios: tally(scenarios, (s) => s.status), rules: tally(rules, (r) => r.status) },
    scenarios,
  };
}
