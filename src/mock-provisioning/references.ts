// Which stored objects an object refers to: a duty to its person, a group to its members, an activity to groups and duties.
import type { ResourceName } from '../model/resource.js';
import { isObject, type JsonObject } from './stored-object.js';

/** A reference to another object of the same organisation. */
export interface ObjectKey {
  resource: ResourceName;
  id: string;
}

function refId(value: unknown): string | undefined {
  return isObject(value) && typeof value.id === 'string' ? value.id.toLowerCase() : undefined;
}

/** The objects `body` (of `resource`) points at, de-duplicated. School units and exam activities are open data, not here. */
export function referencesOf(resource: ResourceName, body: JsonObject): ObjectKey[] {
  const out: ObjectKey[] = [];
  const push = (target: ResourceName, id: string | undefined) => {
    if (id && !out.some((k) => k.resource === target && k.id === id)) out.push({ resource: target, id });
  };
  if (resource === 'duties') push('persons', refId(body.person));
  if (resource === 'groups' && Array.isArray(body.groupMemberships)) {
    for (const membership of body.groupMemberships)
      push('persons', isObject(membership) ? refId(membership.person) : undefined);
  }
  if (resource === 'activities') {
    if (Array.isArray(body.groups)) for (const group of body.groups) push('groups', refId(group));
    if (Array.isArray(body.teachers)) {
      for (const teacher of body.teachers)
        push('duties', isObject(teacher) ? refId(teacher.duty) : undefined);
    }
  }
  return out;
}

/**
 * `body` without its references to `target` (the cascade of a delete): a group loses the membership,
 * an activity the group or teacher. A duty cannot lose its person; it is deleted instead (undefined).
 */
export function withoutReference(
  resource: ResourceName,
  body: JsonObject,
  target: ObjectKey,
): JsonObject | undefined {
  const points = (value: unknown) => refId(value) === target.id;
  if (resource === 'duties') return undefined;
  if (resource === 'groups' && Array.isArray(body.groupMemberships)) {
    return {
      ...body,
      groupMemberships: body.groupMemberships.filter((m) => !(isObject(m) && points(m.person))),
    };
  }
  if (resource === 'activities') {
    const next: JsonObject = { ...body };
    if (target.resource === 'groups' && Array.isArray(body.groups))
      next.groups = body.groups.filter((g) => !points(g));
    if (target.resource === 'duties' && Array.isArray(body.teachers)) {
      next.teachers = body.teachers.filter((t) => !(isObject(t) && points(t.duty)));
    }
    return next;
  }
  return body;
}
