// Groups a scenario's failed rules by shared cause, so one problem with one fix reads once, with its rule ids.
import type { FindingGroup, RuleResult, ScenarioResult } from './result-model.js';

/** Failed rules explained by one kind of answer: an API that answers 500 (or nothing) fails every rule it is asked about. */
function statusOfRule(rule: RuleResult): number | undefined {
  const statuses = new Set(rule.findings.flatMap((f) => (f.requests ?? []).map((r) => r.status)));
  if (statuses.size !== 1) return undefined;
  const [status] = [...statuses] as [number];
  return status === 0 || status >= 500 ? status : undefined;
}

/** The calls made to the API under test (pull: the runner's and the SS12000 client's calls to the vendor). */
function callsToApi(scenario: Pick<ScenarioResult, 'traffic'>) {
  return scenario.traffic.filter((t) => t.kind === 'read' || t.kind === 'write');
}

function statusCause(scenario: Pick<ScenarioResult, 'traffic'>, status: number): FindingGroup['cause'] {
  const calls = callsToApi(scenario);
  const answered = status === 0 ? 'got no answer' : `answered ${status}`;
  if (calls.length > 0 && calls.every((c) => c.status === status)) return `every call ${answered}`;
  const count = calls.filter((c) => c.status === status).length;
  return count > 0 ? `${count} of ${calls.length} calls ${answered}` : `the calls in evidence ${answered}`;
}

function statusFix(status: number): string {
  return status === 0
    ? 'Make the API reachable at the URL given to --url and answer within the time limit; the rules below are judged again once it answers.'
    : `Find out why the API answers ${status} (its logs): a server error says nothing about what these rules check, and they are judged again once it answers.`;
}

/**
 * The groups of a scenario: first the rules failing because the SS 12000 API answered a server error (or
 * nothing) to every call in their evidence, then rules that share one fix. Only groups of two or more rules.
 * Push scenarios get no status groups: there the mock answers, and a 503 is the scenario's own fault.
 */
export function groupFindings(
  scenario: Pick<ScenarioResult, 'rules' | 'traffic' | 'target'>,
): FindingGroup[] {
  const failed = scenario.rules.filter((r) => r.status === 'failed');
  const groups: FindingGroup[] = [];
  const grouped = new Set<string>();
  if (scenario.target === 'ss12000') {
    const byStatus = new Map<number, RuleResult[]>();
    for (const rule of failed) {
      const status = statusOfRule(rule);
      if (status !== undefined) byStatus.set(status, [...(byStatus.get(status) ?? []), rule]);
    }
    for (const [status, rules] of byStatus) {
      if (rules.length < 2) continue;
      groups.push({
        cause: statusCause(scenario, status),
        ruleIds: rules.map((r) => r.ruleId),
        fix: statusFix(status),
      });
      for (const rule of rules) grouped.add(rule.ruleId);
    }
  }
  const byFix = new Map<string, RuleResult[]>();
  for (const rule of failed) {
    if (grouped.has(rule.ruleId)) continue;
    byFix.set(rule.fix, [...(byFix.get(rule.fix) ?? []), rule]);
  }
  for (const [fix, rules] of byFix) {
    if (rules.length < 2) continue;
    const families = [...new Set(rules.map((r) => r.family))].join('/');
    const statuses = new Set(
      rules.flatMap((r) => r.findings.flatMap((f) => (f.requests ?? []).map((q) => q.status))),
    );
    const [only] = statuses.size === 1 ? [...statuses] : [];
    const how =
      only === undefined
        ? ''
        : `: every call in their evidence was answered ${only === 0 ? 'nothing' : only}`;
    groups.push({
      cause: `${rules.length} ${families} rules fail for one reason${how}`,
      ruleIds: rules.map((r) => r.ruleId),
      fix,
    });
  }
  return groups;
}

/** The group a rule belongs to, if any. */
export function groupOf(groups: readonly FindingGroup[], ruleId: string): FindingGroup | undefined {
  return groups.find((g) => g.ruleIds.includes(ruleId));
}
