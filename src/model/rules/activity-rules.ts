// Rules on an Activity: type, groups, teachers, school unit and exam activity (tag "Activity", dnp-facts §3).
import { type ItemRule, reportFinding } from '../rule.js';
import type { Activity } from '../schemas/activity.js';
import { ALLOWED_ACTIVITY_TYPES } from '../schemas/enums.js';
import { schoolUnitRules } from './school-unit-reference.js';

const SOURCE = 'spec tag Activity; schema Activity; dnp-facts §3';

export const activityTypeNotAllowed: ItemRule<Activity> = {
  code: 3160,
  name: 'activity.activity-type.not-allowed',
  resource: 'activities',
  severity: 'Error',
  statusCode: 400,
  messageType: 'Ogiltigt värde',
  message: 'Ogiltigt värde på <{attribute}>. Det ska skickas enbart aktiviteter av typen Undervisning.',
  attributeName: 'activityType',
  source: `${SOURCE}; Code_ActivityType`,
  schemaIssues: [{ path: 'activityType', kinds: ['enum'] }],
  check: (activity) =>
    ALLOWED_ACTIVITY_TYPES.includes(activity.activityType)
      ? []
      : [reportFinding(activityTypeNotAllowed, { attributeValue: activity.activityType })],
};

export const activityGroupsAtLeastOne: ItemRule<Activity> = {
  code: 3161,
  name: 'activity.groups.at-least-one',
  resource: 'activities',
  severity: 'Error',
  statusCode: 400,
  messageType: 'Ogiltigt värde',
  message: '<{attribute}> ska innehålla minst en grupp.',
  attributeName: 'groups',
  source: `${SOURCE}; Activity.groups minItems 1`,
  schemaIssues: [{ path: 'groups', kinds: ['range', 'required'] }],
};

export const activityGroupNotFound: ItemRule<Activity> = {
  code: 3162,
  name: 'activity.group.not-found',
  resource: 'activities',
  severity: 'Error',
  statusCode: 404,
  messageType: 'Ogiltigt värde',
  message:
    'Grupp identifierats av angivet värde i <{attribute}> hittades inte. Gruppen ska överföras innan aktiviteten.',
  attributeName: 'groups[].id',
  source: `${SOURCE}; README order Persons → Duties → Groups → Activities`,
  check: (activity, ctx) =>
    activity.groups.flatMap((group, i) =>
      ctx.group(group.id)
        ? []
        : [
            reportFinding(activityGroupNotFound, {
              attributeName: `groups[${i}].id`,
              attributeValue: group.id,
            }),
          ],
    ),
};

export const activityTeacherDutyNotFound: ItemRule<Activity> = {
  code: 3163,
  name: 'activity.teacher.duty-not-found',
  resource: 'activities',
  severity: 'Error',
  statusCode: 404,
  messageType: 'Ogiltigt värde',
  message:
    'Tjänstgöring identifierats av angivet värde i <{attribute}> hittades inte. Tjänstgöringen ska överföras innan aktiviteten.',
  attributeName: 'teachers[].duty.id',
  source: `${SOURCE}; README order Persons → Duties → Groups → Activities`,
  interpretation: 'A teacher entry without `duty` (optional in 1.3.2) names nothing and is not checked.',
  check: (activity, ctx) =>
    (activity.teachers ?? []).flatMap((teacher, i) => {
      const id = teacher.duty?.id;
      return id === undefined || ctx.duty(id)
        ? []
        : [
            reportFinding(activityTeacherDutyNotFound, {
              attributeName: `teachers[${i}].duty.id`,
              attributeValue: id,
            }),
          ];
    }),
};

export const [activityOrganisationUnknown, activityOrganisationOtherOrganisation] = schoolUnitRules<Activity>(
  {
    codes: { unknown: 3164, otherOrganisation: 3165 },
    prefix: 'activity.organisation',
    resource: 'activities',
    attributeName: 'organisation.id',
    source: `${SOURCE}; OrganisationReference ("ska vara ett UUID-värde som är genererat av Skolverket")`,
    refs: (activity) => [{ id: activity.organisation.id, attributeName: 'organisation.id' }],
  },
);

export const parentActivityUnknown: ItemRule<Activity> = {
  code: 3166,
  name: 'activity.parent-activity.unknown',
  resource: 'activities',
  severity: 'Error',
  statusCode: 400,
  messageType: 'Ogiltigt värde',
  message:
    'Provaktiviteten <{value}> i <{attribute}> finns inte. Värdet ska vara ett UUID-värde som är genererat av Skolverket och kan hämtas via provtjänstens open-data API.',
  attributeName: 'parentActivity.id',
  source: `${SOURCE}; Activity.parentActivity description`,
  check: (activity, ctx) =>
    ctx.examActivity(activity.parentActivity.id)
      ? []
      : [reportFinding(parentActivityUnknown, { attributeValue: activity.parentActivity.id })],
};

export const ACTIVITY_RULES: readonly ItemRule<Activity>[] = [
  activityTypeNotAllowed,
  activityGroupsAtLeastOne,
  activityGroupNotFound,
  activityTeacherDutyNotFound,
  activityOrganisationUnknown,
  activityOrganisationOtherOrganisation,
  parentActivityUnknown,
];
