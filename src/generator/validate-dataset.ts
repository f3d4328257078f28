// Validates a dataset with src/model's rules as the Provisioning API would, in the README's push order.
import {
  type Duty,
  type Finding,
  type Group,
  type ItemStatus,
  type Person,
  RESOURCE_NAMES,
  type ResourceName,
  type RuleContext,
  type RuleSettings,
  validateItem,
} from '../model/index.js';
import { createSeededCatalogue, type OpenDataCatalogue } from '../open-data/index.js';
import type { Dataset } from './generate-dataset.js';
import { parseIsoDate } from './school-calendar.js';

export interface ValidateDatasetOptions {
  /** The catalogue the dataset was generated from (default: the seeded one). */
  catalogue?: OpenDataCatalogue;
  /** "Now" for programme validity (default: midnight UTC of the dataset's `today`). */
  now?: Date;
  settings?: Partial<RuleSettings>;
}

/** The verdict on one item that was not a plain Success. */
export interface ItemProblem {
  resource: ResourceName;
  id: string;
  status: Exclude<ItemStatus, 'Success'>;
  errors: Finding[];
  warnings: Finding[];
}

export interface DatasetValidation {
  /** Items with status Error or Warning, in push order. */
  problems: ItemProblem[];
  counts: Record<ItemStatus, number>;
}

/** An in-memory store of accepted items, seen through the model's RuleContext (as the mock's store is). */
function createMemoryContext(
  organisationNumber: string,
  catalogue: OpenDataCatalogue,
  now: Date,
  settings?: Partial<RuleSettings>,
) {
  const persons = new Map<string, Person>();
  const duties = new Map<string, Duty>();
  const groups = new Map<string, Group>();
  const byEppn = new Map<string, string[]>();
  const staff = new Set<string>();
  const isPupil = (id: string) => (persons.get(id)?.enrolments?.length ?? 0) > 0;
  const owners = (eppn: string) => byEppn.get(eppn.toLowerCase()) ?? [];
  const ctx: RuleContext = {
    organisationNumber,
    today: now,
    schoolUnit(id) {
      const unit = catalogue.schoolUnitById(id);
      return unit
        ? {
            organisationNumber: unit.parentOrganisation.organisationNumber,
            schoolTypes: unit.schoolTypes.map((t) => t.schoolType),
          }
        : undefined;
    },
    examActivity(id) {
      const exam = catalogue.activityById(id);
      return exam ? { schoolType: exam.schoolType } : undefined;
    },
    isProgrammeValid: (code, on) => catalogue.isProgrammeValidOn(code, on),
    person: (id) => persons.get(id),
    duty: (id) => duties.get(id),
    group: (id) => groups.get(id),
    staffEppnOwner: (eppn) => owners(eppn).find((id) => staff.has(id)),
    pupilEppnOwner: (eppn) => owners(eppn).find(isPupil),
    isStaff: (id) => staff.has(id),
    ...(settings ? { settings } : {}),
  };
  return {
    ctx,
    accept(resource: ResourceName, item: unknown) {
      if (resource === 'persons') {
        const person = item as Person;
        persons.set(person.id, person);
        for (const eppn of person.eduPersonPrincipalNames) {
          const key = eppn.toLowerCase();
          byEppn.set(key, [...(byEppn.get(key) ?? []), person.id]);
        }
      } else if (resource === 'duties') {
        const duty = item as Duty;
        duties.set(duty.id, duty);
        staff.add(duty.person.id);
      } else if (resource === 'groups') {
        groups.set((item as Group).id, item as Group);
      }
    },
  };
}

/**
 * Runs every item through `validateItem` in the order persons → duties → groups → activities, each item
 * seeing the items accepted before it (as the mock's store does when each job is awaited before the next).
 *
 * @example validateDataset(generateDataset({ organisationNumber: '5567044268' })).problems // []
 */
export function validateDataset(dataset: Dataset, options: ValidateDatasetOptions = {}): DatasetValidation {
  const catalogue = options.catalogue ?? createSeededCatalogue();
  const now = options.now ?? (parseIsoDate(dataset.options.today) as Date);
  const memory = createMemoryContext(dataset.options.organisationNumber, catalogue, now, options.settings);
  const problems: ItemProblem[] = [];
  const counts: Record<ItemStatus, number> = { Success: 0, Warning: 0, Error: 0 };
  for (const resource of RESOURCE_NAMES) {
    for (const item of dataset[resource]) {
      const verdict = validateItem(resource, item, memory.ctx);
      counts[verdict.status]++;
      if (verdict.item !== undefined) memory.accept(resource, verdict.item);
      if (verdict.status !== 'Success') {
        problems.push({
          resource,
          id: item.id,
          status: verdict.status,
          errors: verdict.errors,
          warnings: verdict.warnings,
        });
      }
    }
  }
  return { problems, counts };
}
