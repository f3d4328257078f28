// Item-level problems the API itself finds (not data rules): unknown id, already exists, still referenced, duplicate, temporary.
import { compactLogEntry, type LogEntry } from '../model/log-entry.js';
import { RESOURCE_TYPES, type ResourceName } from '../model/resource.js';
import { formatTime } from './format-time.js';
import type { ObjectKey } from './references.js';

/**
 * Codes for item problems the API owns. 4001 and 5022 are Skolverket's; 4009, 4010 and 4011 are the mock's
 * (Skolverket publishes no id for them; see docs/provisioning.md).
 */
export const ITEM_PROBLEM_CODES = {
  notFound: { id: '4001', statusCode: 404, messageType: 'Ogiltigt värde' },
  alreadyExists: { id: '4009', statusCode: 409, messageType: 'Konflikt' },
  stillReferenced: { id: '4010', statusCode: 409, messageType: 'Konflikt' },
  duplicateInCall: { id: '4011', statusCode: 400, messageType: 'Ogiltigt värde' },
  temporary: { id: '5022', statusCode: 503, messageType: 'Teknisk begränsning' },
} as const;

export type ItemProblem = keyof typeof ITEM_PROBLEM_CODES;

const ATTRIBUTE_OF_REFERENCE: Record<string, string> = {
  'duties>persons': 'Duty.person.id',
  'groups>persons': 'Group.groupMemberships.person.id',
  'activities>groups': 'Activity.groups.id',
  'activities>duties': 'Activity.teachers.duty.id',
};

function entry(
  problem: ItemProblem,
  message: string,
  fields: {
    resourceType: LogEntry['resourceType'];
    resourceId: string;
    attributeName?: string;
    attributeValue?: string;
  },
  nowMs: number,
): LogEntry {
  const code = ITEM_PROBLEM_CODES[problem];
  return compactLogEntry({
    id: code.id,
    statusCode: code.statusCode,
    messageType: code.messageType,
    message,
    parameterName: undefined,
    parameterValue: undefined,
    resourceType: fields.resourceType,
    resourceId: fields.resourceId,
    attributeName: fields.attributeName,
    attributeValue: fields.attributeValue,
    severityLevel: 'Error',
    timeOfOccurance: formatTime(nowMs),
  });
}

/** Update or delete of an id the organisation does not have. */
export function notFoundEntry(resource: ResourceName, id: string, nowMs: number): LogEntry {
  const type = RESOURCE_TYPES[resource];
  return entry(
    'notFound',
    `${type} identifierats av angivet värden i <id> hittades inte.`,
    { resourceType: type, resourceId: id, attributeName: 'id', attributeValue: id },
    nowMs,
  );
}

/** Create of an id that exists, without `updateIfExists=true`. */
export function alreadyExistsEntry(resource: ResourceName, id: string, nowMs: number): LogEntry {
  const type = RESOURCE_TYPES[resource];
  return entry(
    'alreadyExists',
    `${type} med angivet <id> finns redan. Använd PUT eller updateIfExists=true för att uppdatera.`,
    { resourceType: type, resourceId: id, attributeName: 'id', attributeValue: id },
    nowMs,
  );
}

/**
 * One entry per object that still refers to the object being deleted: the entry is about the deleted item
 * (`resourceId`), and `attributeName`/`attributeValue` name the referring attribute and object.
 */
export function stillReferencedEntries(
  resource: ResourceName,
  id: string,
  referrers: ObjectKey[],
  nowMs: number,
): LogEntry[] {
  const type = RESOURCE_TYPES[resource];
  return referrers.map((referrer) =>
    entry(
      'stillReferenced',
      `${type} <${id}> kan inte tas bort: ${RESOURCE_TYPES[referrer.resource]} <${referrer.id}> refererar till den. Ta bort eller uppdatera den först.`,
      {
        resourceType: type,
        resourceId: id,
        attributeName:
          ATTRIBUTE_OF_REFERENCE[`${referrer.resource}>${resource}`] ??
          `${RESOURCE_TYPES[referrer.resource]}.id`,
        attributeValue: referrer.id,
      },
      nowMs,
    ),
  );
}

/** A later item with the id of an earlier item of the same call. */
export function duplicateEntry(resource: ResourceName, id: string, nowMs: number): LogEntry {
  const type = RESOURCE_TYPES[resource];
  return entry(
    'duplicateInCall',
    `${type} med <id> ${id} förekommer flera gånger i samma anrop. Endast den första behandlades.`,
    { resourceType: type, resourceId: id, attributeName: 'id', attributeValue: id },
    nowMs,
  );
}

/** An injected TemporaryError: nothing was stored, try again later. */
export function temporaryEntry(resource: ResourceName, id: string, nowMs: number): LogEntry {
  const type = RESOURCE_TYPES[resource];
  return entry(
    'temporary',
    'Tjänsten är inte tillgänglig. Försök igen senare.',
    { resourceType: type, resourceId: id },
    nowMs,
  );
}
