// Verifies an access token the way a receiver must (dnp-facts §1): signature by kid, time, type, location, org.
import type { webcrypto } from 'node:crypto';
import { decodeProtectedHeader, errors, jwtVerify } from 'jose';
import type { Clock } from '../clock/index.js';
import { tokenFingerprint } from '../journal/index.js';
import { accessTokenClaimsSchema, type VerifyExpectation, type VerifyResult } from './access-token.js';
import { parseOrganisationNumber, toOrganisationId } from './organisation-number.js';

export interface VerificationKeys {
  /** The public key for `kid` if it is published (current or within the grace period). */
  published(kid: string): { publicKey: webcrypto.CryptoKey } | undefined;
}

const fail = (code: Extract<VerifyResult, { ok: false }>['code'], message: string): VerifyResult => ({
  ok: false,
  code,
  message,
});
const trimSlash = (url: string) => url.trim().replace(/\/+$/, '');

/**
 * Checks `token` against the mock's published keys and what the receiver expects. The kid is looked up
 * first, so a key that is gone (or never existed) says `unknown_kid`, and a known kid with a wrong
 * signature says `bad_signature`. Time comes from `clock`.
 */
export async function verifyAccessToken(
  token: string | undefined | null,
  expected: VerifyExpectation,
  keys: VerificationKeys,
  clock: Clock,
): Promise<VerifyResult> {
  if (!token?.trim()) return fail('missing', 'No access token was presented');
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    return fail('malformed', 'The token is not a compact JWS (header.payload.signature)');
  }
  if (header.alg !== 'ES256')
    return fail('malformed', `The token's alg is ${String(header.alg)}; Skolverket signs with ES256`);
  if (typeof header.kid !== 'string' || !header.kid)
    return fail('unknown_kid', 'The token header has no kid');
  const key = keys.published(header.kid);
  if (!key) return fail('unknown_kid', `No key with kid "${header.kid}" is in the JWKS`);

  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, key.publicKey, {
      algorithms: ['ES256'],
      currentDate: clock.date(),
    }));
  } catch (error) {
    if (error instanceof errors.JWSSignatureVerificationFailed)
      return fail('bad_signature', 'The signature does not verify');
    if (error instanceof errors.JWTExpired) return fail('expired', `The token expired (${error.message})`);
    if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'nbf') {
      return fail('not_yet_valid', 'The token is not valid yet (nbf is in the future)');
    }
    return fail('malformed', `The token cannot be read: ${(error as Error).message}`);
  }
  const parsed = accessTokenClaimsSchema.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail('malformed', `Claim ${issue?.path.join('.') || '?'}: ${issue?.message ?? 'invalid'}`);
  }
  const claims = parsed.data;
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
  return { ok: true, claims, tokenId: tokenFingerprint(token) };
}
