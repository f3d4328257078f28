// Builds and signs an access token as nutid-auth does: header {alg, kid}, its claim set with sorted keys, and the token faults.
import type { webcrypto } from 'node:crypto';
import { SignJWT } from 'jose';
import {
  ACCESS_TYPES,
  AUTH_SOURCE_CLAIM,
  type IssuedClaims,
  type IssueTokenRequest,
} from './access-token.js';
import { parseOrganisationNumber, toOrganisationId } from './organisation-number.js';
import type { RequestedAccess } from './transaction-request.js';

/** `aud` of every token: what Skolverket's verification test environment says ("nutid" in production). */
export const TOKEN_AUDIENCE = 'nutid test';

/** Default `source` claim per auth source, for in-process tokens that name none. */
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
  organizationId?: string;
  organisationNumber?: string;
  access: RequestedAccess[];
} {
  let organisationNumber: string | undefined;
  if (request.organisationNumber !== undefined) {
    organisationNumber = parseOrganisationNumber(request.organisationNumber);
    if (!organisationNumber)
      throw new TypeError(
        `issueToken: "${request.organisationNumber}" is not a 10-digit organisation number`,
      );
  }
  let access: RequestedAccess[];
  if (request.requestedAccess) access = structuredClone(request.requestedAccess);
  else {
    if (!request.access?.length) throw new TypeError('issueToken: access must name at least one type');
    access = request.access.map(({ type, locations }) => {
      if (!(ACCESS_TYPES as readonly string[]).includes(type))
        throw new TypeError(`issueToken: unknown access type "${type}"`);
      return { type, locations: [...locations] };
    });
  }
  if (
    request.lifetimeSeconds !== undefined &&
    !(Number.isInteger(request.lifetimeSeconds) && request.lifetimeSeconds > 0)
  ) {
    throw new TypeError('issueToken: lifetimeSeconds must be a positive integer');
  }
  if (request.faults?.includes('expired') && request.faults.includes('not-yet-valid'))
    throw new TypeError('issueToken: the expired and not-yet-valid faults exclude each other');
  const organizationId =
    request.organizationId ?? (organisationNumber ? toOrganisationId(organisationNumber) : undefined);
  return {
    access,
    ...(organizationId !== undefined ? { organizationId } : {}),
    ...(organisationNumber !== undefined ? { organisationNumber } : {}),
  };
}

/** Sorts object keys at every level, as nutid-auth (jwcrypto, `sort_keys=True`) serialises header and claims. */
function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortKeys) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, member]) => member !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, member]) => [key, sortKeys(member)]),
    ) as T;
  }
  return value;
}

/**
 * Signs a token with header exactly `{alg: "ES256", kid}` and nutid-auth's claims (nutid-auth.md §4), keys
 * sorted. With the `expired` fault the token ran out a minute ago (its lifetime unchanged), so a client that
 * trusts `expires_in` instead of verifying the JWT (checklist step 6.2) is caught. With the
 * `not-yet-valid` fault the whole validity window starts an hour ahead: `iat` and `nbf` both lie in the
 * future and `exp` is a lifetime after them, what an issuer whose clock runs fast would send.
 * `wrong-location` and `wrong-organisation` put another API or huvudman into the claims.
 */
export async function signAccessToken(
  request: IssueTokenRequest,
  context: SignContext,
): Promise<{ value: string; claims: IssuedClaims; access: RequestedAccess[]; lifetimeSeconds: number }> {
  const { organizationId, organisationNumber, access } = normaliseIssueRequest(request);
  const lifetimeSeconds = request.lifetimeSeconds ?? context.defaultLifetimeSeconds;
  const now = Math.floor(context.nowMs / 1000);
  const faults = request.faults ?? [];
  const iat = faults.includes('expired')
    ? now - EXPIRED_FAULT_AGO_SECONDS - lifetimeSeconds
    : faults.includes('not-yet-valid')
      ? now + NOT_YET_VALID_FAULT_AHEAD_SECONDS
      : now;
  const exp = iat + lifetimeSeconds;
  const tokenOrganisation = faults.includes('wrong-organisation')
    ? toOrganisationId(
        otherOrganisationNumber(organisationNumber ?? parseOrganisationNumber(organizationId ?? '')),
      )
    : organizationId;
  const tokenAccess = faults.includes('wrong-location')
    ? access.map((grant) =>
        typeof grant === 'string' ? grant : { ...grant, locations: [WRONG_LOCATION_FAULT_URL] },
      )
    : access;
  const claims: IssuedClaims = sortKeys({
    ...request.extraClaims,
    aud: TOKEN_AUDIENCE,
    auth_source: AUTH_SOURCE_CLAIM[request.authSource],
    ...(request.entityId !== undefined ? { entity_id: request.entityId } : {}),
    exp,
    iat,
    iss: context.issuer,
    nbf: iat,
    ...(tokenOrganisation !== undefined ? { organization_id: tokenOrganisation } : {}),
    requested_access: tokenAccess,
    source: request.source ?? DEFAULT_SOURCE[request.authSource],
    version: 1,
  });
  const value = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: context.kid })
    .sign(context.privateKey);
  return { value, claims, access, lifetimeSeconds };
}
