// Rules on a Duty: its person (exists, has e-mail, EPPN not a pupil's), its school unit and its role (tag "Duty").
import { type ItemRule, reportFinding } from '../rule.js';
import type { Duty } from '../schemas/duty.js';
import { schoolUnitRules } from './school-unit-reference.js';

const SOURCE = 'spec tag Duty; schema Duty; dnp-facts §3';

export const dutyPersonNotFound: ItemRule<Duty> = {
  code: 3140,
  name: 'duty.person.not-found',
  resource: 'duties',
  severity: 'Error',
  statusCode: 404,
  messageType: 'Ogiltigt värde',
  message:
    'Person identifierats av angivet värde i <{attribute}> hittades inte. Personen ska överföras innan tjänstgöringen.',
  attributeName: 'person.id',
  source: `${SOURCE}; README order Persons → Duties → Groups → Activities`,
  check: (duty, ctx) =>
    ctx.person(duty.person.id) ? [] : [reportFinding(dutyPersonNotFound, { attributeValue: duty.person.id })],
};

export const dutyPersonEmailMissing: ItemRule<Duty> = {
  code: 3141,
  name: 'duty.person.email-missing',
  resource: 'duties',
  severity: 'Error',
  statusCode: 400,
  messageType: 'Ogiltigt värde',
  message: 'E-postadress är obligatoriskt för skolpersonal. Personen <{value}> saknar e-postadress.',
  attributeName: 'person.id',
  source: 'spec tag Person ("E-postadress är obligatoriskt för skolpersonal"); dnp-facts §3',
  interpretation:
    'A person becomes staff when a duty names it, so the e-mail requirement is checked here, against the stored person.',
  check: (duty, ctx) => {
    const person = ctx.person(duty.person.id);
    return person && (person.emails?.length ?? 0) === 0
      ? [reportFinding(dutyPersonEmailMissing, { attributeValue: duty.person.id })]
      : [];
  },
};

export const dutyPersonEppnSharedWithPupil: ItemRule<Duty> = {
  code: 3142,
  name: 'duty.person.eppn-shared-with-pupil',
  resource: 'duties',
  severity: 'Error',
  statusCode: 409,
  messageType: 'Ogiltigt värde',
  message:
    'Personen <{value}> har samma federationsanvändarnamn som en elev. För närvarande ska det skickas olika eduPersonPrincipalName för rollen elev och personal.',
  attributeName: 'person.id',
  source: 'spec tag Person ("olika eduPersonPrincipalName för rollen elev och personal"); dnp-facts §3',
  interpretation:
    'The staff side of person.eppn.shared-between-roles: a duty makes its person staff, so it is refused when that person is itself a pupil (has enrolments) or another person holds its EPPN as pupil.',
  check: (duty, ctx) => {
    const person = ctx.person(duty.person.id);
    if (!person) return [];
    const isPupil = (person.enrolments?.length ?? 0) > 0;
    const clash = person.eduPersonPrincipalNames.some((eppn) => {
      const owner = ctx.pupilEppnOwner(eppn);
      return owner !== undefined && owner !== person.id;
    });
    return isPupil || clash
      ? [reportFinding(dutyPersonEppnSharedWithPupil, { attributeValue: duty.person.id })]
      : [];
  },
};

export const [dutyAtUnknown, dutyAtOtherOrganisation] = schoolUnitRules<Duty>({
  codes: { unknown: 3143, otherOrganisation: 3144 },
  prefix: 'duty.duty-at',
  resource: 'duties',
  attributeName: 'dutyAt.id',
  source:
    'spec tag Duty ("dutyAt.id … ska vara ett UUID-värde som är genererat av Skolverket"); dnp-facts §3',
  refs: (duty) => [{ id: duty.dutyAt.id, attributeName: 'dutyAt.id' }],
});

export const dutyRoleEnum: ItemRule<Duty> = {
  code: 3145,
  name: 'duty.duty-role.enum',
  resource: 'duties',
  severity: 'Error',
  statusCode: 400,
  messageType: 'Ogiltigt värde',
  message:
    'Ogiltigt värde på <{attribute}>. Värdet ska finnas i värdeförrådet Code_DutyRole, se https://api.skolverket.se/vocab/common-terms/code-duty-role.',
  attributeName: 'dutyRole',
  source: `${SOURCE}; Code_DutyRole (17 values)`,
  schemaIssues: [{ path: 'dutyRole', kinds: ['enum'] }],
};

export const DUTY_RULES: readonly ItemRule<Duty>[] = [
  dutyPersonNotFound,
  dutyPersonEmailMissing,
  dutyPersonEppnSharedWithPupil,
  dutyAtUnknown,
  dutyAtOtherOrganisation,
  dutyRoleEnum,
];
