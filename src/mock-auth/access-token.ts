// The access token's vocabulary: access types, the claim set, issue requests and verification results.
import { z } from 'zod';
import type { RequestedAccess } from './transaction-request.js';

/** The three kinds of access Skolverket's authorization server grants (dnp-facts §1). */
export const ACCESS_TYPES = ['provisioning-api', 'ss12000-client', 'ss12000-api'] as const;
export type AccessType = (typeof ACCESS_TYPES)[number];

/** One entry of `access` / `requested_access`: a type and the base URLs of the API it is for. */
export type AccessGrant = {
  type: AccessType;
  locations: string[];
};

/**
 * How the client was identified: a TLS-federation entity (pin), a certificate from an approved CA
 * (cert#S256), or `--insecure-dev-auth` without any certificate.
 */
export type AuthSource = 'tlsfed' | 'mtls' | 'insecure-dev';

/**
 * The `auth_source` claim for each way. Sunet's auth server (nutid-auth) writes `tlsfed` for federation
 * clients and `ca` for certificates from an approved CA; the mock does the same.
 */
export const AUTH_SOURCE_CLAIM: Record<AuthSource, string> = {
  tlsfed: 'tlsfed',
  mtls: 'ca',
  'insecure-dev': 'insecure-dev',
};

/**
 * Deliberate defects a token can be issued with (fault knobs, and for other capabilities' scenarios). Each
 * yields a token a correct receiver or client must refuse: `expired` (ran out before it was issued),
 * `not-yet-valid` (validity starts an hour ahead), `wrong-location` (requested_access names another API),
 * `wrong-organisation` (organization_id names another huvudman), `unknown-kid` (a kid not in the JWKS) and
 * `bad-signature` (a published kid, but signed by another key).
 */
export const TOKEN_FAULTS = [
  'expired',
  'not-yet-valid',
  'wrong-location',
  'wrong-organisation',
  'unknown-kid',
  'bad-signature',
] as const;
export type TokenFault = (typeof TOKEN_FAULTS)[number];

export interface IssueTokenRequest {
  /** 10 digits (an `SE` prefix or a dash are tolerated); the claim becomes `SE<number>`. */
  organisationNumber?: string;
  /** The `organization_id` claim verbatim (what /transaction's flows found); wins over `organisationNumber`. */
  organizationId?: string;
  /** Federation tokens; nutid-auth's CA tokens have none. */
  entityId?: string;
  /** For in-process callers: known types only, each with locations. */
  access?: { type: AccessType; locations: string[] }[];
  /** For /transaction: the access as nutid-auth parsed it (any type, strings allowed, maybe empty). Wins over `access`. */
  requestedAccess?: RequestedAccess[];
  authSource: AuthSource;
  /** The `source` claim; defaults per auth source. */
  source?: string;
  /** Seconds; default `settings.tokenLifetime`. */
  lifetimeSeconds?: number;
  /** Extra claims (`common_name`, `organization_name`, `country_code` of CA clients); never override the standard ones. */
  extraClaims?: Readonly<Record<string, string>>;
  faults?: readonly TokenFault[];
  /** For the issued-token log: `transaction` when minted by POST /transaction. Default `direct`. */
  via?: 'transaction' | 'direct';
  requestId?: string;
}

export interface IssuedToken {
  /** The compact JWT. */
  value: string;
  /** Fingerprint of the JWT (the journal's tokenId). */
  tokenId: string;
  kid: string;
  claims: IssuedClaims;
  /** What `expires_in` says: the lifetime, even when a fault made the token expired already. */
  expiresIn: number;
  /** The access the token was asked for (the response's `access`); faults never change it. */
  access: RequestedAccess[];
  faults: TokenFault[];
}

/** The claims of a token as issued: nutid-auth's set, where organization_id and entity_id may be absent. */
export interface IssuedClaims {
  aud: string;
  auth_source: string;
  entity_id?: string;
  exp: number;
  iat: number;
  iss: string;
  nbf: number;
  organization_id?: string;
  requested_access: RequestedAccess[];
  source?: string;
  version: number;
  [extra: string]: unknown;
}

/** What a receiver demands of a token: an organisation (SE + 10 digits) and object access entries. */
export const accessTokenClaimsSchema = z.looseObject({
  aud: z.union([z.string(), z.array(z.string())]),
  auth_source: z.string(),
  entity_id: z.string().optional(),
  exp: z.number(),
  iat: z.number(),
  iss: z.string(),
  nbf: z.number(),
  organization_id: z.string().regex(/^SE\d{10}$/, 'organization_id must be SE + 10 digits'),
  // nutid-auth allows bare strings in requested_access; they grant nothing a receiver checks, so they are dropped.
  requested_access: z
    .array(
      z.union([z.string(), z.looseObject({ type: z.string(), locations: z.array(z.string()).default([]) })]),
    )
    .transform((entries) => entries.filter((entry) => typeof entry !== 'string')),
  source: z.string().optional(),
  version: z.number(),
});

/** The JWT claim set, as Skolverket's real tokens carry it (dnp-facts §1). */
export type AccessTokenClaims = z.output<typeof accessTokenClaimsSchema>;

export type TokenErrorCode =
  | 'malformed'
  | 'bad_signature'
  | 'unknown_kid'
  | 'expired'
  | 'not_yet_valid'
  | 'wrong_type'
  | 'wrong_location'
  | 'wrong_organisation'
  | 'missing';

export type VerifyResult =
  | { ok: true; claims: AccessTokenClaims; tokenId: string }
  | { ok: false; code: TokenErrorCode; message: string };

export interface VerifyExpectation {
  type: AccessType;
  /** The receiver's own base URL(s); one must appear in the matching `requested_access` entry. */
  location: string | readonly string[];
  /** `SE…` or 10 digits; when given, `organization_id` must name it. */
  organisationId?: string;
}
