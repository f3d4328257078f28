// Fetches and caches the authorization server's JWKS; re-fetches once when a token names an unseen kid.
import { jsonOf } from './transport.mjs';

/**
 * @typedef {object} JwksSource
 * @property {(options?: { refresh?: boolean }) => Promise<import('./verify-jwt.mjs').Jwk[]>} keys
 */

/**
 * @param {object} options
 * @param {string} options.url `${PROVTJANST_AUTH_URL}/.well-known/jwks.json`
 * @param {string} options.ca PEM of the CA that signed the server certificate
 * @param {import('./transport.mjs').Transport} options.transport
 * @returns {JwksSource}
 */
export function createJwksSource({ url, ca, transport }) {
  /** @type {import('./verify-jwt.mjs').Jwk[] | undefined} */
  let cached;
  return {
    async keys({ refresh = false } = {}) {
      if (cached && !refresh) return cached;
      const response = await transport({ method: 'GET', url, tls: { ca } });
      const body = /** @type {{ keys?: unknown } | undefined} */ (jsonOf(response));
      if (response.status !== 200 || !body || !Array.isArray(body.keys)) {
        throw new Error(`cannot read the JWKS at ${url} (HTTP ${response.status})`);
      }
      // Only the public members: createPublicKey needs nothing else.
      cached = body.keys.map((/** @type {Record<string, string>} */ k) => ({
        kty: k.kty,
        kid: k.kid,
        crv: k.crv,
        x: k.x,
        y: k.y,
      }));
      return cached;
    },
  };
}
