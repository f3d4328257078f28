// Judges a scenario's evidence with the rules it names, turning outcomes and exceptions into RuleResults.
import type { Evidence } from '../push/evidence/evidence.js';
import { findRule } from '../push/rules/catalogue.js';
import { type ConformanceRule, failsRun } from '../rule/rule.js';
import type { RuleResult } from './result-model.js';

export interface RuleInvocation {
  ruleId: string;
  params: Record<string, unknown>;
}

/** The parts of a RuleResult that come from the rule itself, whatever evidence it judges (push or pull). */
export function ruleResultBase<E>(
  rule: ConformanceRule<E>,
  params: Record<string, unknown>,
): Omit<RuleResult, 'status' | 'findings'> {
  return {
    ruleId: rule.id,
    family: rule.family,
    title: rule.title,
    severity: rule.severity,
    why: rule.why,
    fix: rule.fix,
    sources: [...rule.sources],
    params,
  };
}

/** Evaluates one rule; a throwing rule is an `error` result (a harness fault), never a crash. */
export function evaluateRule<E>(
  rule: ConformanceRule<E>,
  evidence: E,
  params: Record<string, unknown> = {},
): RuleResult {
  try {
    const outcome = rule.evaluate(evidence, params);
    if (outcome.kind === 'skipped')
      return { ...ruleResultBase(rule, params), status: 'skipped', findings: [], skipReason: outcome.reason };
    const findings = outcome.findings;
    const status = findings.length === 0 ? 'passed' : failsRun(rule.severity) ? 'failed' : 'advised';
    return { ...ruleResultBase(rule, params), status, findings };
  } catch (error) {
    return {
      ...ruleResultBase(rule, params),
      status: 'error',
      findings: [],
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

/** Evaluates the scenario's rules in the order it lists them. */
export function evaluateRules(invocations: readonly RuleInvocation[], evidence: Evidence): RuleResult[] {
  return invocations.map(({ ruleId, params }) => {
    const rule = findRule(ruleId);
    if (!rule) throw new TypeError(`unknown rule ${ruleId}`);
    return evaluateRule(rule, evidence, params);
  });
}

/** Every listed rule as `error`: what a scenario reports when the harness could not run it. */
export function harnessErrorResults(invocations: readonly RuleInvocation[], message: string): RuleResult[] {
  return invocations.flatMap(({ ruleId, params }) => {
    const rule = findRule(ruleId);
    return rule
      ? [{ ...ruleResultBase(rule, params), status: 'error' as const, findings: [], error: message }]
      : [];
  });
}
