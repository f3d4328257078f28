// Applies a scenario's `change` step to a dataset: removes pupils, staff, activities or groups, modifies persons; keeps references whole.

import type { DatasetChange } from '../../scenario/scenario-schema.js';
import { objectId } from '../evidence/dataset-view.js';
import type { JsonObject, ResourceSets } from '../evidence/evidence.js';

function isPupil(person: JsonObject): boolean {
  return Array.isArray(person.enrolments) && person.enrolments.length > 0;
}

function refId(value: unknown): string | undefined {
  const id = (value as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id.toLowerCase() : undefined;
}

/**
 * `count` items matching `pick` and not in `avoid`, spread evenly from the first to the last (deterministic):
 * objects the client stored late (on later pages of a list) are removed too, not only the first ones.
 */
function spreadMatching(
  list: readonly JsonObject[],
  count: number,
  pick: (o: JsonObject) => boolean,
  avoid: ReadonlySet<string>,
): Set<string> {
  const ids = list
    .map((o) => ({ o, id: objectId(o) }))
    .filter(({ o, id }) => id !== undefined && !avoid.has(id) && pick(o))
    .map(({ id }) => id as string);
  if (count >= ids.length) return new Set(ids);
  if (count <= 0) return new Set();
  if (count === 1) return new Set([ids[ids.length - 1] as string]);
  const step = (ids.length - 1) / (count - 1);
  return new Set(Array.from({ length: count }, (_, i) => ids[Math.round(i * step)] as string));
}

/** Drops persons and everything that would dangle without them. */
function removePersons(sets: ResourceSets, gone: Set<string>): ResourceSets {
  const duties = sets.duties.filter((d) => !gone.has(refId(d.person) ?? ''));
  const goneDuties = new Set(sets.duties.filter((d) => !duties.includes(d)).map((d) => objectId(d) ?? ''));
  return {
    persons: sets.persons.filter((p) => !gone.has(objectId(p) ?? '')),
    duties,
    groups: sets.groups.map((g) => {
      const members = g.groupMemberships;
      if (!Array.isArray(members)) return g;
      const kept = members.filter((m) => !gone.has(refId((m as { person?: unknown }).person) ?? ''));
      return kept.length === members.length ? g : { ...g, groupMemberships: kept };
    }),
    activities: sets.activities.map((a) => {
      const teachers = a.teachers;
      if (!Array.isArray(teachers)) return a;
      const kept = teachers.filter((t) => !goneDuties.has(refId((t as { duty?: unknown }).duty) ?? ''));
      return kept.length === teachers.length ? a : { ...a, teachers: kept };
    }),
  };
}

const MIDDLE_NAMES = ['Kim', 'Alex'];

/**
 * A new dataset with the change applied; the input is not touched. Objects in `avoid` (the dataset's
 * deliberate defects and what they lean on) are never picked.
 * @example applyChange(dataset, { removePupils: 3, modifyPersons: 2 })
 */
export function applyChange(
  sets: ResourceSets,
  change: DatasetChange,
  avoid: ReadonlySet<string> = new Set(),
): ResourceSets {
  let next = sets;
  const pupils = spreadMatching(next.persons, change.removePupils ?? 0, isPupil, avoid);
  const staff = spreadMatching(next.persons, change.removeStaff ?? 0, (p) => !isPupil(p), avoid);
  if (pupils.size + staff.size > 0) next = removePersons(next, new Set([...pupils, ...staff]));
  if (change.removeActivities) {
    const gone = spreadMatching(next.activities, change.removeActivities, () => true, avoid);
    next = { ...next, activities: next.activities.filter((a) => !gone.has(objectId(a) ?? '')) };
  }
  if (change.removeGroups) {
    const named = new Set(
      next.activities.flatMap((a) => (Array.isArray(a.groups) ? a.groups.map(refId) : [])),
    );
    const gone = spreadMatching(next.groups, change.removeGroups, (g) => !named.has(objectId(g)), avoid);
    next = { ...next, groups: next.groups.filter((g) => !gone.has(objectId(g) ?? '')) };
  }
  if (change.modifyPersons) {
    const changed = spreadMatching(next.persons, change.modifyPersons, () => true, avoid);
    next = {
      ...next,
      persons: next.persons.map((p) => {
        if (!changed.has(objectId(p) ?? '')) return p;
        const middleName = p.middleName === MIDDLE_NAMES[0] ? MIDDLE_NAMES[1] : MIDDLE_NAMES[0];
        return { ...p, middleName };
      }),
    };
  }
  return next;
}
