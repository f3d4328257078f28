// Test helper: evaluates a rule and returns its findings, or the skip reason.
import type { Evidence } from '../../../../src/conformance/push/evidence/evidence.js';
import type { ConformanceRule, Finding } from '../../../../src/conformance/rule/rule.js';

export function findings(
  rule: ConformanceRule,
  evidence: Evidence,
  params: Record<string, unknown> = {},
): Finding[] {
  const outcome = rule.evaluate(evidence, params);
  if (outcome.kind === 'skipped') throw new Error(`${rule.id} skipped: ${outcome.reason}`);
  return outcome.findings;
}

export function skipReason(rule: ConformanceRule, evidence: Evidence): string | undefined {
  const outcome = rule.evaluate(evidence, {});
  return outcome.kind === 'skipped' ? outcome.reason : undefined;
}
