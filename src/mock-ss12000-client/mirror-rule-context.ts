// The model's RuleContext over one registration's mirror and the open-data catalogue.
import type {
  Duty,
  ExamActivityFacts,
  Group,
  Person,
  RuleContext,
  RuleSettings,
  SchoolUnitFacts,
} from '../model/index.js';
import type { OpenDataCatalogue } from '../open-data/index.js';
import type { Mirror, MirrorItem } from './mirror.js';

export interface MirrorRuleContextOptions {
  mirror: Mirror;
  catalogue: OpenDataCatalogue;
  /** The registering huvudman's 10-digit organisation number. */
  organisationNumber: string;
  today: Date;
  /** The model's interpretation switches (defaults when absent). */
  settings?: Partial<RuleSettings>;
}

function hasEnrolments(person: MirrorItem): boolean {
  return Array.isArray(person.enrolments) && person.enrolments.length > 0;
}

/**
 * Items accepted earlier in the same sync are already in the mirror, so fetch order (Person before Group
 * before Duty before Activity) decides what references resolve, as at Skolverket. The mirror holds the
 * items as served; they passed the schema when accepted, so the casts below are sound.
 */
export function createMirrorRuleContext(options: MirrorRuleContextOptions): RuleContext {
  const { mirror, catalogue } = options;
  const units = new Map<string, SchoolUnitFacts | undefined>();
  return {
    organisationNumber: options.organisationNumber,
    today: options.today,
    ...(options.settings ? { settings: options.settings } : {}),
    schoolUnit(id) {
      if (!units.has(id)) {
        const unit = catalogue.schoolUnitById(id);
        units.set(
          id,
          unit && {
            organisationNumber: unit.parentOrganisation.organisationNumber,
            schoolTypes: unit.schoolTypes.map((t) => t.schoolType),
          },
        );
      }
      return units.get(id);
    },
    examActivity(id): ExamActivityFacts | undefined {
      const activity = catalogue.activityById(id);
      return activity && { schoolType: activity.schoolType };
    },
    isProgrammeValid: (educationCode, on) => catalogue.isProgrammeValidOn(educationCode, on),
    person: (id) => mirror.get('Person', id) as Person | undefined,
    duty: (id) => mirror.get('Duty', id) as Duty | undefined,
    group: (id) => mirror.get('Group', id) as Group | undefined,
    staffEppnOwner: (eppn) => mirror.eppnOwner(eppn, (p) => mirror.isStaff(p.id)),
    pupilEppnOwner: (eppn) => mirror.eppnOwner(eppn, hasEnrolments),
    isStaff: (personId) => mirror.isStaff(personId),
  };
}
