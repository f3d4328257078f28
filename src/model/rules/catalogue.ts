// The rule catalogue: every data rule, per resource and as one list (docs/data-rules.md is generated from it).
import type { ResourceItems, ResourceName } from '../resource.js';
import type { ItemRule, RuleDefinition } from '../rule.js';
import { ACTIVITY_RULES } from './activity-rules.js';
import { CIVIC_NO_RULES } from './civic-no-rules.js';
import { DUTY_RULES } from './duty-rules.js';
import { ENROLMENT_RULES } from './enrolment-rules.js';
import { GROUP_RULES } from './group-rules.js';
import { PERSON_RULES } from './person-rules.js';
import { SCHEMA_RULES } from './schema-rules.js';

/** The named rules of each resource, in the order they run. */
export const RESOURCE_RULES: { readonly [R in ResourceName]: readonly ItemRule<ResourceItems[R]>[] } = {
  persons: [...PERSON_RULES, ...CIVIC_NO_RULES, ...ENROLMENT_RULES],
  duties: DUTY_RULES,
  groups: GROUP_RULES,
  activities: ACTIVITY_RULES,
};

/** Every rule: the generic schema rules, then each resource's. Codes and names are unique and stable. */
export const RULES: readonly RuleDefinition[] = [
  ...SCHEMA_RULES,
  ...RESOURCE_RULES.persons,
  ...RESOURCE_RULES.duties,
  ...RESOURCE_RULES.groups,
  ...RESOURCE_RULES.activities,
];

/** The rule with this code, or undefined. */
export function findRule(code: number): RuleDefinition | undefined {
  return RULES.find((rule) => rule.code === code);
}
