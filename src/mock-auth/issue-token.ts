// Builds and signs an access token: the real claim set, ES256 with a kid, and the expired and not-yet-valid faults.
import type { webcrypto } from 'node:crypto';
import { SignJWT } from 'jose';
import {
  ACCESS_TYPES,
  type AccessGrant,
  type AccessTokenClaims,
  AUTH_SOURCE_CLAIM,
  type IssueTokenRequest,
} from './access-token.js';
import { parseOrganisationNumber, toOrganisationId } from './organisation-number.js';

/** `aud` of every token: what Skolverket's verification test environment says ("nutid" in production). */
export const TOKEN_AUDIENCE = 'nutid test';

/** Default `source` claim per auth source (tlsfed tokens use the federation's source instead). */
const DEFAULT_SOURCE = {
  tlsfed: 'provtjanst-mock-federation',
  mtls: 'provtjanst-mock-approved-ca',
  'insecure-dev': 'provtjanst-mock-insecure-dev',
} as const;

/** Where a `wrong-location`-fault token says it is for: an API no receiver is. */
export const WRONG_LOCATION_FAULT_URL = 'https://another-api.provtjanst-mock.invalid/api/v1';

/** The organisation a `wrong-organisation`-fault token names: another huvudman than the client's. */
export function otherOrganisationNumber(organisationNumber: string | undefined): string {
  return organisationNumber === '5565594230' ? '5560000167' : '5565594230';
}

/** How far in the past an `expired`-fault token ran out. */
export const EXPIRED_FAULT_AGO_SECONDS = 60;

/** How far ahead a `not-yet-valid`-fault token's validity (`iat` = `nbf`) begins. */
export const NOT_YET_VALID_FAULT_AHEAD_SECONDS = 3_600;

export interface SignContext {
  kid: string;
  privateKey: webcrypto.CryptoKey;
  issuer: string;
  /** Clock time in milliseconds. */
  nowMs: number;
  defaultLifetimeSeconds: number;
}

/** Checks an issue request the way a programmer's mistake should be caught: by throwing TypeError. */
export function normaliseIssueRequest(request: IssueTokenRequest): {
  organisationNumber: string;
  access: AccessGrant[];
} {
  const organisationNumber = parseOrganisationNumber(request.organisationNumber);
  if (!organisationNumber)
    throw new TypeError(`issueToken: "${request.organisationNumber}" is not a 10-digit organisation number`);
  if (!request.access.length) throw new TypeError('issueToken: access must name at least one type');
  const access = request.access.map(({ type, locations }) => {
    if (!(ACCESS_TYPES as readonly string[]).includes(type))
      throw new TypeError(`issueToken: unknown access type "${type}"`);
    return { type, locations: [...locations] };
  });
  if (
    request.lifetimeSeconds !== undefined &&
    !(Number.isInteger(request.lifetimeSeconds) && request.lifetimeSeconds > 0)
  ) {
    throw new TypeError('issueToken: lifetimeSeconds must be a positive integer');
  }
  if (request.faults?.includes('expired') && request.faults.includes('not-yet-valid'))
    throw new TypeError('issueToken: the expired and not-yet-valid faults exclude each other');
  return { organisationNumber, access };
}

/**
 * Signs a token with header `{alg: "ES256", kid, typ: "JWT"}` and the claims of dnp-facts §1.
 * With the `expired` fault the token ran out a minute ago (its lifetime unchanged), so a client that
 * trusts `expires_in` instead of verifying the JWT (checklist step 6.2) is caught. With the
 * `not-yet-valid` fault the whole validity window starts an hour ahead: `iat` and `nbf` both lie in the
 * future and `exp` is a lifetime after them. That is what a real not-yet-valid token looks like — nutid-auth
 * writes `nbf` = `iat`, so such a token comes from an issuer whose clock runs ahead — and a receiver that
 * checks `nbf` answers `not_yet_valid`.
 */
export async function signAccessToken(
  request: IssueTokenRequest,
  context: SignContext,
): Promise<{ value: string; claims: AccessTokenClaims; access: AccessGrant[]; lifetimeSeconds: number }> {
  const { organisationNumber, access } = normaliseIssueRequest(request);
  const lifetimeSeconds = request.lifetimeSeconds ?? context.defaultLifetimeSeconds;
  const now = Math.floor(context.nowMs / 1000);
  const expired = request.faults?.includes('expired') ?? false;
  const notYetValid = request.faults?.includes('not-yet-valid') ?? false;
  const iat = expired
    ? now - EXPIRED_FAULT_AGO_SECONDS - lifetimeSeconds
    : notYetValid
      ? now + NOT_YET_VALID_FAULT_AHEAD_SECONDS
      : now;
  const exp = iat + lifetimeSeconds;
  const tokenOrganisation = request.faults?.includes('wrong-organisation')
    ? otherOrganisationNumber(organisationNumber)
    : organisationNumber;
  const tokenAccess = request.faults?.includes('wrong-location')
    ? access.map((grant) => ({ ...grant, locations: [WRONG_LOCATION_FAULT_URL] }))
    : access;
  const claims: AccessTokenClaims = {
    ...request.extraClaims,
    aud: TOKEN_AUDIENCE,
    auth_source: AUTH_SOURCE_CLAIM[request.authSource],
    entity_id: request.entityId,
    exp,
    iat,
    iss: context.issuer,
    nbf: iat,
    organization_id: toOrganisationId(tokenOrganisation),
    requested_access: tokenAccess,
    source: request.source ?? DEFAULT_SOURCE[request.authSource],
    version: 1,
  };
  const value = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: context.kid, typ: 'JWT' })
    .sign(context.privateKey);
  return { value, claims, access, lifetimeSeconds };
}
