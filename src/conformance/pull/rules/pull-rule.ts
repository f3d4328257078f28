// What a PULL rule is: a conformance rule (data plus a pure check) over the evidence of a pull scenario.
import type { ParamsSchema, RuleFamily } from '../../rule/rule.js';
import { type ConformanceRule, defineRule, type RuleDefinition } from '../../rule/rule.js';
import type { PullEvidence } from '../evidence/pull-evidence.js';

/** The families of the pull side: each a part of Skolverket's contract for a vendor's SS 12000 API. */
export type PullRuleFamily = Extract<
  RuleFamily,
  'AUTH' | 'SUB' | 'PAGE' | 'FILTER' | 'DEL' | 'HOOK' | 'LOG' | 'STAT' | 'DATA' | 'SHAPE'
>;

export type PullRuleDefinition<P extends ParamsSchema> = RuleDefinition<P, PullEvidence> & {
  family: PullRuleFamily;
};

/** A rule in the pull catalogue. */
export type PullRule = ConformanceRule<PullEvidence>;

/**
 * Declares a pull rule.
 * @example
 * export const SUB_CREATE = definePullRule({ id: 'PULL-SUB-001', family: 'SUB', params: z.object({}), … });
 */
export function definePullRule<P extends ParamsSchema>(definition: PullRuleDefinition<P>): PullRule {
  return defineRule<P, PullEvidence>(definition);
}
