// The PULL rule catalogue: every rule for a vendor's SS 12000 API in documentation order, and lookup by id.
import { PULL_AUTH_RULES } from './auth-rules.js';
import { PULL_DATA_RULES } from './data-rules.js';
import { PULL_DEL_RULES } from './del-rules.js';
import { PULL_FILTER_RULES } from './filter-rules.js';
import { PULL_HOOK_RULES } from './hook-rules.js';
import { PULL_PAGE_RULES } from './page-rules.js';
import type { PullRule } from './pull-rule.js';
import { PULL_REPORT_RULES } from './report-rules.js';
import { PULL_SHAPE_RULES } from './shape-rules.js';
import { PULL_SUB_RULES } from './sub-rules.js';

export const PULL_RULES: readonly PullRule[] = [
  ...PULL_AUTH_RULES,
  ...PULL_SUB_RULES,
  ...PULL_PAGE_RULES,
  ...PULL_FILTER_RULES,
  ...PULL_DEL_RULES,
  ...PULL_HOOK_RULES,
  ...PULL_REPORT_RULES,
  ...PULL_DATA_RULES,
  ...PULL_SHAPE_RULES,
];

const BY_ID = new Map(PULL_RULES.map((rule) => [rule.id, rule]));

/** The pull rule with this id, or undefined. */
export function findPullRule(id: string): PullRule | undefined {
  return BY_ID.get(id);
}
