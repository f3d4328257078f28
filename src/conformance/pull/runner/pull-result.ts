// Pull results in the shared result model: rule evaluation over pull evidence, harness errors, and the timeline.

import { evaluateRule, type RuleInvocation, ruleResultBase } from '../../result/evaluate-rules.js';
import { toRequestRef } from '../../result/request-ref.js';
import type { RuleResult, TrafficItem } from '../../result/result-model.js';
import type { PullEvidence } from '../evidence/pull-evidence.js';
import { findPullRule } from '../rules/pull-catalogue.js';

/** Evaluates the scenario's rules in the order it lists them. */
export function evaluatePullRules(
  invocations: readonly RuleInvocation[],
  evidence: PullEvidence,
): RuleResult[] {
  return invocations.map(({ ruleId, params }) => {
    const rule = findPullRule(ruleId);
    if (!rule) throw new TypeError(`unknown rule ${ruleId}`);
    return evaluateRule(rule, evidence, params);
  });
}

/** Every rule of the scenario as `error`, when the harness could not run it. */
export function harnessErrorRules(invocations: readonly RuleInvocation[], message: string): RuleResult[] {
  return invocations.flatMap(({ ruleId, params }) => {
    const rule = findPullRule(ruleId);
    return rule
      ? [
          {
            ...ruleResultBase(rule, params),
            status: 'error' as const,
            findings: [],
            error: `not evaluated: ${message}`,
          },
        ]
      : [];
  });
}

/** The timeline: every recorded exchange with its lane (token, reads, writes, webhooks) and offset from the start. */
export function pullTrafficItems(evidence: PullEvidence, scenarioStartMs: number): TrafficItem[] {
  return evidence.journal.map((entry) => ({
    ...toRequestRef(entry),
    component: entry.component,
    kind:
      entry.component === 'auth'
        ? entry.path === '/transaction'
          ? 'token'
          : 'jwks'
        : entry.direction === 'inbound'
          ? entry.component === 'ss12000-client'
            ? 'webhook'
            : 'other'
          : entry.method === 'GET'
            ? 'read'
            : 'write',
    durationMs: entry.durationMs,
    offsetMs: Math.max(0, entry.timeMs - scenarioStartMs),
  }));
}
