// Rules on a Person's eduPersonPrincipalNames: exactly one, local@domain, not name-based (3047), one per role.
import { type Finding, type ItemRule, reportFinding } from '../rule.js';
import { ruleSettings } from '../rule-context.js';
import type { Person } from '../schemas/person.js';
import { isNameBasedEppn } from './eppn-quality.js';

const TAG = 'spec tag Person; dnp-facts §3';

/** local@domain: no blanks or second '@' in the local part; a DNS-style domain with at least two labels. */
const EPPN_FORM = /^[^\s@]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+[\p{L}]{2,}$/u;

export const eppnExactlyOne: ItemRule<Person> = {
  code: 3110,
  name: 'person.eppn.exactly-one',
  resource: 'persons',
  severity: 'Error',
  statusCode: 400,
  messageType: 'Ogiltigt värde',
  message:
    'Exakt ett federationsanvändarnamn (eduPersonPrincipalName) ska skickas i <{attribute}>. För närvarande får listan inte innehålla mer än ett värde.',
  attributeName: 'eduPersonPrincipalNames',
  source: `${TAG}; Person.eduPersonPrincipalNames maxItems 1`,
  schemaIssues: [{ path: 'eduPersonPrincipalNames', kinds: ['range', 'required'] }],
  check: (person) =>
    person.eduPersonPrincipalNames.length === 0
      ? [reportFinding(eppnExactlyOne, { attributeValue: '[]' })]
      : [],
};

export const eppnFormat: ItemRule<Person> = {
  code: 3111,
  name: 'person.eppn.format',
  resource: 'persons',
  severity: 'Error',
  statusCode: 400,
  messageType: 'Ogiltigt format',
  message:
    'Ogiltigt format på federationsanvändarnamn <{value}>. Värdet ska bestå av en lokalt unik användaridentifierare, ett ’@’ och en domän, t.ex. fc79e369-18a3-40c4-aa33-d92057bfff65@edu.huvudman.se.',
  attributeName: 'eduPersonPrincipalNames[]',
  source: `${TAG}; Person.eduPersonPrincipalNames description`,
  interpretation: 'The domain must look like a DNS name with at least two labels (edu.huvudman.se).',
  check: (person) =>
    person.eduPersonPrincipalNames.flatMap((eppn, i) =>
      EPPN_FORM.test(eppn)
        ? []
        : [
            reportFinding(eppnFormat, {
              attributeName: `eduPersonPrincipalNames[${i}]`,
              attributeValue: eppn,
            }),
          ],
    ),
};

/** Warning 3047, text and attributeName (`eppn`) exactly as in the spec's 200_job_status example (its no-break space before the URL included). */
export const eppnQuality: ItemRule<Person> = {
  code: 3047,
  name: 'person.eppn.name-based',
  resource: 'persons',
  severity: 'Warning',
  statusCode: 400,
  messageType: 'Bristfälligt värde',
  message:
    'Bristfälligt värde på Federationsanvändarnamn, värdet innehåller de tre första bokstäverna i efternamnet, eller de två första bokstäverna i efternamnet och de två första bokstäverna i förnamnet. Uppdatera värdet så att det följer Skolverkets riktlinjer för EPPN, se\u00a0https://www.skolverket.se/skolutveckling/digitala-nationella-prov/overforing-av-uppgifter-till-skolverket/eppn.',
  attributeName: 'eppn',
  source: 'spec responses.200_job_status (warning 3047); dnp-facts §3',
  interpretation:
    '"Contains" is tested on the local part only, case-insensitively, with å/ä/ö also matching a/a/o and aa/ae/oe; the two-plus-two letters are adjacent, in either order; middleName counts as a family name (setting eppnQualityIncludesMiddleName); a family name under three letters skips the three-letter test.',
  check: (person, ctx) => {
    const familyNames = [person.familyName];
    if (person.middleName && ruleSettings(ctx).eppnQualityIncludesMiddleName)
      familyNames.push(person.middleName);
    return person.eduPersonPrincipalNames
      .filter(
        (eppn) => EPPN_FORM.test(eppn) && isNameBasedEppn(eppn, { givenName: person.givenName, familyNames }),
      )
      .map((eppn) => reportFinding(eppnQuality, { attributeValue: eppn }));
  },
};

export const eppnSharedBetweenRoles: ItemRule<Person> = {
  code: 3112,
  name: 'person.eppn.shared-between-roles',
  resource: 'persons',
  severity: 'Error',
  statusCode: 409,
  messageType: 'Ogiltigt värde',
  message:
    'Federationsanvändarnamnet <{value}> används för både elev och personal. För närvarande ska det skickas olika eduPersonPrincipalName för rollen elev och personal.',
  attributeName: 'eduPersonPrincipalNames[]',
  source: TAG,
  interpretation:
    'A pupil is a person with enrolments, staff a person with a duty (ctx.isStaff). Reported when this pupil holds an EPPN another person holds as staff, when this staff member holds one another person holds as pupil, and when one person is both pupil and staff (one EPPN for two roles).',
  check: (person, ctx) => {
    const pupil = (person.enrolments?.length ?? 0) > 0;
    const staff = ctx.isStaff(person.id);
    const findings: Finding[] = [];
    person.eduPersonPrincipalNames.forEach((eppn, i) => {
      const staffOwner = ctx.staffEppnOwner(eppn);
      const pupilOwner = ctx.pupilEppnOwner(eppn);
      const clash =
        (pupil && staff) ||
        (pupil && staffOwner !== undefined && staffOwner !== person.id) ||
        (staff && pupilOwner !== undefined && pupilOwner !== person.id);
      if (clash) {
        findings.push(
          reportFinding(eppnSharedBetweenRoles, {
            attributeName: `eduPersonPrincipalNames[${i}]`,
            attributeValue: eppn,
          }),
        );
      }
    });
    return findings;
  },
};

export const EPPN_RULES: readonly ItemRule<Person>[] = [
  eppnExactlyOne,
  eppnFormat,
  eppnQuality,
  eppnSharedBetweenRoles,
];
