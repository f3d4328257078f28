// Generates activities (Undervisning): each links one teaching group, its teachers' duties and its exam activity.
import type { Activity, Duty } from '../model/index.js';
import type { GenerationState } from './generation-state.js';
import type { TeachingGroup } from './groups.js';

/** Share of activities taught by two teachers. */
export const CO_TEACHING_SHARE = 0.15;

/**
 * One activity per teaching group. Teachers are dealt round-robin from the unit's teaching duties (from a
 * random start), so the load spreads evenly; a unit without teachers gets activities without `teachers`.
 */
export function createActivities(
  state: GenerationState,
  teaching: readonly TeachingGroup[],
  teachersByUnit: ReadonlyMap<string, readonly Duty[]>,
): Activity[] {
  const random = state.random.groups;
  const next = new Map<string, number>();
  const deal = (unitId: string): Duty | undefined => {
    const pool = teachersByUnit.get(unitId);
    if (!pool || pool.length === 0) return undefined;
    const at = next.get(unitId) ?? random.int(pool.length);
    next.set(unitId, (at + 1) % pool.length);
    return pool[at];
  };
  return teaching.map(({ group, slot, exam }) => {
    const unitId = slot.unit.id;
    const teachers: Duty[] = [];
    const first = deal(unitId);
    if (first) teachers.push(first);
    if (first && random.chance(CO_TEACHING_SHARE)) {
      const second = deal(unitId);
      if (second && second !== first) teachers.push(second);
    }
    return {
      id: state.ids.uuid(),
      displayName: group.displayName,
      activityType: 'Undervisning',
      groups: [{ id: group.id }],
      ...(teachers.length > 0 ? { teachers: teachers.map((duty) => ({ duty: { id: duty.id } })) } : {}),
      organisation: { id: unitId },
      parentActivity: { id: exam.id },
    };
  });
}
