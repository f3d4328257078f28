// Builds an OpenDataCatalogue from catalogue data: validates it, derives ids and references, indexes it.
import type { ExamActivityFilter, Instant, OpenDataCatalogue } from './catalogue.js';
import { catalogueInputSchema, type OpenDataCatalogueInput } from './catalogue-input-schema.js';
import { OpenDataError, type OpenDataIssue } from './open-data-error.js';
import type {
  ExamActivity,
  Organisation,
  OrganisationWithSchoolUnits,
  Programme,
  SchoolUnit,
} from './open-data-types.js';
import { resolveCatalogueEntries } from './resolve-catalogue-entries.js';
import { zodIssuesToOpenDataIssues } from './zod-issues.js';

function toMs(at: Instant): number {
  const ms = at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at);
  if (Number.isNaN(ms)) throw new TypeError(`not a valid instant: ${String(at)}`);
  return ms;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function indexBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  return new Map(items.map((item) => [key(item), item]));
}

/**
 * Validates catalogue data and builds the catalogue.
 *
 * @param source names the data in error messages (a file name, "seeded catalogue"…).
 * @throws OpenDataError (`invalid_open_data`) listing the JSON path of every bad field.
 * @example createCatalogue({ organisations: [{ organisationNumber: '5567044268', displayName: 'Testorganisation AB' }] })
 */
export function createCatalogue(data: OpenDataCatalogueInput, source = 'catalogue data'): OpenDataCatalogue {
  const parsed = catalogueInputSchema.safeParse(data);
  if (!parsed.success)
    throw new OpenDataError('invalid_open_data', source, zodIssuesToOpenDataIssues(parsed.error));
  const issues: OpenDataIssue[] = [];
  const entries = resolveCatalogueEntries(parsed.data, issues);
  if (issues.length > 0) throw new OpenDataError('invalid_open_data', source, issues);

  const organisations: readonly Organisation[] = deepFreeze(entries.organisations);
  const schoolUnits: readonly SchoolUnit[] = deepFreeze(entries.schoolUnits);
  const programmes: readonly Programme[] = deepFreeze(entries.programmes);
  const activities: readonly ExamActivity[] = deepFreeze(entries.activities);

  const organisationsById = indexBy(organisations, (o) => o.id);
  const organisationsByNumber = indexBy(organisations, (o) => o.organisationNumber);
  const schoolUnitsById = indexBy(schoolUnits, (u) => u.id);
  const schoolUnitsByCode = indexBy(schoolUnits, (u) => u.schoolUnitCode);
  const unitsByOrganisation = new Map<string, SchoolUnit[]>();
  for (const unit of schoolUnits) {
    const key = unit.parentOrganisation.organisationNumber;
    unitsByOrganisation.set(key, [...(unitsByOrganisation.get(key) ?? []), unit]);
  }
  const programmesById = indexBy(programmes, (p) => p.id);
  const programmesByCode = indexBy(programmes, (p) => p.educationCode);
  const activitiesById = indexBy(activities, (a) => a.id);
  const activitiesByName = indexBy(activities, (a) => a.displayName);
  const expanded = new Map<string, OrganisationWithSchoolUnits>();

  const isValidAt = (programme: Programme, ms: number): boolean =>
    programme.status !== 'Expired' && Date.parse(programme.validFrom) <= ms;

  return {
    organisations,
    schoolUnits,
    programmes,
    activities,
    organisationById: (id) => organisationsById.get(id.toLowerCase()),
    organisationByNumber: (organisationNumber) => organisationsByNumber.get(organisationNumber),
    withSchoolUnits(organisation) {
      let result = expanded.get(organisation.organisationNumber);
      if (!result) {
        result = deepFreeze({
          ...organisation,
          schoolUnits: unitsByOrganisation.get(organisation.organisationNumber) ?? [],
        });
        expanded.set(organisation.organisationNumber, result);
      }
      return result;
    },
    schoolUnitById: (id) => schoolUnitsById.get(id.toLowerCase()),
    schoolUnitByCode: (code) => schoolUnitsByCode.get(code),
    schoolUnitsOf: (organisationNumber) => unitsByOrganisation.get(organisationNumber) ?? [],
    ownerOfSchoolUnit(schoolUnitId) {
      const unit = schoolUnitsById.get(schoolUnitId.toLowerCase());
      return unit && organisationsByNumber.get(unit.parentOrganisation.organisationNumber);
    },
    programmeById: (id) => programmesById.get(id.toLowerCase()),
    programmeByCode: (code) => programmesByCode.get(code),
    programmesValidOn(at) {
      const ms = toMs(at);
      return programmes.filter((p) => isValidAt(p, ms));
    },
    isProgrammeValidOn(educationCode, at) {
      const programme = programmesByCode.get(educationCode);
      return programme !== undefined && isValidAt(programme, toMs(at));
    },
    activityById: (id) => activitiesById.get(id.toLowerCase()),
    activityByDisplayName: (displayName) => activitiesByName.get(displayName),
    examActivities(filter: ExamActivityFilter = {}) {
      return activities.filter(
        (a) =>
          (filter.schoolType === undefined || a.schoolType === filter.schoolType) &&
          (filter.schoolYear === undefined || a.schoolYear === filter.schoolYear),
      );
    },
  };
}
