// Gets the access token over mutual TLS (GNAP POST /transaction), verifies it, and reuses it until near expiry.
import { exponentialDelayMs } from './backoff.mjs';
import { certificateThumbprint } from './client-cert.mjs';
import { jsonOf } from './transport.mjs';
import { JwtVerificationError, verifyJwt } from './verify-jwt.mjs';

/** The access type the Provisioning API demands (dnp-facts §1). */
export const PROVISIONING_ACCESS_TYPE = 'provisioning-api';

/** Fetch a fresh token when the current one has less than this left. */
export const REFRESH_MARGIN_MS = 60_000;
/** Tokens asked for in a row when each fails verification; then the run stops (exit 1). */
export const MAX_TOKEN_VERIFY_ATTEMPTS = 2;
/** POST /transaction attempts on 5xx or network errors. */
export const MAX_TRANSACTION_ATTEMPTS = 3;

/**
 * @typedef {object} TokenState
 * @property {string} value the compact JWT
 * @property {number} expiresAtMs
 * @property {number} fetchedAtMs
 */

/**
 * @typedef {object} VerifyContext
 * @property {import('./jwks.mjs').JwksSource} jwks
 * @property {import('./verify-jwt.mjs').JwtExpectations} expect
 */

/**
 * Strategy: checks a freshly fetched token before any use; throws JwtVerificationError to refuse it.
 * Checklist step 6.2: "Klienten ska verifiera JWT". A kid not in the cached JWKS triggers one re-fetch
 * (the server may have rotated its key), never more.
 *
 * @param {string} token
 * @param {VerifyContext} context
 * @returns {Promise<import('./verify-jwt.mjs').VerifiedJwt | undefined>}
 */
export async function verifyToken(token, { jwks, expect }) {
  try {
    return verifyJwt(token, await jwks.keys(), expect);
  } catch (error) {
    if (!(error instanceof JwtVerificationError) || error.code !== 'UNKNOWN_KID') throw error;
    return verifyJwt(token, await jwks.keys({ refresh: true }), expect);
  }
}

/**
 * Strategy: whether to fetch a new token before a call. A token lives hours to days (Skolverket's
 * production token: 36000 s; its example response says `expires_in: 864000`): reuse it, and refresh only
 * when less than a minute is left.
 *
 * @param {TokenState | undefined} current
 * @param {number} nowMs
 */
export function shouldRefreshToken(current, nowMs) {
  return !current || current.expiresAtMs - nowMs < REFRESH_MARGIN_MS;
}

/**
 * Strategy: the GNAP request body, exactly as the authentication-api README shows it for a certificate
 * client: access, the bearer flag (nutid-auth answers 400 without it), and cert#S256 as standard base64
 * (what its openssl command prints).
 *
 * @param {string} provisioningUrl
 * @param {string} certPem
 */
export function transactionBody(provisioningUrl, certPem) {
  return {
    access_token: [
      { access: [{ type: PROVISIONING_ACCESS_TYPE, locations: [provisioningUrl] }], flags: ['bearer'] },
    ],
    client: { key: { proof: 'mtls', 'cert#S256': certificateThumbprint(certPem) } },
  };
}

/** The authorization server refused us, or gave something unusable: the run stops. */
export class TokenError extends Error {
  /**
   * @param {string} message
   * @param {string} code
   */
  constructor(message, code) {
    super(message);
    this.name = 'TokenError';
    this.code = code;
  }
}

/**
 * @typedef {object} TokenSource
 * @property {(options?: { force?: boolean }) => Promise<string>} get the token to send; `force` fetches anew
 */

/**
 * @param {object} options
 * @param {import('./config.mjs').ClientConfig} options.config
 * @param {import('./transport.mjs').Transport} options.transport
 * @param {import('./jwks.mjs').JwksSource} options.jwks
 * @param {import('./clock.mjs').Clock} options.clock
 * @param {import('./log.mjs').Log} options.log
 * @param {string | undefined} options.organizationId expected `organization_id`, from the certificate
 * @param {typeof verifyToken} options.verifyToken
 * @param {typeof shouldRefreshToken} options.shouldRefreshToken
 * @param {typeof transactionBody} [options.transactionBody]
 * @returns {TokenSource}
 */
