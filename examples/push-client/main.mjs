// Entry point: `node examples/push-client/main.mjs` pushes PROVTJANST_DATA_DIR; `run(overrides)` for harnesses.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rateLimitDelayMs, serverRetryDelayMs } from './backoff.mjs';
import { ItemTooLargeError, splitIntoBatches } from './batches.mjs';
import { organisationIdOf } from './client-cert.mjs';
import { realClock } from './clock.mjs';
import { ConfigError, loadConfig } from './config.mjs';
import { loadDataset } from './dataset.mjs';
import { ApiError, authHeaders, createApiClient } from './http.mjs';
import { followJob, pollDelayMs } from './jobs.mjs';
import { createJwksSource } from './jwks.mjs';
import { stderrLog } from './log.mjs';
import { createRatePacer } from './rate-pacer.mjs';
import { findStale, listStoredIds, scheduleDeletes, scheduleUpserts, syncDataset } from './sync.mjs';
import { createTokenSource, shouldRefreshToken, TokenError, transactionBody, verifyToken } from './token.mjs';
import { selectForResend, upsertQuery } from './transfer.mjs';
import { send } from './transport.mjs';

export const EXIT_OK = 0;
export const EXIT_ITEMS_FAILED = 1;
export const EXIT_CONFIG = 2;

/**
 * Every behaviour a harness may swap, one function each. `run()` uses these unless told otherwise.
 * Each default's JSDoc says why Skolverket wants it; see README.md.
 */
export const DEFAULT_STRATEGIES = Object.freeze({
  /** The GNAP token request, with the `bearer` flag (token.mjs). */
  transactionBody,
  /** Verify the JWT before using it (token.mjs). */
  verifyToken,
  /** Reuse the token until < 60 s are left (token.mjs). */
  shouldRefreshToken,
  /** `Authorization: Bearer <JWT>` on every call (http.mjs). */
  authHeaders,
  /** Wait `X-RateLimit-Reset` seconds after a 429, read as a decimal (backoff.mjs). */
  rateLimitDelayMs,
  /** Growing waits (1 s, 2 s, 4 s …) before retrying a 5xx, then give up (backoff.mjs). */
  serverRetryDelayMs,
  /**
   * ≤ 5 write/job-status and ≤ 10 read calls per rolling second, every slot taken as used at `usedAt`
   * (rate-pacer.mjs).
   */
  createPacer: (/** @type {import('./clock.mjs').Clock} */ clock, /** @type {number | undefined} */ usedAt) =>
    createRatePacer({ clock, usedAt }),
  /** Bodies of at most the payload limit (batches.mjs). */
  splitBatches: splitIntoBatches,
  /** Poll isCompleted, then read the job (jobs.mjs). */
  followJob,
  /** 250 ms after the 202, doubling to 2 s between polls of one job (jobs.mjs). */
  pollDelayMs,
  /** Re-send TemporaryError items only (transfer.mjs). */
  selectForResend,
  /** `?updateIfExists=true` on POST bulk (transfer.mjs). */
  upsertQuery,
  /** Each resource settled before the next is sent (sync.mjs). */
  scheduleUpserts,
  /** Deletes in reverse order, each resource settled before the next (sync.mjs). */
  scheduleDeletes,
  /** Every page of what is stored, to find what to delete (sync.mjs). */
  listStoredIds,
  /** Stored ids missing from the dataset are deleted (sync.mjs). */
  findStale,
});

/** @typedef {typeof DEFAULT_STRATEGIES} Strategies */

/**
 * @typedef {object} RunIo
 * @property {Record<string, string | undefined>} [env] default `process.env`
 * @property {import('./clock.mjs').Clock} [clock]
 * @property {import('./log.mjs').Log} [log] default: lines on stderr
 * @property {import('./transport.mjs').Transport} [transport]
 * @property {number} [startedMs] when the process started, on `clock` (the pacer's slots count as used
 *   then; default: when run() begins)
 */

