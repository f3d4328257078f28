// The push rule catalogue: every PUSH rule in documentation order, and lookup by id.

import type { ConformanceRule } from '../../rule/rule.js';
import { AUTH_RULES } from './auth-rules.js';
import { DATA_RULES } from './data-rules.js';
import { DELETE_RULES } from './delete-rules.js';
import { IDEMP_RULES } from './idemp-rules.js';
import { JOB_RULES } from './job-rules.js';
import { LIMIT_RULES } from './limit-rules.js';
import { ORDER_RULES } from './order-rules.js';
import { RATE_RULES } from './rate-rules.js';

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
