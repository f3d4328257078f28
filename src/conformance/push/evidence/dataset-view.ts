// Facts about datasets that rules need: object ids per resource, dependencies between objects, canonical form.
import { RESOURCE_NAMES, type ResourceName } from '../../../model/resource.js';
import type { JsonObject, ResourceSets } from './evidence.js';

/** Lower-case id of an object, or undefined when it has none. */
export function objectId(object: JsonObject): string | undefined {
  return typeof object.id === 'string' ? object.id.toLowerCase() : undefined;
}

/** Ids of one resource in a set, lower-case. */
export function idsOf(sets: ResourceSets, resource: ResourceName): Set<string> {
  const ids = new Set<string>();
  for (const object of sets[resource]) {
    const id = objectId(object);
    if (id) ids.add(id);
  }
  return ids;
}

/** Every object id in the sets, with its resource. */
export function resourceOfIds(sets: ResourceSets): Map<string, ResourceName> {
  const map = new Map<string, ResourceName>();
  for (const resource of RESOURCE_NAMES) for (const id of idsOf(sets, resource)) map.set(id, resource);
  return map;
}

function refId(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'string' ? id.toLowerCase() : undefined;
}

function refsIn(list: unknown, pick: (item: Record<string, unknown>) => unknown): string[] {
  if (!Array.isArray(list)) return [];
  const ids: string[] = [];
  for (const item of list) {
    if (typeof item !== 'object' || item === null) continue;
    const id = refId(pick(item as Record<string, unknown>));
    if (id) ids.push(id);
  }
  return ids;
}

/**
 * The objects of the Provisioning API this object names, per the README's order diagram: a duty names its
 * person; a group its members; an activity its groups and its teachers' duties. (School units and exam
 * activities are open data, not sent, so they are not dependencies.)
 */
export function dependenciesOf(resource: ResourceName, object: JsonObject): string[] {
  switch (resource) {
    case 'duties': {
      const person = refId(object.person);
      return person ? [person] : [];
    }
    case 'groups':
      return refsIn(object.groupMemberships, (m) => m.person);
    case 'activities':
      return [...refsIn(object.groups, (g) => g), ...refsIn(object.teachers, (t) => t.duty)];
    default:
      return [];
  }
}

/** An object without the fields the service owns (`meta`, `provisioningStatus`), ids lower-cased, keys sorted. */
export function canonicalObject(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalObject);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    if (key === 'meta' || key === 'provisioningStatus') continue;
    const field = (value as Record<string, unknown>)[key];
    if (field === undefined) continue;
    out[key] = key === 'id' && typeof field === 'string' ? field.toLowerCase() : canonicalObject(field);
  }
  return out;
}

/** Field names (top level) whose canonical values differ between two objects. */
export function differingFields(expected: JsonObject, actual: JsonObject): string[] {
  const a = canonicalObject(expected) as Record<string, unknown>;
  const b = canonicalObject(actual) as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key])).sort();
}

/** True when two datasets hold the same objects (canonically). */
export function sameSets(a: ResourceSets, b: ResourceSets): boolean {
  return RESOURCE_NAMES.every(
    (r) =>
      JSON.stringify(sortById(a[r]).map(canonicalObject)) ===
      JSON.stringify(sortById(b[r]).map(canonicalObject)),
  );
}

function sortById(list: readonly JsonObject[]): JsonObject[] {
  return [...list].sort((x, y) => (objectId(x) ?? '').localeCompare(objectId(y) ?? ''));
}

/** Bytes of `{"data":[…]}` holding every object of the resource: what one unsplit bulk call would weigh. */
export function unsplitBodySize(sets: ResourceSets, resource: ResourceName): number {
  return Buffer.byteLength(JSON.stringify({ data: sets[resource] }));
}