/**
 * Runs one push: token, upserts, deletes, summary. Never exits the process; returns the exit code:
 * 0 every item settled Success/Warning, 1 items ended otherwise or the run failed, 2 configuration error.
 *
 * @example process.exitCode = await run({ pollDelayMs: () => 0 }) // a client that polls hot
 * @param {Partial<Strategies>} [overrides] strategies to replace, by name
 * @param {RunIo} [io]
 * @returns {Promise<number>}
 */
export async function run(overrides = {}, io = {}) {
  for (const name of Object.keys(overrides)) {
    if (!(name in DEFAULT_STRATEGIES)) throw new TypeError(`unknown strategy: ${name}`);
  }
  /** @type {Strategies} */
  const strategies = { ...DEFAULT_STRATEGIES, ...overrides };
  const clock = io.clock ?? realClock;
  const log = io.log ?? stderrLog;
  const transport = io.transport ?? send;

  let config;
  let dataset;
  try {
    config = loadConfig(io.env ?? process.env);
    dataset = loadDataset(config.dataDir);
  } catch (error) {
    if (error instanceof ConfigError) {
      log(`error: configuration: ${error.message}`);
      return EXIT_CONFIG;
    }
    throw error;
  }

  log(
    `push-client: scenario=${config.scenario ?? '-'} api=${config.provisioningUrl} payload-limit=${config.payloadLimit}`,
  );
  const organizationId = organisationIdOf(config.tls.cert);
  const tokens = createTokenSource({
    config,
    transport,
    jwks: createJwksSource({ url: `${config.authUrl}/.well-known/jwks.json`, ca: config.tls.ca, transport }),
    clock,
    log,
    organizationId,
    verifyToken: strategies.verifyToken,
    shouldRefreshToken: strategies.shouldRefreshToken,
    transactionBody: strategies.transactionBody,
  });
  const api = createApiClient({
    baseUrl: config.provisioningUrl,
    ca: config.tls.ca,
    transport,
    tokens,
    pacer: strategies.createPacer(clock, io.startedMs),
    clock,
    log,
    rateLimitDelayMs: strategies.rateLimitDelayMs,
    serverRetryDelayMs: strategies.serverRetryDelayMs,
    authHeaders: strategies.authHeaders,
  });

  try {
    // Checklist step 6.1–6.2: get the JWT and verify it before the first API call.
    await tokens.get();
    const results = await syncDataset(
      { api, clock, log, payloadLimit: config.payloadLimit, strategies },
      dataset,
    );
    /** @type {Record<string, number>} */
    const tally = {
      Success: 0,
      Warning: 0,
      Error: 0,
      TemporaryError: 0,
      Pending: 0,
      HeldBack: 0,
      NotFollowed: 0,
    };
    for (const r of results) tally[r.status] = (tally[r.status] ?? 0) + 1;
    const failed = results.length - tally.Success - tally.Warning - tally.NotFollowed;
    const code = failed > 0 ? EXIT_ITEMS_FAILED : EXIT_OK;
    const counts = Object.entries(tally)
      .map(([status, n]) => `${status}=${n}`)
      .join(' ');
    log(`done: exit ${code} (${counts})`);
    return code;
  } catch (error) {
    if (error instanceof TokenError || error instanceof ApiError || error instanceof ItemTooLargeError) {
      log(`error: ${error.message}`);
      log(`done: exit ${EXIT_ITEMS_FAILED} (stopped)`);
      return EXIT_ITEMS_FAILED;
    }
    throw error;
  }
}

/** True when this file is the script node was started with (not when imported by a mutant or a test). */
function isEntryPoint() {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  // A fresh process: no earlier run's call came after this process started (performance.timeOrigin).
  run({}, { startedMs: performance.timeOrigin }).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      stderrLog(`error: unexpected: ${error?.stack ?? error}`);
      process.exitCode = EXIT_ITEMS_FAILED;
    },
  );
}
