// Every data rule of the model reached through the API: a passing and a failing push per rule code, asserted on the job's LogEntry.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCivicNumber, RESOURCE_TYPES, type ResourceName, RULES } from '../../src/model/index.js';
import {
  activity,
  duty,
  EXAM_ACTIVITY,
  EXPIRED_PROGRAMME,
  FOREIGN_UNIT,
  GR_UNIT,
  GY_UNIT,
  group,
  MISSING_ID,
  PUPIL_CIVIC_NO,
  PUPIL_EPPN,
  pupil,
  STAFF_EPPN,
  staff,
  UNKNOWN_UNIT,
  VALID_PROGRAMME,
} from './fixtures.js';
import { type Harness, pushAndWait, startHarness } from './provisioning-harness.js';

type Json = Record<string, unknown>;
type Setup = Partial<Record<ResourceName, Json[]>>;

interface ApiExample {
  resource: ResourceName;
  /** Pushed first, in README order (persons, duties, groups, activities). */
  setup?: Setup;
  pass: Json;
  fail: Json;
  /** attributeName of the failing LogEntry. */
  attribute: string;
  /** Run against a mock started with a population register. */
  withRegister?: boolean;
}

/** Rules a push can never reach, and why (asserted by other tests). */
const API_UNREACHABLE: Record<string, string> = {
  'schema.not-object':
    'a non-object item is a whole-call 400 [2010] (malformed-input.test.ts): it has no id to answer for',
  'schema.range':
    'every range of the 1.3.2 schemas is claimed by a named rule; the generic one is only a fallback',
};

const EDUID = { value: 'movip-eiral@eduid.se', context: 'https://eduid.se' };
const enrol = (enrolment: Json) => pupil({ enrolments: [enrolment] });
const gyEnrolment = { enroledAt: { id: GY_UNIT }, schoolType: 'GY', educationCode: VALID_PROGRAMME };
const otherStaff = staff({
  id: '5ca1ab1e-0000-4000-8000-000000000001',
  eduPersonPrincipalNames: ['a1b2c3d4-0000-4000-8000-000000000001@edu.huvudman.se'],
  civicNo: { value: makeCivicNumber('1981-01-01', 5, 'personnummer') },
});
const staffWithDuty: Setup = { persons: [staff()], duties: [duty()] };
const forDuties: Setup = { persons: [staff(), pupil()] };
const forGroups: Setup = { persons: [pupil()] };
const forActivities: Setup = { persons: [pupil(), staff()], duties: [duty()], groups: [group()] };

