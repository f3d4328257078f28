// Test fixtures for the model: a small world (open data + stored items) and valid items to vary.
import type { Activity, Duty, Group, Person, RuleContext, RuleSettings } from '../../src/model/index.js';
import { makeCivicNumber } from '../../src/model/index.js';

export const ORG = '5567044268';
export const OTHER_ORG = '2021004185';

/** School units of open data: two of ours, one of another huvudman. */
export const GR_UNIT = 'fb22448b-b724-5e53-8a2c-d8b339206901';
export const GY_UNIT = '7d0f1a3e-3c1b-5d0e-9f3a-2b4c6d8e0f12';
export const FOREIGN_UNIT = '0b7e4c1a-9d2f-5e3b-8a6c-4d1e2f3a5b6c';
export const UNKNOWN_UNIT = '11111111-2222-5333-8444-555555555555';
export const EXAM_ACTIVITY = '505c5ee0-7be4-560d-9c27-10ab0d96ac9a';
export const VALID_PROGRAMME = 'EKJURV';
export const EXPIRED_PROGRAMME = 'NOLONGER';

export const PUPIL_ID = '3fa85f64-5717-4562-b3fc-2c963f66afa6';
export const STAFF_ID = '9c2d7e1f-4b3a-4c5d-8e6f-7a8b9c0d1e2f';
export const DUTY_ID = 'd1d1d1d1-aaaa-4bbb-8ccc-dddddddddddd';
export const GROUP_ID = 'a0a0a0a0-1111-4222-8333-444444444444';
export const ACTIVITY_ID = 'ac7ac7ac-5555-4666-8777-888888888888';
export const MISSING_ID = 'deadbeef-0000-4000-8000-000000000000';

export const PUPIL_CIVIC_NO = '200901272385';
export const STAFF_CIVIC_NO = makeCivicNumber('1980-05-05', 123, 'personnummer');

type Overrides = Record<string, unknown>;

/** A valid pupil (GR year 6 at our GR unit); overrides replace top-level properties. */
export function pupil(overrides: Overrides = {}): Person {
  return {
    id: PUPIL_ID,
    givenName: 'Pippilotta Viktualia Rullgardina Krusmynta',
    middleName: 'Efraimsdotter',
    familyName: 'Långstrump',
    eduPersonPrincipalNames: ['fc79e369-18a3-40c4-aa33-d92057bfff65@edu.huvudman.se'],
    civicNo: { value: PUPIL_CIVIC_NO, nationality: 'SE' },
    emails: [{ value: 'elev145@soderhavetsgymnasium.se', type: 'Skola elev' }],
    enrolments: [{ enroledAt: { id: GR_UNIT }, schoolType: 'GR', schoolYear: 6 }],
    ...overrides,
  } as Person;
}

/** A valid staff member (has DUTY_ID in the world). */
export function staff(overrides: Overrides = {}): Person {
  return {
    id: STAFF_ID,
    givenName: 'Tommy',
    familyName: 'Settergren',
    eduPersonPrincipalNames: ['7e1c0a55-1d2b-4e8f-9a0b-3c4d5e6f7a8b@edu.huvudman.se'],
    civicNo: { value: STAFF_CIVIC_NO },
    emails: [{ value: 'tommy@skola.se', type: 'Skola personal' }],
    ...overrides,
  } as Person;
}

export function duty(overrides: Overrides = {}): Duty {
  return {
    id: DUTY_ID,
    person: { id: STAFF_ID },
    dutyAt: { id: GR_UNIT },
    dutyRole: 'Lärare',
    ...overrides,
  } as Duty;
}

export function group(overrides: Overrides = {}): Group {
  return {
    id: GROUP_ID,
    displayName: '6A',
    groupType: 'Klass',
    schoolType: 'GR',
    organisation: { id: GR_UNIT },
    groupMemberships: [{ person: { id: PUPIL_ID } }],
    ...overrides,
  } as Group;
}

export function activity(overrides: Overrides = {}): Activity {
  return {
    id: ACTIVITY_ID,
    displayName: 'Matematik 6A',
    activityType: 'Undervisning',
    groups: [{ id: GROUP_ID }],
    teachers: [{ duty: { id: DUTY_ID } }],
    organisation: { id: GR_UNIT },
    parentActivity: { id: EXAM_ACTIVITY },
    ...overrides,
  } as Activity;
}

export interface WorldOptions {
  persons?: Person[];
  duties?: Duty[];
  groups?: Group[];
  populationRegister?: ReadonlySet<string>;
  settings?: Partial<RuleSettings>;
  today?: Date;
}

/** A RuleContext over in-memory data; by default the pupil, the staff member, the duty and the group exist. */
export function world(options: WorldOptions = {}): RuleContext {
  const persons = options.persons ?? [pupil(), staff()];
  const duties = options.duties ?? [duty()];
  const groups = options.groups ?? [group()];
  const units = new Map([
    [GR_UNIT, { organisationNumber: ORG, schoolTypes: ['GR'] }],
    [GY_UNIT, { organisationNumber: ORG, schoolTypes: ['GY', 'VUXGY'] }],
    [FOREIGN_UNIT, { organisationNumber: OTHER_ORG, schoolTypes: ['GR', 'GY'] }],
  ]);
  const isStaff = (id: string) => duties.some((d) => d.person.id === id);
  const owner = (eppn: string, role: (p: Person) => boolean) =>
    persons.find((p) => role(p) && p.eduPersonPrincipalNames.includes(eppn))?.id;
  const ctx: RuleContext = {
    organisationNumber: ORG,
    today: options.today ?? new Date('2026-04-20T08:00:00Z'),
    schoolUnit: (id) => units.get(id),
    examActivity: (id) => (id === EXAM_ACTIVITY ? { schoolType: 'GR' } : undefined),
    isProgrammeValid: (code) => code === VALID_PROGRAMME,
    person: (id) => persons.find((p) => p.id === id),
    duty: (id) => duties.find((d) => d.id === id),
    group: (id) => groups.find((g) => g.id === id),
    staffEppnOwner: (eppn) => owner(eppn, (p) => isStaff(p.id)),
    pupilEppnOwner: (eppn) => owner(eppn, (p) => (p.enrolments?.length ?? 0) > 0),
    isStaff,
  };
  return {
    ...ctx,
    ...(options.populationRegister ? { populationRegister: options.populationRegister } : {}),
    ...(options.settings ? { settings: options.settings } : {}),
  };
}
