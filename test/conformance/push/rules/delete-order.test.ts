// PUSH-ORDER-001 covers deletes: an object is deleted only after what named it was deleted or updated.
import { describe, expect, it } from 'vitest';
import { ORDER_DEPENDENCIES_SETTLED } from '../../../../src/conformance/push/rules/order-rules.js';
import { A1, D1, evidence, G1, P1, P2, run, SMALL, sets, submitted } from '../evidence-builder.js';
import { findings, skipReason } from './judge.js';

// Run 2 drops the teacher P2 (and so its duty D1, and the activity's teacher) and the group G1 (and activity A1).
const after = sets({ persons: [SMALL.persons[0] as never], duties: [], groups: [], activities: [] });
const runs = [run(0, 0, 10_000, 0), run(1, 20_000, 40_000, 1)];
const deleteJob = (
  resource: 'persons' | 'duties' | 'groups' | 'activities',
  at: number,
  ids: string[],
  settleAfter = 100,
) =>
  submitted(
    resource,
    at,
    ids.map((id) => [id, 'Success'] as [string, 'Success']),
    { operation: 'delete', settleAfter },
  ).job;

describe('PUSH-ORDER-001 deletes', () => {
  it('passes deletes in reverse order, each after the one before settled', () => {
    const jobs = [
      deleteJob('activities', 21_000, [A1]),
      deleteJob('groups', 22_000, [G1]),
      deleteJob('duties', 23_000, [D1]),
      deleteJob('persons', 24_000, [P2]),
    ];
    expect(findings(ORDER_DEPENDENCIES_SETTLED, evidence({ runs, datasets: [SMALL, after], jobs }))).toEqual(
      [],
    );
  });

  it('fails a person deleted while the delete of its duty is still pending', () => {
    const jobs = [
      deleteJob('activities', 21_000, [A1]),
      deleteJob('groups', 22_000, [G1]),
      deleteJob('duties', 23_000, [D1], 2_000),
      deleteJob('persons', 23_100, [P2]),
    ];
    expect(
      findings(ORDER_DEPENDENCIES_SETTLED, evidence({ runs, datasets: [SMALL, after], jobs })).map(
        (f) => f.message,
      ),
    ).toEqual([
      `persons delete job job-persons-23100 carried 1 item(s) sent before 1 object(s) naming them had been ` +
        `deleted or updated (e.g. duties ${D1}).`,
    ]);
  });

  it('is skipped when nothing named anything and nothing was deleted', () => {
    const jobs = [submitted('persons', 100, [[P1, 'Success']]).job];
    expect(skipReason(ORDER_DEPENDENCIES_SETTLED, evidence({ jobs }))).toMatch(/deleted nothing/);
  });
});
