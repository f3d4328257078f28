// Verifies the authorization server's ES256 JWT: signature by kid over the JWKS, then the claims DNP names.
import { createPublicKey, verify } from 'node:crypto';

/**
 * @typedef {object} Jwk
 * @property {string} kty
 * @property {string} [kid]
 * @property {string} [crv]
 * @property {string} [x]
 * @property {string} [y]
 */

/**
 * @typedef {object} JwtExpectations
 * @property {string} type the access type the token must grant, e.g. `provisioning-api`
 * @property {string} location the API base URL the token must name in `requested_access[].locations`
 * @property {string} [organizationId] `SE` + 10 digits; when given, `organization_id` must equal it
 * @property {number} now milliseconds since the epoch
 * @property {number} [leewaySeconds] tolerated clock skew for exp/nbf, default 30
 */

/**
 * @typedef {object} VerifiedJwt
 * @property {{ alg: string, kid: string }} header
 * @property {Record<string, unknown> & { exp: number, organization_id: string }} claims
 */

/**
 * @typedef {'MALFORMED' | 'BAD_ALG' | 'UNKNOWN_KID' | 'BAD_SIGNATURE' | 'EXPIRED' | 'NOT_YET_VALID'
 *   | 'WRONG_ORGANIZATION' | 'WRONG_TYPE' | 'WRONG_LOCATION'} JwtErrorCode
 */

/** The token must not be used: the reason is in `code`. */
export class JwtVerificationError extends Error {
  /**
   * @param {JwtErrorCode} code
   * @param {string} message
   */
  constructor(code, message) {
    super(message);
    this.name = 'JwtVerificationError';
    this.code = code;
  }
}

/**
 * @param {string} part
 * @param {string} what
 * @returns {Record<string, unknown>}
 */
function decodeJson(part, what) {
  try {
    const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value;
  } catch {
    // fall through
  }
  throw new JwtVerificationError('MALFORMED', `the JWT ${what} is not a base64url JSON object`);
}

/** @param {string} url */
const normalise = (url) => url.replace(/\/+$/, '');

/**
 * Checks the JWT as DNP asks a receiver to (authentication-api README; dnp-facts §1): signature against the
 * JWKS key with the header's `kid` (ES256, raw r||s signature), `exp`/`nbf`, `organization_id`, and that
 * `requested_access` grants `type` at `location`. Throws JwtVerificationError; returns the decoded token.
 *
 * @example verifyJwt(token, jwks.keys, { type: 'provisioning-api', location: apiUrl, now: Date.now() })
 * @param {string} token
 * @param {Jwk[]} keys the JWKS `keys`
 * @param {JwtExpectations} expect
 * @returns {VerifiedJwt}
 */
export function verifyJwt(token, keys, expect) {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => p.length === 0)) {
    throw new JwtVerificationError('MALFORMED', 'the JWT does not have three parts');
  }
  const [headerPart, payloadPart, signaturePart] = /** @type {[string, string, string]} */ (parts);
  const header = decodeJson(headerPart, 'header');
  if (header.alg !== 'ES256')
    throw new JwtVerificationError('BAD_ALG', `alg is ${String(header.alg)}, not ES256`);
  const kid = header.kid;
  if (typeof kid !== 'string') throw new JwtVerificationError('UNKNOWN_KID', 'the JWT header has no kid');
  const jwk = keys.find((k) => k.kid === kid);
  if (!jwk) throw new JwtVerificationError('UNKNOWN_KID', `kid ${kid} is not in the JWKS`);

  let key;
  try {
    key = createPublicKey({ key: /** @type {import('node:crypto').JsonWebKey} */ (jwk), format: 'jwk' });
  } catch {
    throw new JwtVerificationError('UNKNOWN_KID', `the JWKS key ${kid} is not a usable public key`);
  }
  const signature = Buffer.from(signaturePart, 'base64url');
  const signed = Buffer.from(`${headerPart}.${payloadPart}`, 'ascii');
  // JWS ES256 signatures are r||s (64 bytes), not DER: hence ieee-p1363.
  const valid =
    signature.length === 64 && verify('sha256', signed, { key, dsaEncoding: 'ieee-p1363' }, signature);
  if (!valid)
    throw new JwtVerificationError('BAD_SIGNATURE', `the signature does not verify with JWKS key ${kid}`);

  const claims = decodeJson(payloadPart, 'payload');
  const now = expect.now / 1000;
  const leeway = expect.leewaySeconds ?? 30;
  if (typeof claims.exp !== 'number') throw new JwtVerificationError('EXPIRED', 'the JWT has no exp');
  if (claims.exp <= now - leeway) throw new JwtVerificationError('EXPIRED', 'the JWT has expired');
  if (typeof claims.nbf === 'number' && claims.nbf > now + leeway) {
    throw new JwtVerificationError('NOT_YET_VALID', 'the JWT is not valid yet (nbf)');
  }

  const org = claims.organization_id;
  if (typeof org !== 'string' || !/^SE\d{10}$/.test(org)) {
    throw new JwtVerificationError('WRONG_ORGANIZATION', 'organization_id is not "SE" + 10 digits');
  }
  if (expect.organizationId && org !== expect.organizationId) {
    throw new JwtVerificationError(
      'WRONG_ORGANIZATION',
      `organization_id ${org} is not ${expect.organizationId}`,
    );
  }

  /** @type {{ type?: unknown, locations?: unknown }[]} */
  const access = Array.isArray(claims.requested_access) ? claims.requested_access : [];
  const ofType = access.filter((a) => a && a.type === expect.type);
  if (ofType.length === 0) {
    throw new JwtVerificationError('WRONG_TYPE', `requested_access does not grant ${expect.type}`);
  }
  const wanted = normalise(expect.location);
  const named = ofType.some(
    (a) =>
      Array.isArray(a.locations) &&
      a.locations.some((/** @type {unknown} */ l) => typeof l === 'string' && normalise(l) === wanted),
  );
  if (!named) throw new JwtVerificationError('WRONG_LOCATION', `requested_access does not name ${wanted}`);

  return {
    header: { alg: 'ES256', kid },
    claims: /** @type {VerifiedJwt['claims']} */ (claims),
  };
}
