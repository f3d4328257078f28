// Runs nutid-auth's flows in the configured order: each moves on, stops with an error, or approves the client.
import type { AuthSource } from './access-token.js';
import type { AuthErrorReason, AuthFailure } from './auth-errors.js';
import type { FederationSnapshot } from './federation-store.js';
import type { TlsPeer } from './peer-certificate.js';
import type { AuthFlowName } from './settings.js';
import type { TransactionRequest } from './transaction-request.js';
import type { TrustedCa } from './trusted-cas.js';

/** Who the client is, as far as the token goes. */
export interface ClientIdentity {
  authSource: AuthSource;
  /** The `source` claim (omitted when the flow has none). */
  source?: string;
  /** Federation and insecure-dev tokens only: nutid-auth's CA tokens have no entity_id. */
  entityId?: string;
  /** The `organization_id` claim as the flow found it (verbatim); omitted when none was found. */
  organizationId?: string;
  /** `common_name`, `organization_name`, `country_code` (CA tokens). */
  extraClaims?: Record<string, string>;
}

export interface FlowContext {
  request: TransactionRequest;
  peer: TlsPeer;
  federation(): Promise<FederationSnapshot>;
  trustedCas(): readonly TrustedCa[];
  /** The mock's clock, in ms. */
  nowMs: number;
  /**
   * Wall time: certificate validity, CRLs and metadata iat/exp. Tools (`certs issue`, openssl, a federation)
   * make them on wall time, as TLS stacks check them, so they are checked on it too.
   */
  wallNow: Date;
  caOrgIdMandatory: boolean;
}

export type FlowOutcome =
  | { kind: 'next'; reason: AuthErrorReason; hint: string }
  | { kind: 'stop'; failure: AuthFailure }
  /** nutid-auth raises an unhandled error: plain-text 500. */
  | { kind: 'crash'; why: string }
  | { kind: 'approved'; identity: ClientIdentity };

export type Flow = (context: FlowContext) => Promise<FlowOutcome>;

export type MoveOn = Extract<FlowOutcome, { kind: 'next' }>;

export const next = (reason: AuthErrorReason, hint: string): MoveOn => ({ kind: 'next', reason, hint });

/**
 * How far a request got before a flow sent it on: the deepest reason is reported (as `reason`, next to
 * nutid-auth's fixed "permission denied"), so the answer names the check that failed.
 */
const DEPTH: readonly AuthErrorReason[] = [
  'client_by_reference',
  'key_form_not_accepted',
  'unsupported_proof',
  'https_required',
  'no_client_certificate',
  'unparseable_certificate',
  'federation_metadata_unusable',
  'federation_metadata_expired',
  'unknown_entity',
  'missing_thumbprint',
  'thumbprint_mismatch',
  'certificate_not_listed',
  'unknown_ca',
  'multiple_access_tokens',
];

export type FlowsResult =
  | { kind: 'approved'; identity: ClientIdentity; flow: AuthFlowName | 'insecure-dev' }
  | { kind: 'refused'; failure: AuthFailure }
  | { kind: 'crash'; why: string };

/**
 * Runs `flows` in order (nutid-auth.md §2.2). A flow that approves the client then handles the access
 * token request: none at all is nutid-auth's IndexError (500); two or more send the request on to the next
 * flow; a request without the `bearer` flag is refused at once (400).
 */
export async function runFlows(
  flows: readonly { name: AuthFlowName | 'insecure-dev'; run: Flow }[],
  context: FlowContext,
): Promise<FlowsResult> {
  let deepest: MoveOn | undefined;
  const moveOn = (outcome: MoveOn) => {
    if (!deepest || DEPTH.indexOf(outcome.reason) > DEPTH.indexOf(deepest.reason)) deepest = outcome;
  };
  for (const flow of flows) {
    const outcome = await flow.run(context);
    if (outcome.kind === 'next') {
      moveOn(outcome);
      continue;
    }
    if (outcome.kind === 'stop') return { kind: 'refused', failure: outcome.failure };
    if (outcome.kind === 'crash') return outcome;
    const tokens = context.request.accessTokens;
    if (tokens.length === 0)
      return { kind: 'crash', why: 'access_token is an empty list (nutid-auth: IndexError)' };
    if (tokens.length > 1) {
      moveOn(
        next('multiple_access_tokens', 'Ask for one access token per request; nutid-auth supports only one'),
      );
      continue;
    }
    if (!tokens[0]?.flags?.includes('bearer')) {
      return {
        kind: 'refused',
        failure: {
          reason: 'bearer_flag_required',
          hint: 'Send "flags":["bearer"] in the access token request, as Skolverket\'s README shows',
        },
      };
    }
    return { kind: 'approved', identity: outcome.identity, flow: flow.name };
  }
  return {
    kind: 'refused',
    failure: deepest
      ? { reason: deepest.reason, hint: deepest.hint }
      : { reason: 'key_form_not_accepted', hint: 'No configured flow accepts this request' },
  };
}
