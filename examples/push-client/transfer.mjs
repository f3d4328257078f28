// Sends one resource's items (upserts or deletes) in size-limited batches, follows the jobs, retries TemporaryError.
import { bodyOf } from './batches.mjs';
import { expectStatus } from './http.mjs';

/** Sends of one item at most: the first plus four re-sends of a TemporaryError. */
export const MAX_ITEM_ATTEMPTS = 5;
/** "Försök igen senare": wait this long times the attempt (1 s, 2 s, 3 s, 4 s) before re-sending. */
export const TEMPORARY_RETRY_DELAY_MS = 1_000;
/** At most this many item problems are logged per resource (the rest are counted). */
const MAX_LOGGED_PROBLEMS = 20;

/** @typedef {'upsert' | 'delete'} TransferKind */
/** @typedef {import('./jobs.mjs').ItemResult | { id: string, status: 'NotFollowed' }} FinalResult */

/**
 * @typedef {object} TransferStrategies
 * @property {<T>(items: T[], limit: number) => T[][]} splitBatches
 * @property {() => string} upsertQuery query string of `POST /R/bulk`
 * @property {typeof import('./jobs.mjs').followJob} followJob
 * @property {(attempt: number) => number} pollDelayMs
 * @property {(results: import('./jobs.mjs').ItemResult[]) => string[]} selectForResend
 */

/**
 * @typedef {object} TransferContext
 * @property {import('./http.mjs').ApiClient} api
 * @property {import('./clock.mjs').Clock} clock
 * @property {import('./log.mjs').Log} log
 * @property {number} payloadLimit
 * @property {TransferStrategies} strategies
 */

/**
 * Strategy: which settled items to send again. Only `TemporaryError` ("försök igen senare"); an `Error`
 * item would fail the same way again: it must be corrected first, never re-sent unchanged.
 *
 * @param {import('./jobs.mjs').ItemResult[]} results
 * @returns {string[]}
 */
export function selectForResend(results) {
  return results.filter((r) => r.status === 'TemporaryError').map((r) => r.id);
}

/**
 * Strategy: `?updateIfExists=true` makes `POST /R/bulk` create or update, so a re-run is idempotent
 * (without it, items already stored end as Error 409).
 */
export function upsertQuery() {
  return '?updateIfExists=true';
}

/**
 * @param {FinalResult} r
 */
function describeProblem(r) {
  if (!('errors' in r)) return '';
  const entries = [...r.errors, ...r.warnings].map((e) => {
    const entry = /** @type {{ id?: unknown, message?: unknown, attributeName?: unknown }} */ (e ?? {});
    return `[${entry.id}] ${entry.attributeName ? `${entry.attributeName}: ` : ''}${entry.message ?? ''}`;
  });
  return `${r.statusCode ?? ''} ${entries.join('; ')}`.trim();
}

/**
 * @template {{ id: string } | string} T
 * @param {TransferContext} ctx
 * @param {{ resource: string, kind: TransferKind, items: T[] }} transfer
 * @returns {{ send: () => Promise<() => Promise<Map<string, FinalResult>>> }}
 *   `send()` posts every batch and resolves when all are accepted (202), to a `settle()` that follows the
 *   jobs, re-sends what the strategy selects, and resolves to each item's final result
 */
export function createTransfer(ctx, { resource, kind, items }) {
  const { api, log, strategies } = ctx;
  const idOf = (/** @type {T} */ item) => (typeof item === 'string' ? item : item.id);
  const label = kind === 'delete' ? `${resource} delete` : resource;

  /** @param {T[]} batchItems */
  async function post(batchItems) {
    const batches = strategies.splitBatches(batchItems, ctx.payloadLimit);
    const path =
      kind === 'delete' ? `/${resource}/bulk/delete` : `/${resource}/bulk${strategies.upsertQuery()}`;
    const jobs = [];
    for (const [index, batch] of batches.entries()) {
      const response = expectStatus(await api.call('POST', path, { data: batch }), [202], `POST ${path}`);
      const jobId = /** @type {{ jobId?: unknown } | undefined} */ (response.body)?.jobId;
      if (typeof jobId !== 'string') throw new Error(`POST ${path}: 202 without a jobId`);
      const bytes = Buffer.byteLength(bodyOf(batch));
      log(
        `${label}: batch ${index + 1}/${batches.length} (${batch.length} items, ${bytes} bytes) accepted as job ${jobId}`,
      );
      jobs.push({ resource, jobId, ids: batch.map(idOf), acceptedMs: ctx.clock.now() });
    }
    return jobs;
  }

  return {
    async send() {
      let jobs = await post(items);
      return async function settle() {
        /** @type {Map<string, FinalResult>} */
        const final = new Map();
        let logged = 0;
        for (let attempt = 1; ; attempt++) {
          /** @type {import('./jobs.mjs').ItemResult[]} */
          const round = [];
          for (const job of jobs) {
            const results = await strategies.followJob(
              { api, clock: ctx.clock, log, pollDelayMs: strategies.pollDelayMs },
              job,
            );
            if (!results) {
              for (const id of job.ids) final.set(id, { id, status: 'NotFollowed' });
              log(`${label}: job ${job.jobId} not followed`);
              continue;
            }
            round.push(...results);
            const count = (/** @type {string} */ s) => results.filter((r) => r.status === s).length;
            log(
              `${label}: job ${job.jobId} completed: ${count('Success')} Success, ${count('Warning')} Warning, ` +
                `${count('Error')} Error, ${count('TemporaryError')} TemporaryError, ${count('Pending')} Pending`,
            );
          }
          for (const r of round) {
            final.set(r.id, r);
            if (r.status !== 'Success' && logged++ < MAX_LOGGED_PROBLEMS)
              log(`${label}: ${r.id} ${r.status} ${describeProblem(r)}`);
          }
          // Ids compare without regard to case: the answer may spell a UUID in lower case.
          const again = new Set(strategies.selectForResend(round).map((id) => id.toLowerCase()));
          if (again.size === 0) break;
          if (attempt >= MAX_ITEM_ATTEMPTS) {
            log(
              `${label}: ${again.size} item(s) still not accepted after ${MAX_ITEM_ATTEMPTS} attempts, giving up on them`,
            );
            break;
          }
          const delay = TEMPORARY_RETRY_DELAY_MS * attempt;
          log(
            `${label}: re-sending ${again.size} item(s) in ${delay} ms (attempt ${attempt + 1}/${MAX_ITEM_ATTEMPTS})`,
          );
          await ctx.clock.sleep(delay);
          jobs = await post(items.filter((item) => again.has(idOf(item).toLowerCase())));
        }
        return final;
      };
    },
  };
}
