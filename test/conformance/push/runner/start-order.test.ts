// longestFirst: under --jobs the scenario expected to take longest starts first, not in plan order.
import { describe, expect, it } from 'vitest';
import { runOrderedPool } from '../../../../src/conformance/push/runner/ordered-pool.js';
import { longestFirst } from '../../../../src/conformance/push/runner/start-order.js';

describe('longestFirst', () => {
  it('starts the longest first, so the longest last in the plan does not start last', () => {
    // The built-in plan is alphabetical; token-faults, the longest, comes last in it.
    expect(longestFirst([13, 5, 7, 4, 9, 13, 19])).toEqual([6, 0, 5, 4, 2, 1, 3]);
  });

  it('keeps plan order among equals and puts scenarios without an expectation last, in plan order', () => {
    expect(longestFirst([undefined, 4, undefined, 4, 10])).toEqual([4, 1, 3, 0, 2]);
    expect(longestFirst([undefined, undefined])).toEqual([0, 1]);
    expect(longestFirst([])).toEqual([]);
  });
});

describe('runOrderedPool with a start order', () => {
  it('starts tasks in the given order and still delivers them in index order', async () => {
    const started: string[] = [];
    const delivered: string[] = [];
    await runOrderedPool({
      items: ['a', 'b', 'c', 'd'],
      concurrency: 2,
      startOrder: longestFirst([1, 3, 2, 4]),
      run: async (item) => {
        started.push(item);
        await new Promise((resolve) => setImmediate(resolve));
        return item;
      },
      deliver: (item) => void delivered.push(item),
    });
    expect(started).toEqual(['d', 'b', 'c', 'a']);
    expect(delivered).toEqual(['a', 'b', 'c', 'd']);
  });

  it('refuses a start order that is not a permutation of the indices', async () => {
    const pool = (startOrder: number[]) =>
      runOrderedPool({ items: [1, 2], concurrency: 2, startOrder, run: async (n) => n, deliver: () => {} });
    await expect(pool([0, 0])).rejects.toThrow(/startOrder must name each of the 2 indices once/);
    await expect(pool([0])).rejects.toThrow(TypeError);
    await expect(pool([0, 2])).rejects.toThrow(TypeError);
  });
});
