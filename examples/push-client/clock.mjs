// The one source of time for the client: `now()` in milliseconds and `sleep(ms)`; tests inject their own.

/**
 * @typedef {object} Clock
 * @property {() => number} now milliseconds since the epoch
 * @property {(ms: number) => Promise<void>} sleep
 */

/** @type {Clock} */
export const realClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};
