// What cross-resource rules may ask about the world: a small read-only view the caller implements.
import type { Duty } from './schemas/duty.js';
import type { Group } from './schemas/group.js';
import type { Person } from './schemas/person.js';

/** A school unit as open data describes it, reduced to what the rules need. */
export interface SchoolUnitFacts {
  /** 10-digit organisation number of the huvudman the unit belongs to. */
  organisationNumber: string;
  /** School types the unit runs (`GR`, `GY`, …). */
  schoolTypes: readonly string[];
}

/** An exam activity (provaktivitet) from open data. */
export interface ExamActivityFacts {
  schoolType: string;
}

/** The mock's interpretations of unpublished rules, each a named, configurable setting. */
export interface RuleSettings {
  /** Rule names (e.g. `enrolment.school-type.not-offered`) that are switched off. */
  disabledRules: readonly string[];
  /**
   * EPPN quality (3047) also treats `middleName` as a family name. The spec's own 3047 example fires on
   * `efraimsdotter09@…`, and Efraimsdotter is the spec person's middle name (a Swedish mellannamn is a
   * family-type name).
   */
  eppnQualityIncludesMiddleName: boolean;
  /**
   * A property sent as `null` counts as absent (as a Java/Jackson service reads it), so an optional
   * `"middleName": null` passes and a required one reports "saknas". Off: null is a type error, per the
   * letter of OpenAPI 3.0 (no `nullable`).
   */
  nullAsAbsent: boolean;
}

export const DEFAULT_RULE_SETTINGS: RuleSettings = {
  disabledRules: [],
  eppnQualityIncludesMiddleName: true,
  nullAsAbsent: true,
};

/** One line per setting, for docs/data-rules.md. */
export const RULE_SETTING_DESCRIPTIONS: Readonly<Record<keyof RuleSettings, string>> = {
  disabledRules: 'Rule names to switch off (their checks do not run; schema issues are always reported).',
  eppnQualityIncludesMiddleName:
    "Warning 3047 also treats middleName as a family name (the spec's 3047 example fires on the middle name Efraimsdotter).",
  nullAsAbsent:
    'A property sent as null counts as absent, as a Java/Jackson service reads it; off: null is a type error (3102).',
};

/**
 * Everything cross-resource rules read. The Provisioning API implements it over its per-organisation store
 * and the open-data catalogue; the SS12000 client over its mirror. Lookups of the caller's own data
 * (`person`, `duty`, `group`, the EPPN owners, `isStaff`) should include items accepted earlier in the same
 * batch when the caller wants batch order to matter (the caller decides). Every method is pure: no writes.
 */
export interface RuleContext {
  /** The caller's 10-digit organisation number (the JWT's `organization_id` without `SE`). */
  readonly organisationNumber: string;
  /** "Today" from the mock's clock (programme validity). */
  readonly today: Date;
  /** Open data: the school unit with this Skolverket UUID, if any. */
  schoolUnit(id: string): SchoolUnitFacts | undefined;
  /** Open data: the exam activity with this Skolverket UUID, if any. */
  examActivity(id: string): ExamActivityFacts | undefined;
  /** Open data: is there a programme with this education code that may be used on `on` (validFrom passed, not expired)? */
  isProgrammeValid(educationCode: string, on: Date): boolean;
  /** The caller's stored person. */
  person(id: string): Person | undefined;
  /** The caller's stored duty. */
  duty(id: string): Duty | undefined;
  /** The caller's stored group. */
  group(id: string): Group | undefined;
  /** Id of the person holding this EPPN as staff (a person with a duty), if any. */
  staffEppnOwner(eppn: string): string | undefined;
  /** Id of the person holding this EPPN as pupil (a person with enrolments), if any. */
  pupilEppnOwner(eppn: string): string | undefined;
  /** Does the person have at least one duty? */
  isStaff(personId: string): boolean;
  /** Population register (civic numbers); when given, well-formed numbers missing from it draw a warning. */
  readonly populationRegister?: ReadonlySet<string>;
  /** Interpretation settings; missing keys take {@link DEFAULT_RULE_SETTINGS}. */
  readonly settings?: Partial<RuleSettings>;
}

/** The effective settings of a context. */
export function ruleSettings(ctx: RuleContext): RuleSettings {
  return { ...DEFAULT_RULE_SETTINGS, ...ctx.settings };
}
