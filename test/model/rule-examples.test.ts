// Every rule of the catalogue with a passing and a failing example, asserted on code, severity and attribute.
import { describe, expect, it } from 'vitest';
import {
  type Finding,
  type ResourceName,
  RULES,
  type RuleContext,
  SCHEMA_RULES,
  validateItem,
} from '../../src/model/index.js';
import { schemaFindings } from '../../src/model/rules/schema-rules.js';
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
  pupil,
  STAFF_CIVIC_NO,
  staff,
  UNKNOWN_UNIT,
  VALID_PROGRAMME,
  world,
} from './fixtures.js';

type Run = () => Finding[];

function run(resource: ResourceName, item: unknown, ctx: RuleContext = world()): Run {
  return () => {
    const verdict = validateItem(resource, item, ctx);
    return [...verdict.errors, ...verdict.warnings];
  };
}

interface Example {
  pass: Run;
  fail: Run;
  /** attributeName of the failing finding. */
  attribute: string;
}

const EDUID = { value: 'movip-eiral@eduid.se', context: 'https://eduid.se' };
const STAFF_EPPN = staff().eduPersonPrincipalNames[0];
const PUPIL_EPPN = pupil().eduPersonPrincipalNames[0];
const enrol = (enrolment: Record<string, unknown>) => pupil({ enrolments: [enrolment] });
const gyEnrolment = { enroledAt: { id: GY_UNIT }, schoolType: 'GY', educationCode: VALID_PROGRAMME };

