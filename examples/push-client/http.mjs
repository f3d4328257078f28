// Calls the Provisioning API: Bearer token, client-side pacing, 429 backoff, retries on 5xx/network, 403 refresh.
import { MAX_SERVER_RETRIES } from './backoff.mjs';
import { bucketOf } from './rate-pacer.mjs';
import { jsonOf } from './transport.mjs';

/** Retries of one call after 429 before giving up. */
export const MAX_RATE_LIMIT_RETRIES = 10;
export { MAX_SERVER_RETRIES };

/** 5xx answers worth retrying; 503 [6001] "response too large" is not (it will not shrink). */
const RETRYABLE_STATUS = new Set([500, 502, 503, 504]);
const RESPONSE_TOO_LARGE = '6001';

/**
 * @typedef {object} ApiResponse
 * @property {number} status
 * @property {Record<string, string | string[] | undefined>} headers
 * @property {unknown} body parsed JSON, or undefined
 */

/**
 * @typedef {object} CallInfo
 * @property {string} method
 * @property {string} path relative to the API base, with query
 */

/** A call failed for good (or answered something the client cannot go on from). */
export class ApiError extends Error {
  /**
   * @param {string} message
   * @param {number} status 0 for a network error
   * @param {unknown} [body]
   */
  constructor(message, status, body) {
    super(message);
    this.name = 'ApiError';
    this.code = 'API';
    this.status = status;
    this.body = body;
  }
}

/**
 * `[5021] Den högsta tillåtna …` from an answer's LogEntry array, for log lines and errors.
 *
 * @param {unknown} body
 */
export function describeLogEntries(body) {
  if (!Array.isArray(body)) return '';
  return body.map((e) => `[${e?.id}] ${e?.message ?? ''}`.trim()).join('; ');
}

/**
 * Strategy: the headers that authenticate one call. Every call carries the JWT (dnp-facts §3).
 *
 * @param {string} token
 * @param {CallInfo} _call
 * @returns {Record<string, string>}
 */
export function authHeaders(token, _call) {
  return { authorization: `Bearer ${token}` };
}

/**
 * @typedef {object} ApiClient
 * @property {(method: string, path: string, body?: unknown) => Promise<ApiResponse>} call
 *   one logical call, retried as needed; answers that are not retried come back as they are
 */

/**
 * @param {object} options
 * @param {string} options.baseUrl the Provisioning API base URL
 * @param {string} options.ca PEM of the CA to trust when the API is on HTTPS
 * @param {import('./transport.mjs').Transport} options.transport
 * @param {import('./token.mjs').TokenSource} options.tokens
 * @param {import('./rate-pacer.mjs').RatePacer} options.pacer
 * @param {import('./clock.mjs').Clock} options.clock
 * @param {import('./log.mjs').Log} options.log
 * @param {typeof import('./backoff.mjs').rateLimitDelayMs} options.rateLimitDelayMs
 * @param {typeof import('./backoff.mjs').serverRetryDelayMs} options.serverRetryDelayMs
 * @param {typeof authHeaders} options.authHeaders
 * @returns {ApiClient}
 */
export function createApiClient(options) {
  const { baseUrl, ca, transport, tokens, pacer, clock, log } = options;
  return {
    async call(method, path, body) {
      const text = body === undefined ? undefined : JSON.stringify(body);
      const what = `${method} ${path}`;
      let rateLimited = 0;
      let failures = 0;
      let refreshedAfter403 = false;
      for (;;) {
        const token = await tokens.get();
        const headers = options.authHeaders(token, { method, path });
        const release = await pacer.acquire(bucketOf(method, path));
        /** @type {import('./transport.mjs').TransportResponse} */
        let response;
        try {
          response = await transport({ method, url: baseUrl + path, headers, body: text, tls: { ca } });
        } catch (error) {
          const reason = /** @type {NodeJS.ErrnoException} */ (error).code ?? String(error);
          const delay = options.serverRetryDelayMs(++failures);
          if (delay === undefined) throw new ApiError(`${what}: ${reason}, giving up`, 0);
          log(`retry: ${what} failed (${reason}), waiting ${delay} ms (retry ${failures})`);
          await clock.sleep(delay);
          continue;
        } finally {
          release();
        }
        const json = jsonOf(response);

        if (response.status === 429) {
          if (++rateLimited > MAX_RATE_LIMIT_RETRIES)
            throw new ApiError(`${what}: still 429 after ${MAX_RATE_LIMIT_RETRIES} retries`, 429, json);
          const delay = options.rateLimitDelayMs(response.headers, rateLimited);
          const reset = response.headers['x-ratelimit-reset'];
          log(`rate-limited: 429 on ${what}, waiting ${delay} ms (X-RateLimit-Reset=${reset ?? 'none'})`);
          await clock.sleep(delay);
          continue;
        }
        if (response.status === 403 && !refreshedAfter403) {
          // The token may have expired, been revoked or its key rotated: one fresh token, one more try.
          // (A call that went out without the token proves nothing about it: just try once more.)
          refreshedAfter403 = true;
          const sentToken = Object.entries(headers).some(
            ([k, v]) => k.toLowerCase() === 'authorization' && v,
          );
          log(
            `auth: 403 on ${what} ${describeLogEntries(json)}, ${sentToken ? 'fetching a new token and ' : ''}retrying once`,
          );
          if (sentToken) await tokens.get({ force: true });
          continue;
        }
        const tooLarge = Array.isArray(json) && json.some((e) => String(e?.id) === RESPONSE_TOO_LARGE);
        if (RETRYABLE_STATUS.has(response.status) && !tooLarge) {
          const delay = options.serverRetryDelayMs(++failures);
          if (delay === undefined) {
            throw new ApiError(
              `${what}: HTTP ${response.status} ${describeLogEntries(json)}, giving up`,
              response.status,
              json,
            );
          }
          log(`retry: HTTP ${response.status} on ${what}, waiting ${delay} ms (retry ${failures})`);
          await clock.sleep(delay);
          continue;
        }
        return { status: response.status, headers: response.headers, body: json };
      }
    },
  };
}

/**
 * The answer when its status is one of `expected`; otherwise an ApiError naming the LogEntry ids.
 *
 * @param {ApiResponse} response
 * @param {number[]} expected
 * @param {string} what
 */
export function expectStatus(response, expected, what) {
  if (expected.includes(response.status)) return response;
  throw new ApiError(
    `${what}: HTTP ${response.status} ${describeLogEntries(response.body)}`.trim(),
    response.status,
    response.body,
  );
}
