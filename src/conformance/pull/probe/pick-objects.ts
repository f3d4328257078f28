// Picks, deterministically, the objects a change touches, from what the scenario fetched.
import type { Ss12000ResourceType } from '../../../mock-ss12000-client/index.js';
import type { ChangeKind, JsonObject } from '../evidence/pull-evidence.js';
import { idOf } from '../evidence/pull-views.js';

export const CHANGE_RESOURCE: Readonly<Record<ChangeKind, Ss12000ResourceType>> = {
  'person-update': 'Person',
  'person-delete': 'Person',
  'person-bulk-update': 'Person',
  'group-update': 'Group',
};

function isPupil(person: JsonObject): boolean {
  return Array.isArray(person.enrolments) && person.enrolments.length > 0;
}

/** `Person 3f2… (Alva Lind)`, for a person at the keyboard. */
export function labelOf(resource: Ss12000ResourceType, object: JsonObject): string {
  const name =
    typeof object.displayName === 'string'
      ? object.displayName
      : [object.givenName, object.familyName].filter((v) => typeof v === 'string').join(' ');
  return `${resource} ${String(object.id)}${name ? ` (${name})` : ''}`;
}

/**
 * Changes touch pupils (persons with enrolments) and groups, in id order, never one an earlier change of the
 * scenario touched: updates take the first ones, a deletion the last, so repeated runs against a long-lived
 * API change the same few objects and delete from the end.
 */
export function pickObjects(
  kind: ChangeKind,
  objects: readonly JsonObject[],
  touched: ReadonlySet<string>,
  count: number,
): JsonObject[] {
  const candidates = objects
    .filter((o) => {
      const id = idOf(o);
      return id !== undefined && !touched.has(id) && (CHANGE_RESOURCE[kind] !== 'Person' || isPupil(o));
    })
    .sort((a, b) => (idOf(a) as string).localeCompare(idOf(b) as string));
  if (kind === 'person-delete') return candidates.slice(-1);
  return candidates.slice(0, kind === 'person-bulk-update' ? count : 1);
}
