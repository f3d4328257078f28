// A scenario's change step: picks spread over the whole list (later pages too), removes activities, keeps references whole.
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/conformance/push/evidence/evidence.js';
import { applyChange } from '../../../src/conformance/push/runner/dataset-change.js';
import { activity, group, person, sets } from './evidence-builder.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const pupil = (n: number): JsonObject => ({ ...person(id(n)), enrolments: [{ schoolUnit: { id: 'x' } }] });

describe('applyChange', () => {
  it('removes pupils spread from the first to the last, not only the first ones', () => {
    const persons = Array.from({ length: 10 }, (_, i) => pupil(i));
    const next = applyChange(sets({ persons }), { removePupils: 3 });
    const gone = persons.map((p) => p.id).filter((pid) => !next.persons.some((q) => q.id === pid));
    expect(gone).toEqual([id(0), id(5), id(9)]);
  });

  it('removes activities, after which the groups they named may go too', () => {
    const g1 = id(101);
    const g2 = id(102);
    const start = sets({
      persons: [pupil(1)],
      groups: [group(g1, [id(1)]), group(g2, [id(1)])],
      activities: [activity(id(201), [g1], []), activity(id(202), [g2], [])],
    });
    const next = applyChange(start, { removeActivities: 1, removeGroups: 1 });
    expect(next.activities.map((a) => a.id)).toEqual([id(201)]);
    expect(next.groups.map((g) => g.id)).toEqual([g1]);
  });

  it('never picks what it must avoid', () => {
    const persons = Array.from({ length: 4 }, (_, i) => pupil(i));
    const next = applyChange(sets({ persons }), { removePupils: 1 }, new Set([id(3)]));
    expect(next.persons.map((p) => p.id)).toEqual([id(0), id(1), id(3)]);
  });
});
