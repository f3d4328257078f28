// Looks up, in the mock's open data, the school units, exam activities and programmes the fetched data names.
import type { Ss12000ResourceType } from '../../../mock-ss12000-client/index.js';
import type { ExamActivityFacts, SchoolUnitFacts } from '../../../model/index.js';
import type { OpenDataCatalogue } from '../../../open-data/index.js';
import type { JsonObject, OpenDataFacts } from '../evidence/pull-evidence.js';

function refId(value: unknown): string | undefined {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Every school-unit id, exam-activity id and education code the objects reference. */
export function referencedOpenData(
  objects: ReadonlyMap<Ss12000ResourceType | 'DeletedEntities', readonly JsonObject[]>,
) {
  const units = new Set<string>();
  const activities = new Set<string>();
  const codes = new Set<string>();
  const add = (set: Set<string>, id: string | undefined) => id && set.add(id);
  for (const org of objects.get('Organisation') ?? []) add(units, refId(org));
  for (const person of objects.get('Person') ?? []) {
    for (const enrolment of list(person.enrolments)) {
      const record = (enrolment ?? {}) as Record<string, unknown>;
      add(units, refId(record.enroledAt));
      if (typeof record.educationCode === 'string') codes.add(record.educationCode);
    }
  }
  for (const duty of objects.get('Duty') ?? []) add(units, refId(duty.dutyAt));
  for (const group of objects.get('Group') ?? []) add(units, refId(group.organisation));
  for (const activity of objects.get('Activity') ?? []) {
    add(units, refId(activity.organisation));
    add(activities, refId(activity.parentActivity));
  }
  return { units, activities, codes };
}

/** The facts the rules on data need, as plain data (keys lower-case). */
export function collectOpenDataFacts(
  catalogue: OpenDataCatalogue,
  objects: ReadonlyMap<Ss12000ResourceType | 'DeletedEntities', readonly JsonObject[]>,
  today: Date,
): OpenDataFacts {
  const { units, activities, codes } = referencedOpenData(objects);
  const schoolUnits: Record<string, SchoolUnitFacts> = {};
  for (const id of units) {
    const unit = catalogue.schoolUnitById(id);
    if (unit) {
      schoolUnits[id.toLowerCase()] = {
        organisationNumber: unit.parentOrganisation.organisationNumber,
        schoolTypes: unit.schoolTypes.map((t) => t.schoolType),
      };
    }
  }
  const examActivities: Record<string, ExamActivityFacts> = {};
  for (const id of activities) {
    const activity = catalogue.activityById(id);
    if (activity) examActivities[id.toLowerCase()] = { schoolType: activity.schoolType };
  }
  return {
    schoolUnits,
    examActivities,
    validEducationCodes: [...codes].filter((code) => catalogue.isProgrammeValidOn(code, today)).sort(),
  };
}
