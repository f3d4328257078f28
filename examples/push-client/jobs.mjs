// Follows a bulk job: polls isCompleted politely, then reads every item's final status from the job.
import { describeLogEntries, expectStatus } from './http.mjs';

export const POLL_INITIAL_MS = 250;
export const POLL_MAX_MS = 2_000;
export const POLL_FACTOR = 2;
/** A job not completed after this long is given up on (its items count as failed). */
export const JOB_TIMEOUT_MS = 10 * 60_000;

/** @typedef {'Pending' | 'Success' | 'Warning' | 'Error' | 'TemporaryError'} ItemStatus */

/**
 * @typedef {object} ItemResult
 * @property {string} id the resource id the item was about
 * @property {ItemStatus} status
 * @property {number | undefined} statusCode
 * @property {unknown[]} errors LogEntry objects
 * @property {unknown[]} warnings LogEntry objects
 */

/**
 * @typedef {object} JobContext
 * @property {import('./http.mjs').ApiClient} api
 * @property {import('./clock.mjs').Clock} clock
 * @property {import('./log.mjs').Log} log
 * @property {(attempt: number) => number} pollDelayMs
 */

/**
 * Strategy: the wait before the n-th isCompleted poll of a job: 250 ms after it was accepted, then 500 ms,
 * 1 s, at most 2 s after each "not yet". Job-status calls share the 5 calls/s write quota, so every poll
 * spent is an upload not made: the wait doubles rather than staying short.
 *
 * @param {number} attempt 1 for the first poll
 */
export function pollDelayMs(attempt) {
  return Math.min(POLL_MAX_MS, Math.round(POLL_INITIAL_MS * POLL_FACTOR ** Math.max(0, attempt - 1)));
}

/**
 * @param {unknown} raw
 * @returns {ItemResult}
 */
function toItemResult(raw) {
  const item = /** @type {{ id?: unknown, response?: Record<string, unknown> }} */ (raw ?? {});
  const response = item.response ?? {};
  return {
    id: String(item.id),
    status: /** @type {ItemStatus} */ (response.status ?? 'Pending'),
    statusCode: typeof response.statusCode === 'number' ? response.statusCode : undefined,
    errors: Array.isArray(response.errors) ? response.errors : [],
    warnings: Array.isArray(response.warnings) ? response.warnings : [],
  };
}

/**
 * Strategy: waits until the job is completed and returns its item results. The first poll waits
 * `pollDelayMs(1)` from when the job was accepted (`acceptedMs`), not from when following it starts: a job
 * accepted while earlier ones were followed has already had its time. `GET …/isCompleted` is cheap;
 * the full `GET …/jobs/{id}` is read once, with `showOnlyError=false` because `TemporaryError` and
 * `Warning` items matter too (showOnlyError=true lists only `Error`). Only if that answer is too large
 * (503 [6001]) does it fall back to `showOnlyError=true`.
 *
 * @param {JobContext} ctx
 * @param {{ resource: string, jobId: string, ids: string[], acceptedMs?: number }} job `ids`: the items
 *   sent in the job; `acceptedMs`: when its 202 came (default: now)
 * @returns {Promise<ItemResult[] | undefined>} undefined only when the job is deliberately not followed
 */
export async function followJob(ctx, { resource, jobId, ids, acceptedMs }) {
  const jobPath = `/${resource}/bulk/jobs/${encodeURIComponent(jobId)}`;
  const started = ctx.clock.now();
  for (let attempt = 1; ; attempt++) {
    // The first wait counts from the 202; every later one from the "not yet" just read.
    const elapsed = attempt === 1 ? started - (acceptedMs ?? started) : 0;
    await ctx.clock.sleep(Math.max(0, ctx.pollDelayMs(attempt) - elapsed));
    const done = expectStatus(await ctx.api.call('GET', `${jobPath}/isCompleted`), [200], `job ${jobId}`);
    if (done.body === true || done.body === 'true') break;
    if (ctx.clock.now() - started > JOB_TIMEOUT_MS) {
      ctx.log(`${resource}: job ${jobId} not completed after ${JOB_TIMEOUT_MS / 1000} s, giving up on it`);
      return ids.map((id) => ({ id, status: 'Pending', statusCode: undefined, errors: [], warnings: [] }));
    }
  }
  const full = await ctx.api.call('GET', `${jobPath}?showOnlyError=false`);
  if (full.status === 503) {
    ctx.log(
      `${resource}: job ${jobId} answer too large ${describeLogEntries(full.body)}, reading errors only`,
    );
    const errorsOnly = expectStatus(
      await ctx.api.call('GET', `${jobPath}?showOnlyError=true`),
      [200],
      `job ${jobId}`,
    );
    const failed = readResponses(errorsOnly.body);
    const failedIds = new Set(failed.map((r) => r.id));
    const rest = ids.filter((id) => !failedIds.has(id));
    return [
      ...failed,
      ...rest.map((id) => ({
        id,
        status: /** @type {ItemStatus} */ ('Success'),
        statusCode: undefined,
        errors: [],
        warnings: [],
      })),
    ];
  }
  return readResponses(expectStatus(full, [200], `job ${jobId}`).body);
}

/**
 * @param {unknown} body an AsynchronousResponse
 * @returns {ItemResult[]}
 */
function readResponses(body) {
  const responses = /** @type {{ responses?: unknown } | undefined} */ (body)?.responses;
  return Array.isArray(responses) ? responses.map(toItemResult) : [];
}
