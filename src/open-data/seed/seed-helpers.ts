// Small builders that expand the seed's compact rows into catalogue input (school types with years, units).
import type { OrganisationInput, SchoolUnitInput } from '../catalogue-input-schema.js';
import type { SchoolTypeCode, StatusCode } from '../open-data-types.js';
import { MUNICIPALITIES, type MunicipalityCode } from './municipalities.js';

type SchoolTypeInput = SchoolUnitInput['schoolTypes'][number];

function years(from: number, to: number): { schoolYear: number }[] {
  return Array.from({ length: to - from + 1 }, (_, i) => ({ schoolYear: from + i }));
}

/** A school type with years `from`–`to`, e.g. `withYears('GR', 1, 9)`. */
export function withYears(schoolType: SchoolTypeCode, from: number, to: number): SchoolTypeInput {
  return { schoolType, schoolYears: years(from, to) };
}

/** A school type without years (förskoleklass, fritidshem, komvux). */
export function withoutYears(schoolType: SchoolTypeCode): SchoolTypeInput {
  return { schoolType, schoolYears: [] };
}

export const GY_YEARS = withYears('GY', 1, 3);

export interface SchoolUnitSeed {
  code: string;
  name: string;
  municipality: MunicipalityCode;
  types: SchoolTypeInput[];
  status?: StatusCode;
  dnpStatus?: boolean;
}

export interface OrganiserSeed {
  organisation: OrganisationInput;
  units: SchoolUnitSeed[];
}

/** The school unit input of one seed row under `organisationNumber`. */
export function schoolUnitInput(organisationNumber: string, seed: SchoolUnitSeed): SchoolUnitInput {
  return {
    displayName: seed.name,
    schoolUnitCode: seed.code,
    schoolTypes: seed.types,
    municipalityCode: seed.municipality,
    municipalityName: MUNICIPALITIES[seed.municipality],
    ...(seed.status ? { status: seed.status } : {}),
    ...(seed.dnpStatus !== undefined ? { dnpStatus: seed.dnpStatus } : {}),
    parentOrganisation: { organisationNumber },
  };
}
