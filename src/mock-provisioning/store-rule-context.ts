// Builds the model's RuleContext over one organisation's store and the open-data catalogue.
import type { RuleContext, RuleSettings } from '../model/rule-context.js';
import type { Duty } from '../model/schemas/duty.js';
import type { Group } from '../model/schemas/group.js';
import type { Person } from '../model/schemas/person.js';
import type { OpenDataCatalogue } from '../open-data/catalogue.js';
import type { ProvisioningStore } from './store.js';

/** The open-data lookups the rules need. */
export type CatalogueReader = Pick<
  OpenDataCatalogue,
  'schoolUnitById' | 'activityById' | 'isProgrammeValidOn'
>;

export interface StoreRuleContextOptions {
  store: ProvisioningStore;
  catalogue: CatalogueReader;
  /** `SE` + 10 digits, as in the token. */
  organisationId: string;
  now: Date;
  populationRegister?: ReadonlySet<string>;
  settings?: Partial<RuleSettings>;
}

/**
 * A live view: every lookup reads the store as it is now, so an item sees the items settled before it,
 * in the same job or an earlier one (the README order is checked at settle time).
 */
export function createStoreRuleContext(options: StoreRuleContextOptions): RuleContext {
  const { store, catalogue, organisationId: org } = options;
  // The store holds items the model's schemas accepted, so its bodies have the model's shapes.
  const person = (id: string) => store.get(org, 'persons', id)?.body as unknown as Person | undefined;
  const isStaff = (personId: string) =>
    store.referrersOf(org, 'persons', personId).some((k) => k.resource === 'duties');
  const isPupil = (personId: string) => {
    const enrolments = person(personId)?.enrolments;
    return Array.isArray(enrolments) && enrolments.length > 0;
  };
  return {
    organisationNumber: org.slice(2),
    today: options.now,
    schoolUnit(id) {
      const unit = catalogue.schoolUnitById(id);
      if (!unit) return undefined;
      return {
        organisationNumber: unit.parentOrganisation.organisationNumber,
        schoolTypes: unit.schoolTypes.map((entry) => entry.schoolType),
      };
    },
    examActivity(id) {
      const activity = catalogue.activityById(id);
      return activity ? { schoolType: activity.schoolType } : undefined;
    },
    isProgrammeValid: (educationCode, on) => catalogue.isProgrammeValidOn(educationCode, on),
    person,
    duty: (id) => store.get(org, 'duties', id)?.body as unknown as Duty | undefined,
    group: (id) => store.get(org, 'groups', id)?.body as unknown as Group | undefined,
    staffEppnOwner: (eppn) => store.personsByEppn(org, eppn).find((p) => isStaff(p.id))?.id,
    pupilEppnOwner: (eppn) => store.personsByEppn(org, eppn).find((p) => isPupil(p.id))?.id,
    isStaff,
    ...(options.populationRegister ? { populationRegister: options.populationRegister } : {}),
    ...(options.settings ? { settings: options.settings } : {}),
  };
}
