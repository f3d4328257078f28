// runOrderedPool: at most N tasks at once, results handed on in task order, and --jobs 1 is a plain loop.
import { describe, expect, it } from 'vitest';
import { runOrderedPool } from '../../../../src/conformance/push/runner/ordered-pool.js';

/** A task that finishes only when the test says so. */
function gate() {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

const ticks = () => new Promise((resolve) => setImmediate(resolve));

describe('runOrderedPool', () => {
  it('delivers in task order when later tasks finish first, and never runs more than the limit', async () => {
    const gates = [gate(), gate(), gate(), gate()];
    const events: string[] = [];
    let running = 0;
    let most = 0;
    const pool = runOrderedPool({
      items: ['a', 'b', 'c', 'd'],
      concurrency: 2,
      run: async (item, index) => {
        running += 1;
        most = Math.max(most, running);
        events.push(`start ${item}`);
        await gates[index]?.opened;
        running -= 1;
        return item.toUpperCase();
      },
      deliver: (result, index) => {
        events.push(`deliver ${result}${index}`);
      },
    });
    await ticks();
    expect(events).toEqual(['start a', 'start b']);
    gates[1]?.open();
    await ticks();
    // b is done but waits for a; c took b's slot.
    expect(events).toEqual(['start a', 'start b', 'start c']);
    gates[2]?.open();
    await ticks();
    expect(events).toEqual(['start a', 'start b', 'start c', 'start d']);
    gates[0]?.open();
    await ticks();
    expect(events.slice(4)).toEqual(['deliver A0', 'deliver B1', 'deliver C2']);
    gates[3]?.open();
    await pool;
    expect(events.slice(7)).toEqual(['deliver D3']);
    expect(most).toBe(2);
  });

  it('with concurrency 1 runs, delivers, then starts the next', async () => {
    const events: string[] = [];
    await runOrderedPool({
      items: [1, 2, 3],
      concurrency: 1,
      run: async (item) => {
        events.push(`run ${item}`);
        await ticks();
        return item;
      },
      deliver: async (result) => {
        await ticks();
        events.push(`deliver ${result}`);
      },
    });
    expect(events).toEqual(['run 1', 'deliver 1', 'run 2', 'deliver 2', 'run 3', 'deliver 3']);
  });

  it('never overlaps two deliveries, and treats a bad concurrency as 1', async () => {
    const events: string[] = [];
    let delivering = 0;
    await runOrderedPool({
      items: [3, 1, 2],
      concurrency: 3,
      run: async (item) => {
        for (let i = 0; i < item; i += 1) await ticks();
        return item;
      },
      deliver: async (result) => {
        delivering += 1;
        expect(delivering).toBe(1);
        await ticks();
        events.push(String(result));
        delivering -= 1;
      },
    });
    expect(events).toEqual(['3', '1', '2']);
    const order: number[] = [];
    await runOrderedPool({
      items: [1, 2],
      concurrency: 0,
      run: async (n) => n,
      deliver: (n) => void order.push(n),
    });
    expect(order).toEqual([1, 2]);
  });
});
