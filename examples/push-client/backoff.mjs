// How long to wait before retrying: after 429 from X-RateLimit-Reset, after 503/network errors exponentially.

/** Added to the server's reset time so the retry lands in the new window, not on its edge. */
export const RESET_MARGIN_MS = 50;
/** Exponential backoff for 429 without a usable header, and for 5xx / network errors. */
export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_MAX_MS = 30_000;

/**
 * Seconds until the quota resets, from `X-RateLimit-Reset`. The spec's schema says integer but its
 * description says `0.5` is possible (half a second): accept any non-negative decimal.
 *
 * @example parseResetSeconds('0.5') // 0.5
 * @param {string | string[] | undefined} header
 * @returns {number | undefined} undefined when absent or not a non-negative number
 */
export function parseResetSeconds(header) {
  const text = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!text || !/^\d+(\.\d+)?$|^\.\d+$/.test(text)) return undefined;
  return Number(text);
}

/**
 * Exponential backoff with up to 10 % jitter: 1 s, 2 s, 4 s, … capped at 30 s.
 *
 * @param {number} attempt 1 for the first retry
 * @param {() => number} [random]
 */
export function exponentialDelayMs(attempt, random = Math.random) {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (1 + 0.1 * random()));
}

/** Retries of one call after 500/502/503/504 or a network error before giving up. */
export const MAX_SERVER_RETRIES = 5;

/**
 * Strategy: the wait before the n-th retry of a call the server failed (5xx, network error), or undefined to
 * give up. The wait grows (1 s, 2 s, 4 s …): a service that is down must not be hammered at a fixed pace.
 *
 * @param {number} attempt 1 for the first retry
 * @returns {number | undefined} milliseconds
 */
export function serverRetryDelayMs(attempt) {
  return attempt <= MAX_SERVER_RETRIES ? exponentialDelayMs(attempt) : undefined;
}

/**
 * Strategy: the wait after a 429 [5021]. Honours `X-RateLimit-Reset` (plus a small margin), else
 * `Retry-After` in seconds, else exponential backoff. Provisioning API 1.3.1: "back off and retry".
 *
 * @param {Record<string, string | string[] | undefined>} headers lower-case response headers
 * @param {number} attempt 1 for the first retry
 * @returns {number} milliseconds
 */
export function rateLimitDelayMs(headers, attempt) {
  const reset = parseResetSeconds(headers['x-ratelimit-reset']) ?? parseResetSeconds(headers['retry-after']);
  if (reset !== undefined) return Math.ceil(reset * 1000) + RESET_MARGIN_MS;
  return exponentialDelayMs(attempt);
}
