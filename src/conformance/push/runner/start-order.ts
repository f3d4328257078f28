// The order scenarios start in under --jobs: longest expected first, so the longest never starts last.

/**
 * Indices of the scenarios in the order they should start, given each one's expected duration (seconds;
 * `undefined` when it declares none). Longest first, ties in plan order; scenarios without an expected
 * duration start after those with one, in plan order. Longest-first keeps a long scenario from starting
 * only when a slot frees near the end, where it alone would set the run's wall time.
 * @example longestFirst([4, 19, undefined, 13]) // [1, 3, 0, 2]
 */
export function longestFirst(expectedSeconds: readonly (number | undefined)[]): number[] {
  const rank = (i: number) => expectedSeconds[i] ?? Number.NEGATIVE_INFINITY;
  // Array.prototype.sort is stable, so equal durations keep plan order.
  return expectedSeconds
    .map((_, i) => i)
    .sort((a, b) => (rank(a) === rank(b) ? 0 : rank(a) > rank(b) ? -1 : 1));
}