const EXAMPLES: Record<string, ApiExample> = {
  'schema.required': {
    resource: 'persons',
    pass: pupil(),
    fail: pupil({ givenName: undefined }),
    attribute: 'givenName',
  },
  'schema.type': {
    resource: 'persons',
    pass: pupil(),
    fail: pupil({ givenName: 42 }),
    attribute: 'givenName',
  },
  'schema.enum': {
    resource: 'persons',
    pass: pupil(),
    fail: pupil({ emails: [{ value: 'a@skola.se', type: 'Jobb' }] }),
    attribute: 'emails[0].type',
  },
  'schema.uuid': {
    resource: 'groups',
    setup: forGroups,
    pass: group(),
    fail: group({ organisation: { id: 'skolenhet-1' } }),
    attribute: 'organisation.id',
  },
  'schema.email': {
    resource: 'persons',
    pass: pupil(),
    fail: pupil({ emails: [{ value: 'inte-en-adress' }] }),
    attribute: 'emails[0].value',
  },
  'schema.date-time': {
    resource: 'persons',
    pass: pupil({ meta: { created: '2021-05-12T10:30:00.123+02:00' } }),
    fail: pupil({ meta: { created: '2021-05-12 10:30' } }),
    attribute: 'meta.created',
  },
  'person.eppn.exactly-one': {
    resource: 'persons',
    pass: pupil(),
    fail: pupil({ eduPersonPrincipalNames: [] }),
    attribute: 'eduPersonPrincipalNames',
  },
  'person.eppn.format': {
    resource: 'persons',
    pass: pupil(),
    fail: pupil({ eduPersonPrincipalNames: ['utan-snabel-a.huvudman.se'] }),
    attribute: 'eduPersonPrincipalNames[0]',
  },
  'person.eppn.name-based': {
    resource: 'persons',
    pass: pupil(),
    fail: pupil({ eduPersonPrincipalNames: ['lanpi09@edu.huvudman.se'] }),
    attribute: 'eppn',
  },
  'person.eppn.shared-between-roles': {
    resource: 'persons',
    setup: staffWithDuty,
    pass: pupil(),
    fail: pupil({ eduPersonPrincipalNames: [STAFF_EPPN] }),
    attribute: 'eduPersonPrincipalNames[0]',
  },
  'person.emails.required-for-staff': {
    resource: 'persons',
    setup: staffWithDuty,
    pass: staff(),
    fail: staff({ emails: [] }),
    attribute: 'emails',
  },
  'person.emails.type-unsupported': {
    resource: 'persons',
    pass: staff(),
    fail: staff({ emails: [{ value: 'tommy@hemma.se', type: 'Privat' }] }),
    attribute: 'emails[0].type',
  },
  'person.external-identifiers.at-most-one': {
    resource: 'persons',
    pass: staff({ externalIdentifiers: [EDUID] }),
    fail: staff({ externalIdentifiers: [EDUID, { ...EDUID, value: 'other@eduid.se' }] }),
    attribute: 'externalIdentifiers',
  },
  'person.external-identifiers.context': {
    resource: 'persons',
    pass: staff({ externalIdentifiers: [EDUID] }),
    fail: staff({ externalIdentifiers: [{ ...EDUID, context: 'http://skolverket.se/AD' }] }),
    attribute: 'externalIdentifiers[0].context',
  },
  'person.external-identifiers.staff-only': {
    resource: 'persons',
    pass: staff({ externalIdentifiers: [EDUID] }),
    fail: pupil({ externalIdentifiers: [EDUID] }),
    attribute: 'externalIdentifiers',
  },
  'person.security-marking.enum': {
    resource: 'persons',
    pass: pupil({ securityMarking: 'Skyddad folkbokföring' }),
    fail: pupil({ securityMarking: 'Hemlig' }),
    attribute: 'securityMarking',
  },
  'person.civic-no.format': {
    resource: 'persons',
    pass: pupil(),
    fail: pupil({ civicNo: { value: '20090127-2385' } }),
    attribute: 'civicNo.value',
  },
  'person.civic-no.date': {
    resource: 'persons',
    pass: pupil(),
    fail: pupil({ civicNo: { value: '200702291234' } }),
    attribute: 'civicNo.value',
  },
  'person.civic-no.check-digit': {
    resource: 'persons',
    pass: pupil(),
    fail: pupil({ civicNo: { value: '200901272386' } }),
    attribute: 'civicNo.value',
  },
  'person.civic-no.nationality': {
    resource: 'persons',
    pass: pupil({ civicNo: { value: PUPIL_CIVIC_NO } }),
    fail: pupil({ civicNo: { value: PUPIL_CIVIC_NO, nationality: 'NO' } }),
    attribute: 'civicNo.nationality',
  },
  'person.civic-no.not-in-population-register': {
    resource: 'persons',
    withRegister: true,
    pass: pupil(),
    fail: staff(),
    attribute: 'civicNo.value',
  },
  'enrolment.school-unit.unknown': {
    resource: 'persons',
    pass: pupil(),
    fail: enrol({ enroledAt: { id: UNKNOWN_UNIT }, schoolType: 'GR', schoolYear: 6 }),
    attribute: 'enrolments[0].enroledAt.id',
  },
  'enrolment.school-unit.other-organisation': {
    resource: 'persons',
    pass: pupil(),
    fail: enrol({ enroledAt: { id: FOREIGN_UNIT }, schoolType: 'GR', schoolYear: 6 }),
    attribute: 'enrolments[0].enroledAt.id',
  },
  'enrolment.school-type.enum': {
    resource: 'persons',
    pass: pupil(),
    fail: enrol({ enroledAt: { id: GR_UNIT }, schoolType: 'GRS', schoolYear: 6 }),
    attribute: 'enrolments[0].schoolType',
  },
  'enrolment.school-type.not-offered': {
    resource: 'persons',
    pass: enrol(gyEnrolment),
    fail: enrol({ ...gyEnrolment, enroledAt: { id: GR_UNIT } }),
    attribute: 'enrolments[0].schoolType',
  },
  'enrolment.school-year.required': {
    resource: 'persons',
    pass: pupil(),
    fail: enrol({ enroledAt: { id: GR_UNIT }, schoolType: 'GR' }),
    attribute: 'enrolments[0].schoolYear',
  },
  'enrolment.school-year.range': {
    resource: 'persons',
    pass: enrol({ enroledAt: { id: GR_UNIT }, schoolType: 'GR', schoolYear: 10 }),
    fail: enrol({ enroledAt: { id: GR_UNIT }, schoolType: 'GR', schoolYear: 0 }),
    attribute: 'enrolments[0].schoolYear',
  },
  'enrolment.education-code.required': {
    resource: 'persons',
    pass: enrol(gyEnrolment),
    fail: enrol({ ...gyEnrolment, educationCode: undefined }),
    attribute: 'enrolments[0].educationCode',
  },
  'enrolment.education-code.invalid': {
    resource: 'persons',
    pass: enrol(gyEnrolment),
    fail: enrol({ ...gyEnrolment, educationCode: EXPIRED_PROGRAMME }),
    attribute: 'enrolments[0].educationCode',
  },
  'duty.person.not-found': {
    resource: 'duties',
    setup: forDuties,
    pass: duty(),
    fail: duty({ person: { id: MISSING_ID } }),
    attribute: 'person.id',
  },
  'duty.person.email-missing': {
    resource: 'duties',
    setup: { persons: [staff({ emails: undefined })] },
    pass: duty({ person: { id: pupil().id } }),
    fail: duty(),
    attribute: 'person.id',
  },
  'duty.person.eppn-shared-with-pupil': {
    resource: 'duties',
    setup: { persons: [pupil(), staff({ eduPersonPrincipalNames: [PUPIL_EPPN] }), otherStaff] },
    pass: duty({ person: { id: otherStaff.id } }),
    fail: duty(),
    attribute: 'person.id',
  },
  'duty.duty-at.unknown': {
    resource: 'duties',
    setup: forDuties,
    pass: duty(),
    fail: duty({ dutyAt: { id: UNKNOWN_UNIT } }),
    attribute: 'dutyAt.id',
  },
  'duty.duty-at.other-organisation': {
    resource: 'duties',
    setup: forDuties,
    pass: duty(),
    fail: duty({ dutyAt: { id: FOREIGN_UNIT } }),
    attribute: 'dutyAt.id',
  },
  'duty.duty-role.enum': {
    resource: 'duties',
    setup: forDuties,
    pass: duty({ dutyRole: 'Speciallärare/specialpedagog' }),
    fail: duty({ dutyRole: 'Vaktmästare' }),
    attribute: 'dutyRole',
  },
  'group.group-type.not-allowed': {
    resource: 'groups',
    setup: forGroups,
    pass: group({ groupType: 'Klass' }),
    fail: group({ groupType: 'Mentor' }),
    attribute: 'groupType',
  },
  'group.school-type.enum': {
    resource: 'groups',
    setup: forGroups,
    pass: group(),
    fail: group({ schoolType: 'FS' }),
    attribute: 'schoolType',
  },
  'group.organisation.unknown': {
    resource: 'groups',
    setup: forGroups,
    pass: group(),
    fail: group({ organisation: { id: UNKNOWN_UNIT } }),
    attribute: 'organisation.id',
  },
  'group.organisation.other-organisation': {
    resource: 'groups',
    setup: forGroups,
    pass: group(),
    fail: group({ organisation: { id: FOREIGN_UNIT } }),
    attribute: 'organisation.id',
  },
  'group.school-type.not-offered': {
    resource: 'groups',
    setup: forGroups,
    pass: group({ schoolType: 'GY', organisation: { id: GY_UNIT } }),
    fail: group({ schoolType: 'GY' }),
    attribute: 'schoolType',
  },
  'group.member.not-found': {
    resource: 'groups',
    setup: forGroups,
    pass: group(),
    fail: group({ groupMemberships: [{ person: { id: MISSING_ID } }] }),
    attribute: 'groupMemberships[0].person.id',
  },
  'activity.activity-type.not-allowed': {
    resource: 'activities',
    setup: forActivities,
    pass: activity(),
    fail: activity({ activityType: 'Provaktivitet' }),
    attribute: 'activityType',
  },
  'activity.groups.at-least-one': {
    resource: 'activities',
    setup: forActivities,
    pass: activity(),
    fail: activity({ groups: [] }),
    attribute: 'groups',
  },
  'activity.group.not-found': {
    resource: 'activities',
    setup: forActivities,
    pass: activity(),
    fail: activity({ groups: [{ id: MISSING_ID }] }),
    attribute: 'groups[0].id',
  },
  'activity.teacher.duty-not-found': {
    resource: 'activities',
    setup: forActivities,
    pass: activity({ teachers: [] }),
    fail: activity({ teachers: [{ duty: { id: MISSING_ID } }] }),
    attribute: 'teachers[0].duty.id',
  },
  'activity.organisation.unknown': {
    resource: 'activities',
    setup: forActivities,
    pass: activity(),
    fail: activity({ organisation: { id: UNKNOWN_UNIT } }),
    attribute: 'organisation.id',
  },
  'activity.organisation.other-organisation': {
    resource: 'activities',
    setup: forActivities,
    pass: activity(),
    fail: activity({ organisation: { id: FOREIGN_UNIT } }),
    attribute: 'organisation.id',
  },
  'activity.parent-activity.unknown': {
    resource: 'activities',
    setup: forActivities,
    pass: activity({ parentActivity: { id: EXAM_ACTIVITY } }),
    fail: activity({ parentActivity: { id: MISSING_ID } }),
    attribute: 'parentActivity.id',
  },
};

