// A validated pull scenario, and the check of its rule list against the pull catalogue (used by the shared loader).
import type { z } from 'zod';
import type { RuleInvocation } from '../../result/evaluate-rules.js';
import { findPullRule } from '../rules/pull-catalogue.js';
import type { PullScenarioFile } from './pull-scenario-schema.js';

/** A validated pull scenario with its file and normalised rule list. */
export interface PullScenario extends Omit<PullScenarioFile, 'rules'> {
  /** Absolute path of the YAML file. */
  file: string;
  rules: RuleInvocation[];
}

export type AddProblem = (path: readonly PropertyKey[], message: string) => void;
export type AddZodProblems = (path: readonly PropertyKey[], error: z.ZodError) => void;

/** Checks rule ids (known, not twice) and parameters against the pull catalogue; returns the invocations. */
export function normalisePullRules(
  file: PullScenarioFile,
  add: AddProblem,
  addZod: AddZodProblems,
): RuleInvocation[] {
  const seen = new Set<string>();
  return file.rules.flatMap((ref, i) => {
    const ruleId = typeof ref === 'string' ? ref : ref.id;
    const params = typeof ref === 'string' ? {} : ref.params;
    const path = typeof ref === 'string' ? ['rules', i] : ['rules', i, 'id'];
    const rule = findPullRule(ruleId);
    if (!rule) {
      add(path, `unknown rule "${ruleId}" (see docs/rules.md)`);
      return [];
    }
    if (seen.has(ruleId)) add(path, `rule "${ruleId}" is listed twice`);
    seen.add(ruleId);
    const parsed = rule.params.safeParse(params);
    if (!parsed.success) addZod(['rules', i, 'params'], parsed.error);
    return [{ ruleId, params }];
  });
}

/** Whether a scenario has the vendor change its data (a `change` step): what it deletes, later scenarios never see. */
export function changesData(scenario: Pick<PullScenario, 'steps'>): boolean {
  return scenario.steps.some((step) => step.change !== undefined);
}

/**
 * The order a run plays scenarios in: those that only read first, then those that change data, each group in
 * the order given. So every object the API serves is fetched (and judged by the data rules) before the
 * runner's own changes, a deletion above all, can remove it.
 */
export function inRunOrder<S extends Pick<PullScenario, 'steps'>>(scenarios: readonly S[]): S[] {
  return [...scenarios.filter((s) => !changesData(s)), ...scenarios.filter(changesData)];
}
