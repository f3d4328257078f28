// takeTurns: scenario set-ups run one at a time, in the order handed in, and a failure does not block the next.
import { describe, expect, it } from 'vitest';
import { takeTurns } from '../../../../src/conformance/push/runner/take-turns.js';

const ticks = () => new Promise((resolve) => setImmediate(resolve));

describe('takeTurns', () => {
  it('starts each piece of work once the one before has settled, failed or not', async () => {
    const setUp = takeTurns();
    const events: string[] = [];
    const work =
      (name: string, fail = false) =>
      async () => {
        events.push(`start ${name}`);
        await ticks();
        events.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      };
    const outcomes = await Promise.allSettled([setUp(work('a')), setUp(work('b', true)), setUp(work('c'))]);
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(outcomes[2]).toEqual({ status: 'fulfilled', value: 'c' });
  });
});
