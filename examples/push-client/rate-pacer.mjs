// Client-side pacing: at most 5 write/job-status calls and 10 read calls in any rolling window of one second.
import { realClock } from './clock.mjs';

/**
 * Skolverket's quotas per client IP since 2026-01-19 (Provisioning API 1.3.1): writes and job-status polls
 * share 5 calls/s; GET lists, get-by-id and lookups have 10 calls/s.
 */
export const RATE_LIMITS = Object.freeze({ write: 5, read: 10 });
export const RATE_WINDOW_MS = 1_000;
/** Extra spacing against timer jitter: a call's slot is held this much longer than the window. */
export const PACING_MARGIN_MS = 25;

/** @typedef {'write' | 'read'} RateBucket */

/**
 * Which quota a Provisioning API call draws on; `path` is relative to the API base, e.g. `/persons/bulk`.
 *
 * @param {string} method
 * @param {string} path
 * @returns {RateBucket}
 */
export function bucketOf(method, path) {
  const p = path.split('?')[0] ?? '';
  if (/^\/[a-z]+\/bulk(\/|$)/.test(p)) return 'write'; // bulk, bulk/delete, bulk/jobs/{id}[/isCompleted]
  if (method.toUpperCase() === 'POST' && !/\/lookup\/?$/.test(p)) return 'write';
  return 'read';
}

/**
 * Milliseconds to wait before one more call may start. A slot is taken from the moment a call starts
 * until `windowMs` after it finished: the server counts a call when it arrives, which is somewhere between
 * the two, so spacing by finish time keeps any window of the server's (rolling or fixed) within the limit.
 *
 * @example waitBeforeNextCall([0, 10, 20, 30, 40], 0, 500, 5, 1000) // 500: the call that finished at 0 frees at 1000
 * @param {number[]} finishedAt finish times (ms) of earlier calls
 * @param {number} inFlight calls started and not finished
 * @param {number} now
 * @param {number} limit calls per window
 * @param {number} windowMs
 * @returns {number} 0 when a call may start now; Infinity when only a finishing call can free a slot
 */
export function waitBeforeNextCall(finishedAt, inFlight, now, limit, windowMs) {
  const recent = finishedAt.filter((t) => t > now - windowMs).sort((a, b) => a - b);
  const excess = recent.length + inFlight - limit + 1;
  if (excess <= 0) return 0;
  if (excess > recent.length) return Number.POSITIVE_INFINITY;
  return /** @type {number} */ (recent[excess - 1]) + windowMs - now;
}

/**
 * @typedef {object} RatePacer
 * @property {(bucket: RateBucket) => Promise<() => void>} acquire waits for a slot; call the returned
 *   function when the call has finished (answered or failed)
 */

/**
 * @param {object} [options]
 * @param {import('./clock.mjs').Clock} [options.clock]
 * @param {Record<RateBucket, number>} [options.limits]
 * @param {number} [options.windowMs]
 * @param {boolean} [options.startEmpty] start with every slot free instead of just used
 * @param {number} [options.usedAt] when every slot counts as just used (default now): a fresh process
 *   passes its own start, as no earlier run's call can have come later than that
 * @returns {RatePacer}
 */
export function createRatePacer({
  clock,
  limits = RATE_LIMITS,
  windowMs = RATE_WINDOW_MS,
  startEmpty = false,
  usedAt,
} = {}) {
  const time = clock ?? realClock;
  const span = windowMs + PACING_MARGIN_MS;
  // The quota is per client IP: a run started right after another one (or beside another process) shares
  // the window with calls it cannot see. So a new pacer starts as if every slot had just been used.
  const start = Math.min(usedAt ?? Number.POSITIVE_INFINITY, time.now());
  /** @type {Record<RateBucket, { finishedAt: number[], inFlight: number }>} */
  const state = {
    write: { finishedAt: startEmpty ? [] : Array(limits.write).fill(start), inFlight: 0 },
    read: { finishedAt: startEmpty ? [] : Array(limits.read).fill(start), inFlight: 0 },
  };
  return {
    async acquire(bucket) {
      const s = state[bucket];
      for (;;) {
        const now = time.now();
        s.finishedAt = s.finishedAt.filter((t) => t > now - span);
        const wait = waitBeforeNextCall(s.finishedAt, s.inFlight, now, limits[bucket], span);
        if (wait <= 0) break;
        await time.sleep(Number.isFinite(wait) ? wait : 10);
      }
      s.inFlight += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        s.inFlight -= 1;
        s.finishedAt.push(time.now());
      };
    },
  };
}
