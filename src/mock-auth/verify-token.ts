// Verifies an access token the way a receiver must (dnp-facts §1): signature by kid, time, type, location, org.
import type { webcrypto } from 'node:crypto';
import { decodeProtectedHeader } from 'jose';
import type { Clock } from '../clock/index.js';
import { tokenFingerprint } from '../journal/index.js';
import { accessTokenClaimsSchema, type VerifyExpectation, type VerifyResult } from './access-token.js';
import { verifyEs256Jws } from './es256-jws.js';
import { parseOrganisationNumber, toOrganisationId } from './organisation-number.js';
import type { VerifiedToken, VerifiedTokenCache } from './verified-token-cache.js';

export interface VerificationKeys {
  /** The public key for `kid` if it is published (current or within the grace period). */
  published(kid: string): { publicKey: webcrypto.CryptoKey } | undefined;
}

const fail = (
  code: Extract<VerifyResult, { ok: false }>['code'],
  message: string,
): Extract<VerifyResult, { ok: false }> => ({
  ok: false,
  code,
  message,
});
/** `url` without surrounding whitespace and trailing slashes (no regex: it runs for every call's token). */
function trimSlash(url: string): string {
  const trimmed = url.trim();
  let end = trimmed.length;
  while (end > 0 && trimmed.charCodeAt(end - 1) === 47) end -= 1;
  return end === trimmed.length ? trimmed : trimmed.slice(0, end);
}

/**
 * Checks `token` against the mock's published keys and what the receiver expects. The kid is looked up
 * first, so a key that is gone (or never existed) says `unknown_kid`, and a known kid with a wrong
 * signature says `bad_signature`. Time comes from `clock`. The signature is verified with node:crypto,
 * synchronously (es256-jws.ts); `cache` skips it for a token already verified (verified-token-cache.ts).
 */
export async function verifyAccessToken(
  token: string | undefined | null,
  expected: VerifyExpectation,
  keys: VerificationKeys,
  clock: Clock,
  cache?: VerifiedTokenCache,
): Promise<VerifyResult> {
  return verifyAccessTokenSync(token, expected, keys, clock, cache);
}

/** Signature (by kid) and claim set of a token not in the cache; remembers it when both are good. */
function verifySignedClaims(
  token: string,
  keys: VerificationKeys,
  cache: VerifiedTokenCache | undefined,
): VerifiedToken | Extract<VerifyResult, { ok: false }> {
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    return fail('malformed', 'The token is not a compact JWS (header.payload.signature)');
  }
  if (header.alg !== 'ES256')
    return fail('malformed', `The token's alg is ${String(header.alg)}; Skolverket signs with ES256`);
  if (header.crit !== undefined)
    return fail('malformed', 'The token header has crit, which is not supported');
  if (typeof header.kid !== 'string' || !header.kid)
    return fail('unknown_kid', 'The token header has no kid');
  const key = keys.published(header.kid);
  if (!key) return fail('unknown_kid', `No key with kid "${header.kid}" is in the JWKS`);

  const signed = verifyEs256Jws(token, key.publicKey);
  if (!signed.ok)
    return fail(
      signed.code,
      signed.code === 'malformed' ? `The token cannot be read: ${signed.message}` : signed.message,
    );
  const parsed = accessTokenClaimsSchema.safeParse(signed.payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail('malformed', `Claim ${issue?.path.join('.') || '?'}: ${issue?.message ?? 'invalid'}`);
  }
  const verified: VerifiedToken = {
    kid: header.kid,
    publicKey: key.publicKey,
    claims: parsed.data,
    tokenId: tokenFingerprint(token),
  };
  cache?.remember(token, verified);
  return verified;
}

/**
 * The same check, synchronously: a token byte-identical to one already verified comes from `cache`
 * (its key still published); nbf/exp are checked on `clock` and the expectation on every call.
 */
export function verifyAccessTokenSync(
  token: string | undefined | null,
  expected: VerifyExpectation,
  keys: VerificationKeys,
  clock: Clock,
  cache?: VerifiedTokenCache,
): VerifyResult {
  if (!token?.trim()) return fail('missing', 'No access token was presented');
  const verified =
    cache?.lookup(token, (kid) => keys.published(kid)) ?? verifySignedClaims(token, keys, cache);
  if ('ok' in verified) return verified;
  const { claims, tokenId } = verified;
  // As jose's jwtVerify: nbf must not be after now, exp must be after now (whole seconds, no tolerance).
  const nowSeconds = Math.floor(clock.now() / 1000);
  if (claims.nbf > nowSeconds)
    return fail('not_yet_valid', 'The token is not valid yet (nbf is in the future)');
  if (claims.exp <= nowSeconds)
    return fail('expired', 'The token expired ("exp" claim timestamp check failed)');
  const grants = claims.requested_access.filter((grant) => grant.type === expected.type);
  if (!grants.length) {
    const named = claims.requested_access.map((grant) => grant.type).join(', ') || 'nothing';
    return fail('wrong_type', `requested_access names ${named}, not ${expected.type}`);
  }
  const wanted = (typeof expected.location === 'string' ? [expected.location] : expected.location).map(
    trimSlash,
  );
  if (!grants.some((grant) => grant.locations.some((location) => wanted.includes(trimSlash(location))))) {
    return fail(
      'wrong_location',
      `requested_access for ${expected.type} does not name ${wanted[0] ?? 'this API'}`,
    );
  }
  if (expected.organisationId !== undefined) {
    const number = parseOrganisationNumber(expected.organisationId);
    if (!number || claims.organization_id !== toOrganisationId(number)) {
      return fail(
        'wrong_organisation',
        `organization_id is ${claims.organization_id}, expected ${expected.organisationId}`,
      );
    }
  }
  return { ok: true, claims, tokenId };
}
