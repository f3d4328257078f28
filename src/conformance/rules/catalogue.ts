// The rule catalogue: every push rule in documentation order, the pull rules beside them, and lookup by id.

import { findPullRule, PULL_RULES } from '../ss12000/rules/pull-catalogue.js';
import { AUTH_RULES } from './auth-rules.js';
import { DATA_RULES } from './data-rules.js';
import { DELETE_RULES } from './delete-rules.js';
import { IDEMP_RULES } from './idemp-rules.js';
import { JOB_RULES } from './job-rules.js';
import { LIMIT_RULES } from './limit-rules.js';
import { ORDER_RULES } from './order-rules.js';
import { RATE_RULES } from './rate-rules.js';
import type { ConformanceRule } from './rule.js';

/** The rules of `conform ss12000` (src/conformance/ss12000/rules): same shape, judged on a pull scenario's evidence. */
export { findPullRule, PULL_RULES };

export const PUSH_RULES: readonly ConformanceRule[] = [
  ...AUTH_RULES,
  ...LIMIT_RULES,
  ...RATE_RULES,
  ...ORDER_RULES,
  ...JOB_RULES,
  ...DATA_RULES,
  ...IDEMP_RULES,
  ...DELETE_RULES,
];

const BY_ID = new Map(PUSH_RULES.map((rule) => [rule.id, rule]));

/** The rule with this id, or undefined. */
export function findRule(id: string): ConformanceRule | undefined {
  return BY_ID.get(id);
}