export function createTokenSource(options) {
  const { config, transport, jwks, clock, log } = options;
  const url = `${config.authUrl}/transaction`;
  /** @type {TokenState | undefined} */
  let current;
  /** @type {Promise<TokenState> | undefined} */
  let inFlight;

  /** One GNAP exchange, retried with backoff on 5xx and network errors. */
  async function requestToken() {
    for (let attempt = 1; ; attempt++) {
      const fetchedAtMs = clock.now();
      /** @type {string} */
      let problem;
      try {
        const response = await transport({
          method: 'POST',
          url,
          body: JSON.stringify(
            (options.transactionBody ?? transactionBody)(config.provisioningUrl, config.tls.cert),
          ),
          tls: config.tls,
        });
        const body = /** @type {{ access_token?: { value?: unknown, expires_in?: unknown } } | undefined} */ (
          jsonOf(response)
        );
        const value = body?.access_token?.value;
        if (response.status >= 200 && response.status <= 299 && typeof value === 'string') {
          const expiresIn = body?.access_token?.expires_in;
          return { value, expiresIn: typeof expiresIn === 'number' ? expiresIn : 0, fetchedAtMs };
        }
        problem = `HTTP ${response.status} ${response.text.slice(0, 300)}`;
        if (response.status < 500)
          throw new TokenError(`the authorization server refused: ${problem}`, 'TOKEN_REFUSED');
      } catch (error) {
        if (error instanceof TokenError) throw error;
        problem = /** @type {NodeJS.ErrnoException} */ (error).code ?? /** @type {Error} */ (error).message;
      }
      if (attempt >= MAX_TRANSACTION_ATTEMPTS) {
        throw new TokenError(
          `no token from ${url} after ${attempt} attempts: ${problem}`,
          'AUTH_UNAVAILABLE',
        );
      }
      const delay = exponentialDelayMs(attempt);
      log(`token: ${url} failed (${problem.split('\n')[0]}), retrying in ${delay} ms`);
      await clock.sleep(delay);
    }
  }

  /** A verified token: a token that fails verification is discarded and asked for once more. */
  async function fetchToken() {
    for (let attempt = 1; ; attempt++) {
      const { value, expiresIn, fetchedAtMs } = await requestToken();
      let verified;
      try {
        verified = await options.verifyToken(value, {
          jwks,
          expect: {
            type: PROVISIONING_ACCESS_TYPE,
            location: config.provisioningUrl,
            organizationId: options.organizationId,
            now: clock.now(),
          },
        });
      } catch (error) {
        // Without the JWKS the token cannot be verified, so it is not used either.
        const reason =
          error instanceof JwtVerificationError
            ? `${error.message} [${error.code}]`
            : `cannot verify it: ${/** @type {Error} */ (error).message} [JWKS_UNAVAILABLE]`;
        if (attempt >= MAX_TOKEN_VERIFY_ATTEMPTS)
          throw new TokenError(`token rejected: ${reason}`, 'TOKEN_REJECTED');
        log(`token: rejected: ${reason}; discarding it and requesting a new one`);
        continue;
      }
      const candidates = [fetchedAtMs + expiresIn * 1000];
      if (verified) candidates.push(verified.claims.exp * 1000);
      const expiresAtMs = Math.min(...candidates.filter((t) => t > fetchedAtMs));
      const facts = verified
        ? ` kid=${verified.header.kid} organization_id=${verified.claims.organization_id}`
        : '';
      const left = Math.round((expiresAtMs - fetchedAtMs) / 1000);
      log(`token: fetched, ${verified ? 'verified' : 'NOT verified'}${facts}, expires in ${left} s`);
      return { value, expiresAtMs, fetchedAtMs };
    }
  }

  return {
    async get({ force = false } = {}) {
      if (!force && !options.shouldRefreshToken(current, clock.now()) && current) return current.value;
      // Concurrent callers share one fetch.
      inFlight ??= fetchToken().finally(() => {
        inFlight = undefined;
      });
      current = await inFlight;
      return current.value;
    },
  };
}
