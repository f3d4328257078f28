// Builds a deterministic, valid dataset (pupils, teachers, groups, duties, activities) on open data's school units.
import { createHash } from 'node:crypto';
import type { Dataset, DatasetObject } from './dataset.js';

/** The open data the dataset builds on: school units running GR, and GR exam activities of years 6 and 9. */
export interface DemoFacts {
  schoolUnits: { id: string; displayName: string; schoolUnitCode: string }[];
  examActivities: { id: string; displayName: string; schoolYear: number }[];
}

export interface DemoDatasetOptions {
  /** Persons in all, pupils and teachers (one teacher per group). */
  persons: number;
  pupilsPerGroup?: number;
  /** `meta.created` and `meta.modified` of every object (RFC 3339). */
  at: string;
  /** Varies every id and number. */
  seed?: string;
  /** EPPN domain. */
  domain?: string;
}

// Every name's first letters include one outside a–f, so no hex EPPN can be "name-based" (warning 3047).
const GIVEN = [
  'Alva',
  'Hugo',
  'Liam',
  'Maja',
  'Noah',
  'Saga',
  'Oskar',
  'Wilma',
  'Ines',
  'Olle',
  'Stina',
  'Tove',
];
const FAMILY = [
  'Lind',
  'Holm',
  'Nyberg',
  'Persson',
  'Karlsson',
  'Nilsson',
  'Svensson',
  'Olsson',
  'Lundgren',
  'Sjöberg',
];

function uuidFor(seed: string, kind: string, index: number): string {
  const hex = createHash('sha1').update(`${seed}:${kind}:${index}`).digest('hex');
  const variant = ((Number.parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function luhn(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i += 1) {
    let d = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** A valid 12-digit personnummer: a birth day counted from `from`, a three-digit serial, the Luhn digit. */
function civicNumber(fromUtc: number, index: number): string {
  const date = new Date(fromUtc + (index % 3000) * 86_400_000);
  const ymd = date.toISOString().slice(0, 10).replaceAll('-', '');
  const serial = String(Math.floor(index / 3000) % 1000).padStart(3, '0');
  return `${ymd}${serial}${luhn(`${ymd.slice(2)}${serial}`)}`;
}

/**
 * A dataset the SS12000 client accepts without a single finding: every reference resolves in fetch order,
 * staff have e-mail and EPPNs of their own, groups and activities name GR units and exam activities.
 */
export function buildDemoDataset(facts: DemoFacts, options: DemoDatasetOptions): Dataset {
  const { at, seed = 'demo', domain = 'edu.demohuvudman.se' } = options;
  if (facts.schoolUnits.length === 0 || facts.examActivities.length === 0) {
    throw new TypeError('buildDemoDataset: needs at least one GR school unit and one GR exam activity');
  }
  const perGroup = options.pupilsPerGroup ?? 25;
  const groupCount = Math.max(1, Math.ceil(options.persons / (perGroup + 1)));
  const pupilCount = Math.max(0, options.persons - groupCount);
  const meta = { created: at, modified: at };
  const hexLocal = (id: string) => id.replaceAll('-', '').slice(0, 16);
  const name = (i: number) => ({
    givenName: GIVEN[i % GIVEN.length] as string,
    familyName: FAMILY[(i * 7) % FAMILY.length] as string,
  });

  const organisations: DatasetObject[] = facts.schoolUnits.map((unit) => ({
    id: unit.id,
    meta,
    displayName: unit.displayName,
    schoolUnitCode: unit.schoolUnitCode,
  }));
  const persons: DatasetObject[] = [];
  const groups: DatasetObject[] = [];
  const duties: DatasetObject[] = [];
  const activities: DatasetObject[] = [];

  for (let g = 0; g < groupCount; g += 1) {
    const unit = facts.schoolUnits[g % facts.schoolUnits.length] as DemoFacts['schoolUnits'][number];
    const exam = facts.examActivities[g % facts.examActivities.length] as DemoFacts['examActivities'][number];
    const members: { person: { id: string } }[] = [];
    for (let p = g * perGroup; p < Math.min(pupilCount, (g + 1) * perGroup); p += 1) {
      const id = uuidFor(seed, 'pupil', p);
      members.push({ person: { id } });
      persons.push({
        id,
        meta,
        ...name(p),
        eduPersonPrincipalNames: [`${hexLocal(id)}@${domain}`],
        civicNo: { value: civicNumber(Date.UTC(2010, 0, 1), p), nationality: 'SE' },
        enrolments: [{ enroledAt: { id: unit.id }, schoolType: 'GR', schoolYear: exam.schoolYear }],
      });
    }
    const teacherId = uuidFor(seed, 'teacher', g);
    persons.push({
      id: teacherId,
      meta,
      ...name(g + 5),
      eduPersonPrincipalNames: [`${hexLocal(teacherId)}@${domain}`],
      civicNo: { value: civicNumber(Date.UTC(1970, 0, 1), g), nationality: 'SE' },
      emails: [{ value: `${hexLocal(teacherId)}@personal.demohuvudman.se`, type: 'Skola personal' }],
    });
    const groupId = uuidFor(seed, 'group', g);
    groups.push({
      id: groupId,
      meta,
      displayName: `${exam.schoolYear}${String.fromCharCode(65 + (g % 26))}-${g}`,
      groupType: 'Undervisning',
      schoolType: 'GR',
      organisation: { id: unit.id },
      groupMemberships: members,
    });
    const dutyId = uuidFor(seed, 'duty', g);
    duties.push({ id: dutyId, meta, person: { id: teacherId }, dutyAt: { id: unit.id }, dutyRole: 'Lärare' });
    activities.push({
      id: uuidFor(seed, 'activity', g),
      meta,
      displayName: `${exam.displayName} ${g}`,
      activityType: 'Undervisning',
      groups: [{ id: groupId }],
      teachers: [{ duty: { id: dutyId } }],
      organisation: { id: unit.id },
      parentActivity: { id: exam.id },
    });
  }
  return { organisations, persons, groups, duties, activities };
}

/** Reads the facts from an open-data API (the mock's `/provtjanst/open-data/v1`) for one organisation. */
export async function fetchDemoFacts(openDataUrl: string, organisationNumber: string): Promise<DemoFacts> {
  const get = async (path: string) => {
    const res = await fetch(`${openDataUrl}${path}`);
    if (!res.ok) throw new Error(`GET ${path} answered ${res.status}`);
    return res.json() as Promise<unknown>;
  };
  const organisation = (await get(`/organisations/code/${organisationNumber}?expandSchoolUnits=true`)) as {
    schoolUnits?: {
      id: string;
      displayName: string;
      schoolUnitCode: string;
      status?: string;
      schoolTypes?: { schoolType: string }[];
    }[];
  };
  const activities = (await get('/activities')) as {
    id: string;
    displayName: string;
    schoolType: string;
    schoolYear?: number;
  }[];
  return {
    schoolUnits: (organisation.schoolUnits ?? []).filter(
      (u) => u.status !== 'Expired' && (u.schoolTypes ?? []).some((t) => t.schoolType === 'GR'),
    ),
    examActivities: activities
      .filter((a) => a.schoolType === 'GR' && (a.schoolYear === 6 || a.schoolYear === 9))
      .map((a) => ({ id: a.id, displayName: a.displayName, schoolYear: a.schoolYear as number })),
  };
}
