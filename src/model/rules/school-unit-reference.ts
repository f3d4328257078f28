// Shared rules for a Skolverket school-unit reference: known in open data, and the caller's own.
import type { ResourceName } from '../resource.js';
import { type ItemRule, reportFinding } from '../rule.js';
import type { RuleContext } from '../rule-context.js';

/** A school-unit reference inside an item, with the path it sits at. */
export interface SchoolUnitRef {
  id: string;
  attributeName: string;
}

/** What is wrong with a school-unit reference, if anything. */
export function schoolUnitProblem(
  id: string,
  ctx: RuleContext,
): 'unknown' | 'other-organisation' | undefined {
  const unit = ctx.schoolUnit(id);
  if (!unit) return 'unknown';
  return unit.organisationNumber === ctx.organisationNumber ? undefined : 'other-organisation';
}

export interface SchoolUnitRuleOptions<T> {
  codes: { unknown: number; otherOrganisation: number };
  /** Rule-name prefix, e.g. `duty.duty-at`. */
  prefix: string;
  resource: ResourceName;
  /** Generic attribute path, e.g. `enrolments[].enroledAt.id`. */
  attributeName: string;
  source: string;
  refs(item: T): SchoolUnitRef[];
}

/**
 * Builds the pair of rules every school-unit reference gets: `…unknown` (not in open data, 400) and
 * `…other-organisation` (in open data, but another huvudman's; 403, its own code).
 */
export function schoolUnitRules<T>(options: SchoolUnitRuleOptions<T>): [ItemRule<T>, ItemRule<T>] {
  const unknown: ItemRule<T> = {
    code: options.codes.unknown,
    name: `${options.prefix}.unknown`,
    resource: options.resource,
    severity: 'Error',
    statusCode: 400,
    messageType: 'Ogiltigt värde',
    message:
      'Skolenheten <{value}> i <{attribute}> finns inte. Värdet ska vara ett UUID-värde som är genererat av Skolverket och kan hämtas via provtjänstens open-data API.',
    attributeName: options.attributeName,
    source: options.source,
    check: (item, ctx) =>
      options
        .refs(item)
        .filter((ref) => schoolUnitProblem(ref.id, ctx) === 'unknown')
        .map((ref) => reportFinding(unknown, { attributeName: ref.attributeName, attributeValue: ref.id })),
  };
  const otherOrganisation: ItemRule<T> = {
    code: options.codes.otherOrganisation,
    name: `${options.prefix}.other-organisation`,
    resource: options.resource,
    severity: 'Error',
    statusCode: 403,
    messageType: 'Behörighet saknas',
    message:
      'Skolenheten <{value}> i <{attribute}> tillhör inte huvudmannen. Uppgifter får endast överföras för huvudmannens egna skolenheter.',
    attributeName: options.attributeName,
    source: options.source,
    interpretation:
      'A school unit that open data knows but that belongs to another organisation gets its own code, apart from an unknown one, with 403 "Behörighet saknas": a huvudman sees and changes only its own data (dnp-facts §3).',
    check: (item, ctx) =>
      options
        .refs(item)
        .filter((ref) => schoolUnitProblem(ref.id, ctx) === 'other-organisation')
        .map((ref) =>
          reportFinding(otherOrganisation, { attributeName: ref.attributeName, attributeValue: ref.id }),
        ),
  };
  return [unknown, otherOrganisation];
}

/** Does open data say the (known) school unit runs `schoolType`? True when the unit is unknown (reported elsewhere). */
export function isSchoolTypeOffered(id: string, schoolType: string, ctx: RuleContext): boolean {
  const unit = ctx.schoolUnit(id);
  return !unit || unit.schoolTypes.includes(schoolType);
}