let plain: Harness;
let withRegister: Harness;
beforeAll(async () => {
  plain = await startHarness();
  const dir = join(plain.mock.services.settings.stateDir);
  const register = join(dir, 'population-register.txt');
  writeFileSync(register, `# test register\n${PUPIL_CIVIC_NO}\n`);
  withRegister = await startHarness({ populationRegister: register });
});
afterAll(async () => {
  await withRegister.close();
  await plain.close();
});

const ORDER: ResourceName[] = ['persons', 'duties', 'groups', 'activities'];

/** Fresh organisation data, the setup pushed in order, then `item`: returns the item's response. */
async function runExample(example: ApiExample, item: Json) {
  const h = example.withRegister ? withRegister : plain;
  h.mock.services.provisioning.reset();
  for (const resource of ORDER) {
    const data = example.setup?.[resource];
    if (!data) continue;
    const job = await pushAndWait(h, 'post', `/${resource}/bulk`, { data });
    const failed = job.responses.filter((r) => r.response.status === 'Error');
    expect(failed, `setup of ${resource}: ${JSON.stringify(failed)}`).toEqual([]);
  }
  const job = await pushAndWait(h, 'post', `/${example.resource}/bulk?updateIfExists=true`, { data: [item] });
  return job.responses[0]?.response as {
    status: string;
    statusCode: number;
    errors: Array<Record<string, unknown>>;
    warnings: Array<Record<string, unknown>>;
  };
}

