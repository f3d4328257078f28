// Rules on a Person's enrolments: school unit, school type, school year and education code (dnp-facts §3).
import { type ItemRule, reportFinding } from '../rule.js';
import { SCHOOL_TYPES_WITH_SCHOOL_YEAR } from '../schemas/enums.js';
import type { Enrolment, Person } from '../schemas/person.js';
import { isSchoolTypeOffered, schoolUnitRules } from './school-unit-reference.js';

const SOURCE = 'spec schema Enrolment; tag Person; dnp-facts §3';

function enrolments(person: Person): { enrolment: Enrolment; at: string }[] {
  return (person.enrolments ?? []).map((enrolment, i) => ({ enrolment, at: `enrolments[${i}]` }));
}

export const [enroledAtUnknown, enroledAtOtherOrganisation] = schoolUnitRules<Person>({
  codes: { unknown: 3130, otherOrganisation: 3131 },
  prefix: 'enrolment.school-unit',
  resource: 'persons',
  attributeName: 'enrolments[].enroledAt.id',
  source:
    'spec tag Person ("enroledAt.id … ska vara ett UUID-värde som är genererat av Skolverket"); dnp-facts §3',
  refs: (person) =>
    enrolments(person).map(({ enrolment, at }) => ({
      id: enrolment.enroledAt.id,
      attributeName: `${at}.enroledAt.id`,
    })),
});

export const enrolmentSchoolTypeEnum: ItemRule<Person> = {
  code: 3132,
  name: 'enrolment.school-type.enum',
  resource: 'persons',
  severity: 'Error',
  statusCode: 400,
  messageType: 'Ogiltigt värde',
  message: 'Ogiltigt värde på <{attribute}>. Tillåtna värden är GR, SP, SAM, GY och VUXGY.',
  attributeName: 'enrolments[].schoolType',
  source: `${SOURCE}; Code_SchoolType`,
  schemaIssues: [{ path: 'enrolments[].schoolType', kinds: ['enum'] }],
};

export const enrolmentSchoolTypeNotOffered: ItemRule<Person> = {
  code: 3133,
  name: 'enrolment.school-type.not-offered',
  resource: 'persons',
  severity: 'Warning',
  statusCode: 400,
  messageType: 'Bristfälligt värde',
  message: 'Skolenheten har inte skolformen {value} enligt provtjänstens öppna data.',
  attributeName: 'enrolments[].schoolType',
  source: 'open-data API schoolUnits (school types); dnp-facts §2',
  interpretation:
    'Skolverket publishes no such rule; the mock warns when open data says the unit does not run the school type.',
  check: (person, ctx) =>
    enrolments(person)
      .filter(({ enrolment }) => !isSchoolTypeOffered(enrolment.enroledAt.id, enrolment.schoolType, ctx))
      .map(({ enrolment, at }) =>
        reportFinding(enrolmentSchoolTypeNotOffered, {
          attributeName: `${at}.schoolType`,
          attributeValue: enrolment.schoolType,
        }),
      ),
};

export const schoolYearRequired: ItemRule<Person> = {
  code: 3134,
  name: 'enrolment.school-year.required',
  resource: 'persons',
  severity: 'Error',
  statusCode: 400,
  messageType: 'Ogiltigt värde',
  message: 'Värde för <{attribute}> måste anges för utbildningsformerna GR, SP och SAM.',
  attributeName: 'enrolments[].schoolYear',
  source: `${SOURCE}; Enrolment.schoolYear description`,
  check: (person) =>
    enrolments(person)
      .filter(
        ({ enrolment }) =>
          SCHOOL_TYPES_WITH_SCHOOL_YEAR.includes(enrolment.schoolType) && enrolment.schoolYear === undefined,
      )
      .map(({ at }) => reportFinding(schoolYearRequired, { attributeName: `${at}.schoolYear` })),
};

export const schoolYearRange: ItemRule<Person> = {
  code: 3135,
  name: 'enrolment.school-year.range',
  resource: 'persons',
  severity: 'Error',
  statusCode: 400,
  messageType: 'Ogiltigt värde',
  message: 'Ogiltigt värde på <{attribute}>. Årskurs ska vara ett heltal mellan 1 och 10.',
  attributeName: 'enrolments[].schoolYear',
  source: `${SOURCE}; Enrolment.schoolYear minimum 1, maximum 10`,
  schemaIssues: [{ path: 'enrolments[].schoolYear', kinds: ['range'] }],
};

export const educationCodeRequired: ItemRule<Person> = {
  code: 3136,
  name: 'enrolment.education-code.required',
  resource: 'persons',
  severity: 'Error',
  statusCode: 400,
  messageType: 'Ogiltigt värde',
  message: 'Värde för <{attribute}> måste anges för utbildningsformen GY.',
  attributeName: 'enrolments[].educationCode',
  source: `${SOURCE}; Enrolment.educationCode description`,
  interpretation: 'An empty or blank string counts as missing.',
  check: (person) =>
    enrolments(person)
      .filter(({ enrolment }) => enrolment.schoolType === 'GY' && !enrolment.educationCode?.trim())
      .map(({ enrolment, at }) =>
        reportFinding(educationCodeRequired, {
          attributeName: `${at}.educationCode`,
          attributeValue: enrolment.educationCode,
        }),
      ),
};

export const educationCodeInvalid: ItemRule<Person> = {
  code: 3137,
  name: 'enrolment.education-code.invalid',
  resource: 'persons',
  severity: 'Error',
  statusCode: 400,
  messageType: 'Ogiltigt värde',
  message:
    'Studievägskoden <{value}> i <{attribute}> är inte en giltig studieväg enligt provtjänstens öppna data.',
  attributeName: 'enrolments[].educationCode',
  source: 'open-data API programmes (validFrom, status); dnp-facts §2',
  interpretation:
    'Checked for GY only, against the programmes of open data valid on ctx.today (validFrom passed, not expired); VUXGY codes are not programmes of open data.',
  check: (person, ctx) =>
    enrolments(person)
      .filter(({ enrolment }) => {
        const code = enrolment.educationCode?.trim();
        return enrolment.schoolType === 'GY' && !!code && !ctx.isProgrammeValid(code, ctx.today);
      })
      .map(({ enrolment, at }) =>
        reportFinding(educationCodeInvalid, {
          attributeName: `${at}.educationCode`,
          attributeValue: enrolment.educationCode,
        }),
      ),
};

export const ENROLMENT_RULES: readonly ItemRule<Person>[] = [
  enroledAtUnknown,
  enroledAtOtherOrganisation,
  enrolmentSchoolTypeEnum,
  enrolmentSchoolTypeNotOffered,
  schoolYearRequired,
  schoolYearRange,
  educationCodeRequired,
  educationCodeInvalid,
];
