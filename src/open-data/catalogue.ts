// The read-only catalogue of open data (organisations, school units, programmes, exam activities) and its queries.
import type {
  ExamActivity,
  Organisation,
  OrganisationWithSchoolUnits,
  Programme,
  SchoolTypeCode,
  SchoolUnit,
} from './open-data-types.js';

/** An instant: a Date, epoch milliseconds, or an RFC 3339 string. */
export type Instant = Date | number | string;

export interface ExamActivityFilter {
  schoolType?: SchoolTypeCode;
  schoolYear?: number;
}

/**
 * Everything the mock knows of Skolverket's open data. Objects are frozen and shaped as the open-data spec
 * serves them; ids are UUID v5 (nil namespace) of the natural key. Lookups by id ignore case.
 *
 * Used by the open-data API, the Provisioning API (is this school unit / exam activity / education code
 * known and valid) and the test-data generator.
 */
export interface OpenDataCatalogue {
  /** Organisations, without `schoolUnits` (see {@link OpenDataCatalogue.withSchoolUnits}). */
  readonly organisations: readonly Organisation[];
  readonly schoolUnits: readonly SchoolUnit[];
  readonly programmes: readonly Programme[];
  readonly activities: readonly ExamActivity[];

  organisationById(id: string): Organisation | undefined;
  organisationByNumber(organisationNumber: string): Organisation | undefined;
  /** The organisation as served with `expandSchoolUnits=true`. */
  withSchoolUnits(organisation: Organisation): OrganisationWithSchoolUnits;

  schoolUnitById(id: string): SchoolUnit | undefined;
  schoolUnitByCode(schoolUnitCode: string): SchoolUnit | undefined;
  /** The school units an organisation runs (any status), in catalogue order; empty when unknown. */
  schoolUnitsOf(organisationNumber: string): readonly SchoolUnit[];
  /** The organisation that runs the school unit with this id, or undefined when the id is unknown. */
  ownerOfSchoolUnit(schoolUnitId: string): Organisation | undefined;

  programmeById(id: string): Programme | undefined;
  programmeByCode(educationCode: string): Programme | undefined;
  /** Programmes that may be provisioned at `at`: `validFrom` has passed and the status is not Expired. */
  programmesValidOn(at: Instant): readonly Programme[];
  /** True when `educationCode` is a known programme that may be provisioned at `at` (see {@link programmesValidOn}). */
  isProgrammeValidOn(educationCode: string, at: Instant): boolean;

  activityById(id: string): ExamActivity | undefined;
  activityByDisplayName(displayName: string): ExamActivity | undefined;
  /** Exam activities matching every given field of `filter`, in catalogue order. */
  examActivities(filter?: ExamActivityFilter): readonly ExamActivity[];
}

export { catalogueToJson, type OpenDataCatalogueJson } from './catalogue-to-json.js';
export { createCatalogue } from './create-catalogue.js';
export { loadCatalogueFile } from './load-catalogue-file.js';
export { createSeededCatalogue } from './seeded-catalogue.js';
