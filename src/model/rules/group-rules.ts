// Rules on a Group: type, school type, school unit and members (tag "Group", 1.3.2 missing-member warning).
import { type ItemRule, reportFinding } from '../rule.js';
import { ALLOWED_GROUP_TYPES } from '../schemas/enums.js';
import type { Group } from '../schemas/group.js';
import { isSchoolTypeOffered, schoolUnitRules } from './school-unit-reference.js';

const SOURCE = 'spec tag Group; schema Group; dnp-facts §3';

export const groupTypeNotAllowed: ItemRule<Group> = {
  code: 3150,
  name: 'group.group-type.not-allowed',
  resource: 'groups',
  severity: 'Error',
  statusCode: 400,
  messageType: 'Ogiltigt värde',
  message: 'Ogiltigt värde på <{attribute}>. Det ska skickas enbart grupper av typen Klass och Undervisning.',
  attributeName: 'groupType',
  source: `${SOURCE}; Code_GroupType`,
  schemaIssues: [{ path: 'groupType', kinds: ['enum'] }],
  check: (group) =>
    ALLOWED_GROUP_TYPES.includes(group.groupType)
      ? []
      : [reportFinding(groupTypeNotAllowed, { attributeValue: group.groupType })],
};

export const groupSchoolTypeEnum: ItemRule<Group> = {
  code: 3151,
  name: 'group.school-type.enum',
  resource: 'groups',
  severity: 'Error',
  statusCode: 400,
  messageType: 'Ogiltigt värde',
  message: 'Ogiltigt värde på <{attribute}>. Tillåtna värden är GR, SP, SAM, GY och VUXGY.',
  attributeName: 'schoolType',
  source: `${SOURCE}; Code_SchoolType`,
  schemaIssues: [{ path: 'schoolType', kinds: ['enum'] }],
};

export const [groupOrganisationUnknown, groupOrganisationOtherOrganisation] = schoolUnitRules<Group>({
  codes: { unknown: 3152, otherOrganisation: 3153 },
  prefix: 'group.organisation',
  resource: 'groups',
  attributeName: 'organisation.id',
  source: `${SOURCE}; OrganisationReference ("ska vara ett UUID-värde som är genererat av Skolverket")`,
  refs: (group) => [{ id: group.organisation.id, attributeName: 'organisation.id' }],
});

export const groupSchoolTypeNotOffered: ItemRule<Group> = {
  code: 3154,
  name: 'group.school-type.not-offered',
  resource: 'groups',
  severity: 'Warning',
  statusCode: 400,
  messageType: 'Bristfälligt värde',
  message: 'Skolenheten har inte skolformen {value} enligt provtjänstens öppna data.',
  attributeName: 'schoolType',
  source: 'open-data API schoolUnits (school types); dnp-facts §2',
  interpretation:
    'Skolverket publishes no such rule; the mock warns when open data says the unit does not run the school type.',
  check: (group, ctx) =>
    isSchoolTypeOffered(group.organisation.id, group.schoolType, ctx)
      ? []
      : [reportFinding(groupSchoolTypeNotOffered, { attributeValue: group.schoolType })],
};

export const groupMemberNotFound: ItemRule<Group> = {
  code: 3155,
  name: 'group.member.not-found',
  resource: 'groups',
  severity: 'Warning',
  statusCode: 404,
  messageType: 'Ogiltigt värde',
  message:
    'Person identifierats av angivet värde i <{attribute}> hittades inte. Gruppen har sparats utan personen. Överför elevuppgifterna och skicka sedan gruppen igen.',
  attributeName: 'groupMemberships[].person.id',
  source:
    'spec version history 1.3.2 ("Elevgrupper kan nu skapas även om några av eleverna inte finns"); dnp-facts §3',
  interpretation:
    'One Warning per missing member, naming its id; the group itself is accepted (status Warning).',
  check: (group, ctx) =>
    (group.groupMemberships ?? []).flatMap((membership, i) => {
      const id = membership.person?.id;
      return id === undefined || ctx.person(id)
        ? []
        : [
            reportFinding(groupMemberNotFound, {
              attributeName: `groupMemberships[${i}].person.id`,
              attributeValue: id,
            }),
          ];
    }),
};

export const GROUP_RULES: readonly ItemRule<Group>[] = [
  groupTypeNotAllowed,
  groupSchoolTypeEnum,
  groupOrganisationUnknown,
  groupOrganisationOtherOrganisation,
  groupSchoolTypeNotOffered,
  groupMemberNotFound,
];
