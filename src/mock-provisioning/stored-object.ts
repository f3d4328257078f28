// One accepted object in the store, and how it is rendered on the wire (meta, provisioningStatus, person summary).
import type { ResourceName } from '../model/resource.js';
import { formatTime } from './format-time.js';

/** A JSON object as the client sent it (the model's accepted form). */
export type JsonObject = Record<string, unknown>;

export interface StoredObject {
  /** Store-wide insertion sequence: lists are ordered by it. */
  readonly seq: number;
  /** Lower-case UUID. */
  readonly id: string;
  /** The item as accepted, without `meta` and `provisioningStatus` (those are the service's). */
  body: JsonObject;
  createdMs: number;
  modifiedMs: number;
  /** When the simulated onward transfer to the test platform has run (clock ms). */
  transferDueMs: number;
}

/** The facts `provisioningStatus` depends on besides the transfer having run. */
export interface RenderFacts {
  nowMs: number;
  /** A person with a duty; a group named by an activity (see `ProvisioningStore.isInUse`). */
  inUse: boolean;
}

/**
 * Whether the object exists in the test platform (spec: `provisioningStatus` of each schema):
 * a person needs an enrolment or a duty; a teaching group (`Undervisning`) needs an activity.
 */
export function provisioningStatusOf(
  resource: ResourceName,
  object: StoredObject,
  facts: RenderFacts,
): boolean {
  if (facts.nowMs < object.transferDueMs) return false;
  if (resource === 'persons') {
    const enrolments = object.body.enrolments;
    const enrolled = Array.isArray(enrolments) && enrolments.some((e) => isObject(e) && e.cancelled !== true);
    return enrolled || facts.inUse;
  }
  if (resource === 'groups') return object.body.groupType !== 'Undervisning' || facts.inUse;
  return true;
}

/** The full object as `GET /R/{id}` and lookups return it. */
export function renderObject(resource: ResourceName, object: StoredObject, facts: RenderFacts): JsonObject {
  return {
    id: object.id,
    meta: renderMeta(object),
    ...withoutId(object.body),
    provisioningStatus: provisioningStatusOf(resource, object, facts),
  };
}

/** Fields of a person in `GET /persons` (spec: "id, civicNo, eduPersonPrincipalNames, givenName, middleName, familyName, provisioningStatus och meta"). */
export const PERSON_SUMMARY_FIELDS = [
  'civicNo',
  'eduPersonPrincipalNames',
  'givenName',
  'middleName',
  'familyName',
] as const;

/** An object as `GET /R` lists it: persons reduced to the summary fields. */
export function renderListItem(resource: ResourceName, object: StoredObject, facts: RenderFacts): JsonObject {
  if (resource !== 'persons') return renderObject(resource, object, facts);
  const summary: JsonObject = { id: object.id, meta: renderMeta(object) };
  for (const field of PERSON_SUMMARY_FIELDS) {
    if (object.body[field] !== undefined) summary[field] = object.body[field];
  }
  summary.provisioningStatus = provisioningStatusOf(resource, object, facts);
  return summary;
}

export function renderMeta(object: StoredObject): { created: string; modified: string } {
  return { created: formatTime(object.createdMs), modified: formatTime(object.modifiedMs) };
}

function withoutId(body: JsonObject): JsonObject {
  const { id: _id, meta: _meta, provisioningStatus: _status, ...rest } = body;
  return rest;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
