// The access token's vocabulary: access types, the claim set, issue requests and verification results.
import { z } from 'zod';

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
  /** 10 digits (an `SE` prefix or a dash are tolerated). */
  organisationNumber: string;
  entityId: string;
  access: { type: AccessType; locations: string[] }[];
  authSource: AuthSource;
  /** The `source` claim; defaults per auth source. */
  source?: string;
  /** Seconds; default `settings.tokenLifetime`. */
  lifetimeSeconds?: number;
  /** Extra claims (e.g. `common_name` for certificate clients); never override the standard ones. */
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
  claims: AccessTokenClaims;
  /** What `expires_in` says: the lifetime, even when a fault made the token expired already. */
  expiresIn: number;
  access: AccessGrant[];
  faults: TokenFault[];
}

export const accessTokenClaimsSchema = z.looseObject({
  aud: z.union([z.string(), z.array(z.string())]),
  auth_source: z.string(),
  entity_id: z.string().optional(),
  exp: z.number(),
  iat: z.number(),
  iss: z.string(),
  nbf: z.number(),
  organization_id: z.string().regex(/^SE\d{10}$/, 'organization_id must be SE + 10 digits'),
  requested_access: z.array(z.looseObject({ type: z.string(), locations: z.array(z.string()).default([]) })),
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
