// API-level fixtures: valid persons, duties, groups and activities of Testorganisation AB in the seeded open data.
import { makeCivicNumber } from '../../src/model/index.js';

/** Testorganisation AB's GR and GY school units; Nordljus Utbildning AB's GR unit; an id open data lacks. */
export const GR_UNIT = 'fb22448b-b724-5e53-8a2c-d8b339206901';
export const GY_UNIT = 'ebd1a444-01e0-5af3-9a97-b491e44d696b';
export const FOREIGN_UNIT = '3536fc81-e016-5c1e-b28d-d71d7b5eb8ee';
export const UNKNOWN_UNIT = '11111111-2222-5333-8444-555555555555';
/** Exam activity "GRGRMAT01-GR-6" (maths, year 6). */
export const EXAM_ACTIVITY = '8583607b-b798-5e2b-a37e-da808dbd0869';
export const VALID_PROGRAMME = 'BA';
export const EXPIRED_PROGRAMME = 'NV';

export const PUPIL_ID = '3fa85f64-5717-4562-b3fc-2c963f66afa6';
export const STAFF_ID = '9c2d7e1f-4b3a-4c5d-8e6f-7a8b9c0d1e2f';
export const DUTY_ID = 'd1d1d1d1-aaaa-4bbb-8ccc-dddddddddddd';
export const GROUP_ID = 'a0a0a0a0-1111-4222-8333-444444444444';
export const ACTIVITY_ID = 'ac7ac7ac-5555-4666-8777-888888888888';
export const MISSING_ID = 'deadbeef-0000-4000-8000-000000000000';

export const PUPIL_CIVIC_NO = '200901272385';
export const STAFF_CIVIC_NO = makeCivicNumber('1980-05-05', 123, 'personnummer');
export const PUPIL_EPPN = 'fc79e369-18a3-40c4-aa33-d92057bfff65@edu.huvudman.se';
export const STAFF_EPPN = '7e1c0a55-1d2b-4e8f-9a0b-3c4d5e6f7a8b@edu.huvudman.se';

type Json = Record<string, unknown>;

export function pupil(overrides: Json = {}): Json {
  return {
    id: PUPIL_ID,
    givenName: 'Pippilotta',
    familyName: 'Långstrump',
    eduPersonPrincipalNames: [PUPIL_EPPN],
    civicNo: { value: PUPIL_CIVIC_NO, nationality: 'SE' },
    emails: [{ value: 'elev145@skola.se', type: 'Skola elev' }],
    enrolments: [{ enroledAt: { id: GR_UNIT }, schoolType: 'GR', schoolYear: 6 }],
    ...overrides,
  };
}

export function staff(overrides: Json = {}): Json {
  return {
    id: STAFF_ID,
    givenName: 'Tommy',
    familyName: 'Settergren',
    eduPersonPrincipalNames: [STAFF_EPPN],
    civicNo: { value: STAFF_CIVIC_NO },
    emails: [{ value: 'tommy@skola.se', type: 'Skola personal' }],
    ...overrides,
  };
}

export function duty(overrides: Json = {}): Json {
  return { id: DUTY_ID, person: { id: STAFF_ID }, dutyAt: { id: GR_UNIT }, dutyRole: 'Lärare', ...overrides };
}

export function group(overrides: Json = {}): Json {
  return {
    id: GROUP_ID,
    displayName: '6A',
    groupType: 'Undervisning',
    schoolType: 'GR',
    organisation: { id: GR_UNIT },
    groupMemberships: [{ person: { id: PUPIL_ID } }],
    ...overrides,
  };
}

export function activity(overrides: Json = {}): Json {
  return {
    id: ACTIVITY_ID,
    displayName: 'Matematik 6A',
    activityType: 'Undervisning',
    groups: [{ id: GROUP_ID }],
    teachers: [{ duty: { id: DUTY_ID } }],
    organisation: { id: GR_UNIT },
    parentActivity: { id: EXAM_ACTIVITY },
    ...overrides,
  };
}

/** A fresh UUID v4-shaped id from a counter (deterministic, readable in failures). */
export function nthId(n: number, prefix = 'e0000000'): string {
  return `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/** The n-th valid pupil with its own id, civic number and EPPN. */
export function nthPupil(n: number): Json {
  const birth = `2010-0${1 + (n % 9)}-${String(1 + (n % 28)).padStart(2, '0')}`;
  return pupil({
    id: nthId(n),
    civicNo: { value: makeCivicNumber(birth, n % 1000, 'personnummer'), nationality: 'SE' },
    eduPersonPrincipalNames: [`${nthId(n, 'f1000000')}@edu.huvudman.se`],
  });
}