const EXAMPLES: Record<string, Example> = {
  'schema.not-object': { pass: run('persons', pupil()), fail: run('persons', 'en sträng'), attribute: '' },
  'schema.required': {
    pass: run('persons', pupil()),
    fail: run('persons', pupil({ givenName: undefined })),
    attribute: 'givenName',
  },
  'schema.type': {
    pass: run('persons', pupil()),
    fail: run('persons', pupil({ givenName: 42 })),
    attribute: 'givenName',
  },
  'schema.enum': {
    pass: run('persons', pupil()),
    fail: run('persons', pupil({ emails: [{ value: 'a@skola.se', type: 'Jobb' }] })),
    attribute: 'emails[0].type',
  },
  'schema.uuid': {
    pass: run('groups', group()),
    fail: run('groups', group({ organisation: { id: 'skolenhet-1' } })),
    attribute: 'organisation.id',
  },
  'schema.email': {
    pass: run('persons', pupil()),
    fail: run('persons', pupil({ emails: [{ value: 'inte-en-adress' }] })),
    attribute: 'emails[0].value',
  },
  'schema.date-time': {
    pass: run('persons', pupil({ meta: { created: '2021-05-12T10:30:00.123+02:00' } })),
    fail: run('persons', pupil({ meta: { created: '2021-05-12 10:30' } })),
    attribute: 'meta.created',
  },
  // Every range in the 1.3.2 schemas is claimed by a named rule: the generic one is the fallback.
  'schema.range': {
    pass: () => schemaFindings('persons', {}, [], []),
    fail: () =>
      schemaFindings(
        'persons',
        { enrolments: [{ schoolYear: 11 }] },
        [
          {
            code: 'too_big',
            origin: 'number',
            maximum: 10,
            path: ['enrolments', 0, 'schoolYear'],
            message: '',
            input: 11,
          },
        ],
        [],
      ),
    attribute: 'enrolments[0].schoolYear',
  },
  'person.eppn.exactly-one': {
    pass: run('persons', pupil()),
    fail: run('persons', pupil({ eduPersonPrincipalNames: [] })),
    attribute: 'eduPersonPrincipalNames',
  },
  'person.eppn.format': {
    pass: run('persons', pupil()),
    fail: run('persons', pupil({ eduPersonPrincipalNames: ['utan-snabel-a.huvudman.se'] })),
    attribute: 'eduPersonPrincipalNames[0]',
  },
  'person.eppn.name-based': {
    pass: run('persons', pupil()),
    fail: run('persons', pupil({ eduPersonPrincipalNames: ['lanpi09@edu.huvudman.se'] })),
    attribute: 'eppn',
  },
  'person.eppn.shared-between-roles': {
    pass: run('persons', pupil()),
    fail: run('persons', pupil({ eduPersonPrincipalNames: [STAFF_EPPN] })),
    attribute: 'eduPersonPrincipalNames[0]',
  },
  'person.emails.required-for-staff': {
    pass: run('persons', staff()),
    fail: run('persons', staff({ emails: [] })),
    attribute: 'emails',
  },
  'person.emails.type-unsupported': {
    pass: run('persons', staff()),
    fail: run('persons', staff({ emails: [{ value: 'tommy@hemma.se', type: 'Privat' }] })),
    attribute: 'emails[0].type',
  },
  'person.external-identifiers.at-most-one': {
    pass: run('persons', staff({ externalIdentifiers: [EDUID] })),
    fail: run('persons', staff({ externalIdentifiers: [EDUID, { ...EDUID, value: 'other@eduid.se' }] })),
    attribute: 'externalIdentifiers',
  },
  'person.external-identifiers.context': {
    pass: run('persons', staff({ externalIdentifiers: [EDUID] })),
    fail: run('persons', staff({ externalIdentifiers: [{ ...EDUID, context: 'http://skolverket.se/AD' }] })),
    attribute: 'externalIdentifiers[0].context',
  },
  'person.external-identifiers.staff-only': {
    pass: run('persons', staff({ externalIdentifiers: [EDUID] })),
    fail: run('persons', pupil({ externalIdentifiers: [EDUID] })),
    attribute: 'externalIdentifiers',
  },
  'person.security-marking.enum': {
    pass: run('persons', pupil({ securityMarking: 'Skyddad folkbokföring' })),
    fail: run('persons', pupil({ securityMarking: 'Hemlig' })),
    attribute: 'securityMarking',
  },
  'person.civic-no.format': {
    pass: run('persons', pupil()),
    fail: run('persons', pupil({ civicNo: { value: '20090127-2385' } })),
    attribute: 'civicNo.value',
  },
  'person.civic-no.date': {
    pass: run('persons', pupil()),
    fail: run('persons', pupil({ civicNo: { value: '200702291234' } })),
    attribute: 'civicNo.value',
  },
  'person.civic-no.check-digit': {
    pass: run('persons', pupil()),
    fail: run('persons', pupil({ civicNo: { value: '200901272386' } })),
    attribute: 'civicNo.value',
  },
  'person.civic-no.nationality': {
    pass: run('persons', pupil({ civicNo: { value: PUPIL_CIVIC_NO } })),
    fail: run('persons', pupil({ civicNo: { value: PUPIL_CIVIC_NO, nationality: 'NO' } })),
    attribute: 'civicNo.nationality',
  },
  'person.civic-no.not-in-population-register': {
    pass: run('persons', pupil(), world({ populationRegister: new Set([PUPIL_CIVIC_NO]) })),
    fail: run('persons', pupil(), world({ populationRegister: new Set([STAFF_CIVIC_NO]) })),
    attribute: 'civicNo.value',
  },
  'enrolment.school-unit.unknown': {
    pass: run('persons', pupil()),
    fail: run('persons', enrol({ enroledAt: { id: UNKNOWN_UNIT }, schoolType: 'GR', schoolYear: 6 })),
    attribute: 'enrolments[0].enroledAt.id',
  },
  'enrolment.school-unit.other-organisation': {
    pass: run('persons', pupil()),
    fail: run('persons', enrol({ enroledAt: { id: FOREIGN_UNIT }, schoolType: 'GR', schoolYear: 6 })),
    attribute: 'enrolments[0].enroledAt.id',
  },
  'enrolment.school-type.enum': {
    pass: run('persons', pupil()),
    fail: run('persons', enrol({ enroledAt: { id: GR_UNIT }, schoolType: 'GRS', schoolYear: 6 })),
    attribute: 'enrolments[0].schoolType',
  },
  'enrolment.school-type.not-offered': {
    pass: run('persons', enrol(gyEnrolment)),
    fail: run('persons', enrol({ ...gyEnrolment, enroledAt: { id: GR_UNIT } })),
    attribute: 'enrolments[0].schoolType',
  },
  'enrolment.school-year.required': {
    pass: run('persons', pupil()),
    fail: run('persons', enrol({ enroledAt: { id: GR_UNIT }, schoolType: 'GR' })),
    attribute: 'enrolments[0].schoolYear',
  },
  'enrolment.school-year.range': {
    pass: run('persons', enrol({ enroledAt: { id: GR_UNIT }, schoolType: 'GR', schoolYear: 10 })),
    fail: run('persons', enrol({ enroledAt: { id: GR_UNIT }, schoolType: 'GR', schoolYear: 0 })),
    attribute: 'enrolments[0].schoolYear',
  },
  'enrolment.education-code.required': {
    pass: run('persons', enrol(gyEnrolment)),
    fail: run('persons', enrol({ ...gyEnrolment, educationCode: undefined })),
    attribute: 'enrolments[0].educationCode',
  },
  'enrolment.education-code.invalid': {
    pass: run('persons', enrol(gyEnrolment)),
    fail: run('persons', enrol({ ...gyEnrolment, educationCode: EXPIRED_PROGRAMME })),
    attribute: 'enrolments[0].educationCode',
  },
  'duty.person.not-found': {
    pass: run('duties', duty()),
    fail: run('duties', duty({ person: { id: MISSING_ID } })),
    attribute: 'person.id',
  },
  'duty.person.email-missing': {
    pass: run('duties', duty()),
    fail: run('duties', duty(), world({ persons: [pupil(), staff({ emails: undefined })] })),
    attribute: 'person.id',
  },
  'duty.person.eppn-shared-with-pupil': {
    pass: run('duties', duty()),
    fail: run(
      'duties',
      duty(),
      world({ persons: [pupil(), staff({ eduPersonPrincipalNames: [PUPIL_EPPN] })] }),
    ),
    attribute: 'person.id',
  },
  'duty.duty-at.unknown': {
    pass: run('duties', duty()),
    fail: run('duties', duty({ dutyAt: { id: UNKNOWN_UNIT } })),
    attribute: 'dutyAt.id',
  },
  'duty.duty-at.other-organisation': {
    pass: run('duties', duty()),
    fail: run('duties', duty({ dutyAt: { id: FOREIGN_UNIT } })),
    attribute: 'dutyAt.id',
  },
  'duty.duty-role.enum': {
    pass: run('duties', duty({ dutyRole: 'Speciallärare/specialpedagog' })),
    fail: run('duties', duty({ dutyRole: 'Vaktmästare' })),
    attribute: 'dutyRole',
  },
  'group.group-type.not-allowed': {
    pass: run('groups', group({ groupType: 'Undervisning' })),
    fail: run('groups', group({ groupType: 'Mentor' })),
    attribute: 'groupType',
  },
  'group.school-type.enum': {
    pass: run('groups', group()),
    fail: run('groups', group({ schoolType: 'FS' })),
    attribute: 'schoolType',
  },
  'group.organisation.unknown': {
    pass: run('groups', group()),
    fail: run('groups', group({ organisation: { id: UNKNOWN_UNIT } })),
    attribute: 'organisation.id',
  },
  'group.organisation.other-organisation': {
    pass: run('groups', group()),
    fail: run('groups', group({ organisation: { id: FOREIGN_UNIT } })),
    attribute: 'organisation.id',
  },
  'group.school-type.not-offered': {
    pass: run('groups', group({ schoolType: 'VUXGY', organisation: { id: GY_UNIT } })),
    fail: run('groups', group({ schoolType: 'GY' })),
    attribute: 'schoolType',
  },
  'group.member.not-found': {
    pass: run('groups', group()),
    fail: run('groups', group({ groupMemberships: [{ person: { id: MISSING_ID } }] })),
    attribute: 'groupMemberships[0].person.id',
  },
  'activity.activity-type.not-allowed': {
    pass: run('activities', activity()),
    fail: run('activities', activity({ activityType: 'Provaktivitet' })),
    attribute: 'activityType',
  },
  'activity.groups.at-least-one': {
    pass: run('activities', activity()),
    fail: run('activities', activity({ groups: [] })),
    attribute: 'groups',
  },
  'activity.group.not-found': {
    pass: run('activities', activity()),
    fail: run('activities', activity({ groups: [{ id: MISSING_ID }] })),
    attribute: 'groups[0].id',
  },
  'activity.teacher.duty-not-found': {
    pass: run('activities', activity({ teachers: [] })),
    fail: run('activities', activity({ teachers: [{ duty: { id: MISSING_ID } }] })),
    attribute: 'teachers[0].duty.id',
  },
  'activity.organisation.unknown': {
    pass: run('activities', activity()),
    fail: run('activities', activity({ organisation: { id: UNKNOWN_UNIT } })),
    attribute: 'organisation.id',
  },
  'activity.organisation.other-organisation': {
    pass: run('activities', activity()),
    fail: run('activities', activity({ organisation: { id: FOREIGN_UNIT } })),
    attribute: 'organisation.id',
  },
  'activity.parent-activity.unknown': {
    pass: run('activities', activity({ parentActivity: { id: EXAM_ACTIVITY } })),
    fail: run('activities', activity({ parentActivity: { id: MISSING_ID } })),
    attribute: 'parentActivity.id',
  },
};

describe('rule examples', () => {
  it('cover every rule of the catalogue, and nothing else', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(RULES.map((rule) => rule.name).sort());
    expect(SCHEMA_RULES.length).toBeGreaterThan(0);
  });

  for (const rule of RULES) {
    const example = EXAMPLES[rule.name];
    if (!example) continue;
    describe(`${rule.code} ${rule.name}`, () => {
      it('reports nothing on the passing example', () => {
        expect(example.pass().filter((f) => f.code === rule.code)).toEqual([]);
      });

      it(`reports ${rule.severity} ${rule.statusCode} at ${example.attribute || '(item)'} on the failing example`, () => {
        const findings = example.fail();
        const hit = findings.find((f) => f.code === rule.code);
        expect(hit, JSON.stringify(findings)).toBeDefined();
        expect(hit).toMatchObject({
          code: rule.code,
          rule: rule.name,
          severity: rule.severity,
          statusCode: rule.statusCode,
          messageType: rule.messageType,
          attributeName: example.attribute,
        });
        expect(hit?.message).not.toMatch(/\{(attribute|value|detail)\}/);
      });
    });
  }
});
