// Rules on a Person's e-mail, external identifiers and security marking (tag "Person", dnp-facts §3).
import { type ItemRule, reportFinding } from '../rule.js';
import { EDUID_CONTEXT, SUPPORTED_EMAIL_TYPES } from '../schemas/enums.js';
import type { Person } from '../schemas/person.js';
import { EPPN_RULES } from './eppn-rules.js';

const TAG = 'spec tag Person; dnp-facts §3';

function hasEnrolments(person: Person): boolean {
  return (person.enrolments?.length ?? 0) > 0;
}

export const emailRequiredForStaff: ItemRule<Person> = {
  code: 3113,
  name: 'person.emails.required-for-staff',
  resource: 'persons',
  severity: 'Error',
  statusCode: 400,
  messageType: 'Ogiltigt värde',
  message:
    'E-postadress är obligatoriskt för skolpersonal. Personen har en tjänstgöring men saknar värde i <{attribute}>.',
  attributeName: 'emails',
  source: `${TAG}; Person.emails description`,
  interpretation:
    'A Person payload cannot say it is staff: "staff" means a duty exists (ctx.isStaff). Here the rule fires for a person who already has a duty; a new staff member, pushed before its duties as the README orders, is caught by duty.person.email-missing (3141) when its duty arrives.',
  check: (person, ctx) =>
    ctx.isStaff(person.id) && (person.emails?.length ?? 0) === 0
      ? [reportFinding(emailRequiredForStaff, { attributeValue: person.emails ?? [] })]
      : [],
};

export const emailTypeUnsupported: ItemRule<Person> = {
  code: 3114,
  name: 'person.emails.type-unsupported',
  resource: 'persons',
  severity: 'Warning',
  statusCode: 400,
  messageType: 'Bristfälligt värde',
  message:
    'E-postadresser av typen {value} används inte. Endast "Skola elev" och "Skola personal" stöds i provtjänsten.',
  attributeName: 'emails[].type',
  source: 'spec Person.emails description',
  interpretation:
    'Reported as a Warning: the spec says other types are not supported, not that they are refused.',
  check: (person) =>
    (person.emails ?? []).flatMap((email, i) =>
      email.type !== undefined && !SUPPORTED_EMAIL_TYPES.includes(email.type)
        ? [
            reportFinding(emailTypeUnsupported, {
              attributeName: `emails[${i}].type`,
              attributeValue: email.type,
            }),
          ]
        : [],
    ),
};

export const externalIdentifiersAtMostOne: ItemRule<Person> = {
  code: 3115,
  name: 'person.external-identifiers.at-most-one',
  resource: 'persons',
  severity: 'Error',
  statusCode: 400,
  messageType: 'Ogiltigt värde',
  message: '<{attribute}> får inte innehålla mer än ett värde.',
  attributeName: 'externalIdentifiers',
  source: `${TAG}; Person.externalIdentifiers maxItems 1`,
  schemaIssues: [{ path: 'externalIdentifiers', kinds: ['range'] }],
};

export const externalIdentifierContext: ItemRule<Person> = {
  code: 3116,
  name: 'person.external-identifiers.context',
  resource: 'persons',
  severity: 'Error',
  statusCode: 400,
  messageType: 'Ogiltigt värde',
  message:
    'Ogiltigt värde på <{attribute}>. Provtjänsten tar endast emot identifierare som har skapats i eduID, därför ska värdet vara "https://eduid.se".',
  attributeName: 'externalIdentifiers[].context',
  source: `${TAG}; Person.externalIdentifiers[].context description`,
  check: (person) =>
    (person.externalIdentifiers ?? []).flatMap((ext, i) =>
      ext.context === EDUID_CONTEXT
        ? []
        : [
            reportFinding(externalIdentifierContext, {
              attributeName: `externalIdentifiers[${i}].context`,
              attributeValue: ext.context,
            }),
          ],
    ),
};

export const externalIdentifiersStaffOnly: ItemRule<Person> = {
  code: 3117,
  name: 'person.external-identifiers.staff-only',
  resource: 'persons',
  severity: 'Error',
  statusCode: 400,
  messageType: 'Ogiltigt värde',
  message: '<{attribute}> ska skickas endast för skolpersonal.',
  attributeName: 'externalIdentifiers',
  source: `${TAG}; Person.externalIdentifiers description`,
  interpretation:
    'Persons come before duties, so a new staff member is not yet staff; the rule fires only for a person known to be a pupil (has enrolments) and not staff.',
  check: (person, ctx) =>
    (person.externalIdentifiers?.length ?? 0) > 0 && hasEnrolments(person) && !ctx.isStaff(person.id)
      ? [reportFinding(externalIdentifiersStaffOnly, { attributeValue: person.externalIdentifiers })]
      : [],
};

export const securityMarkingEnum: ItemRule<Person> = {
  code: 3118,
  name: 'person.security-marking.enum',
  resource: 'persons',
  severity: 'Error',
  statusCode: 400,
  messageType: 'Ogiltigt värde',
  message:
    'Ogiltigt värde på <{attribute}>. Tillåtna värden är Ingen, Sekretessmarkering och Skyddad folkbokföring.',
  attributeName: 'securityMarking',
  source: 'spec Person.securityMarking (Code_SecurityMarking); dnp-facts §3',
  schemaIssues: [{ path: 'securityMarking', kinds: ['enum'] }],
};

export const PERSON_RULES: readonly ItemRule<Person>[] = [
  ...EPPN_RULES,
  emailRequiredForStaff,
  emailTypeUnsupported,
  externalIdentifiersAtMostOne,
  externalIdentifierContext,
  externalIdentifiersStaffOnly,
  securityMarkingEnum,
];