describe('rule wiring through the API', () => {
  it('has an API example for every rule of the catalogue (or says why a push cannot reach it)', () => {
    const covered = [...Object.keys(EXAMPLES), ...Object.keys(API_UNREACHABLE)].sort();
    expect(covered).toEqual(RULES.map((rule) => rule.name).sort());
  });

  for (const rule of RULES) {
    const example = EXAMPLES[rule.name];
    if (!example) continue;
    describe(`${rule.code} ${rule.name}`, () => {
      it('is not reported for the passing push', async () => {
        const response = await runExample(example, example.pass);
        const hits = [...response.errors, ...response.warnings].filter((e) => e.id === String(rule.code));
        expect(hits, JSON.stringify(response)).toEqual([]);
      });

      it(`settles the failing push as ${rule.severity} with LogEntry ${rule.code} at ${example.attribute}`, async () => {
        const response = await runExample(example, example.fail);
        const list = rule.severity === 'Error' ? response.errors : response.warnings;
        const hit = list.find((e) => e.id === String(rule.code));
        expect(hit, JSON.stringify(response)).toMatchObject({
          id: String(rule.code),
          statusCode: rule.statusCode,
          messageType: rule.messageType,
          resourceType: RESOURCE_TYPES[example.resource],
          resourceId: String(example.fail.id),
          attributeName: example.attribute,
          severityLevel: rule.severity,
          timeOfOccurance: expect.stringMatching(/^2026-09-01T10:00:00\.000\+02:00$/),
        });
        if (rule.severity === 'Error') {
          expect(response.status).toBe('Error');
          expect(response.statusCode).toBe(response.errors[0]?.statusCode);
        } else if (response.errors.length === 0) {
          expect(response.status).toBe('Warning');
          expect([200, 201]).toContain(response.statusCode);
        }
      });
    });
  }
});
