// Cross-checks parsed catalogue data (unique keys, ids = UUID v5 of keys, known parents) and fills in derived fields.
import type { ParsedCatalogueInput } from './catalogue-input-schema.js';
import type { OpenDataIssue } from './open-data-error.js';
import {
  DNP_SCHOOL_TYPES,
  type ExamActivity,
  type Organisation,
  type Programme,
  type SchoolTypeCode,
  type SchoolTypeEntry,
  type SchoolUnit,
  type StatusCode,
} from './open-data-types.js';
import { uuidV5 } from './uuid-v5.js';

export interface CatalogueEntries {
  organisations: Organisation[];
  schoolUnits: SchoolUnit[];
  programmes: Programme[];
  activities: ExamActivity[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Drops keys whose value is undefined, so answers and dumps carry only fields that have a value. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Checks an optional given id against the UUID v5 of the natural key (the spec derives every id so),
 * and reports a natural key seen before. Returns the derived id.
 */
function identify(
  list: string,
  index: number,
  keyName: string,
  key: string,
  givenId: string | undefined,
  seen: Map<string, number>,
  issues: OpenDataIssue[],
): string {
  const id = uuidV5(key);
  if (givenId !== undefined && givenId.toLowerCase() !== id) {
    issues.push({
      path: `${list}[${index}].id`,
      message: `must be the UUID v5 (nil namespace) of ${keyName} "${key}": ${id}, or be left out`,
    });
  }
  const first = seen.get(key);
  if (first !== undefined) {
    issues.push({
      path: `${list}[${index}].${keyName}`,
      message: `"${key}" is already used by ${list}[${first}]`,
    });
  } else {
    seen.set(key, index);
  }
  return id;
}

function resolveSchoolTypes(
  unit: ParsedCatalogueInput['schoolUnits'][number],
  index: number,
  unitInDnp: boolean,
  issues: OpenDataIssue[],
): SchoolTypeEntry[] {
  const seenTypes = new Set<SchoolTypeCode>();
  return unit.schoolTypes.map((entry, t) => {
    const path = `schoolUnits[${index}].schoolTypes[${t}]`;
    if (seenTypes.has(entry.schoolType))
      issues.push({ path: `${path}.schoolType`, message: 'is listed twice' });
    seenTypes.add(entry.schoolType);
    // A school type is in provtjänsten only where national tests run (spec, Code_SchoolType).
    const typeInDnp =
      entry.dnpStatus ?? (unitInDnp && (DNP_SCHOOL_TYPES as readonly string[]).includes(entry.schoolType));
    const seenYears = new Set<number>();
    const schoolYears = (entry.schoolYears ?? []).map((year, y) => {
      if (seenYears.has(year.schoolYear)) {
        issues.push({ path: `${path}.schoolYears[${y}].schoolYear`, message: 'is listed twice' });
      }
      seenYears.add(year.schoolYear);
      return { schoolYear: year.schoolYear, dnpStatus: year.dnpStatus ?? typeInDnp };
    });
    return { schoolType: entry.schoolType, dnpStatus: typeInDnp, schoolYears };
  });
}

/** Resolves every entry; problems are appended to `issues` (the caller throws when there are any). */
export function resolveCatalogueEntries(
  data: ParsedCatalogueInput,
  issues: OpenDataIssue[],
): CatalogueEntries {
  const orgSeen = new Map<string, number>();
  const organisations: Mutable<Organisation>[] = data.organisations.map((o, i) =>
    compact({
      id: identify('organisations', i, 'organisationNumber', o.organisationNumber, o.id, orgSeen, issues),
      displayName: o.displayName,
      organisationNumber: o.organisationNumber,
      // Spec: "Sätts till SWE om inget annat värde anges."
      countryCode: o.countryCode ?? 'SWE',
      organisationType: o.organisationType ?? 'Huvudman',
      legalForm: o.legalForm,
      organiserType: o.organiserType,
      status: o.status,
      email: o.email,
      phoneNumber: o.phoneNumber,
      address: o.address,
    }),
  );
  const byNumber = new Map(organisations.map((o) => [o.organisationNumber, o]));

  const unitSeen = new Map<string, number>();
  const schoolUnits: SchoolUnit[] = data.schoolUnits.map((u, i) => {
    const id = identify('schoolUnits', i, 'schoolUnitCode', u.schoolUnitCode, u.id, unitSeen, issues);
    const parentNumber = u.parentOrganisation.organisationNumber;
    const parent = byNumber.get(parentNumber);
    const parentPath = `schoolUnits[${i}].parentOrganisation`;
    if (!parent) {
      issues.push({
        path: `${parentPath}.organisationNumber`,
        message: `no organisation ${parentNumber} in organisations`,
      });
    } else if (u.parentOrganisation.id !== undefined && u.parentOrganisation.id.toLowerCase() !== parent.id) {
      issues.push({
        path: `${parentPath}.id`,
        message: `must be ${parent.id} (the id of organisation ${parentNumber})`,
      });
    }
    const status: StatusCode = u.status ?? 'Active';
    const dnpStatus = u.dnpStatus ?? status !== 'Expired';
    return compact({
      id,
      displayName: u.displayName,
      schoolUnitCode: u.schoolUnitCode,
      schoolTypes: resolveSchoolTypes(u, i, dnpStatus, issues),
      municipalityCode: u.municipalityCode,
      municipalityName: u.municipalityName,
      status,
      dnpStatus,
      parentOrganisation: compact({
        id: uuidV5(parentNumber),
        organisationNumber: parentNumber,
        displayName: parent?.displayName,
      }),
    });
  });

  // Spec, Organisation.status: Active when it runs a school unit that is Active or New, else Expired.
  for (const organisation of organisations) {
    if (organisation.status !== undefined) continue;
    const running = schoolUnits.some(
      (u) =>
        u.parentOrganisation.organisationNumber === organisation.organisationNumber && u.status !== 'Expired',
    );
    organisation.status = running ? 'Active' : 'Expired';
  }

  const programmeSeen = new Map<string, number>();
  const programmes: Programme[] = data.programmes.map((p, i) => ({
    id: identify('programmes', i, 'educationCode', p.educationCode, p.id, programmeSeen, issues),
    displayName: p.displayName,
    educationCode: p.educationCode,
    schoolType: p.schoolType ?? 'GY',
    validFrom: p.validFrom,
    status: p.status ?? 'Active',
  }));

  const activitySeen = new Map<string, number>();
  const activities: ExamActivity[] = data.activities.map((a, i) =>
    compact({
      id: identify('activities', i, 'displayName', a.displayName, a.id, activitySeen, issues),
      displayName: a.displayName,
      activityType: a.activityType ?? 'Provaktivitet',
      schoolType: a.schoolType,
      schoolYear: a.schoolYear,
      comment: a.comment,
    }),
  );

  return { organisations, schoolUnits, programmes, activities };
}
