// The token faults a scenario can serve, and the check of Skolverket's step 6.2 each one proves missing.
import type { IssuedTokenRecord } from './evidence.js';

/** What a client that used a token with this fault failed to check (mock-auth's TokenFault names). */
export const TOKEN_FAULT_CHECKS: Readonly<Record<string, string>> = {
  expired: 'it was already expired when issued (exp)',
  'not-yet-valid': 'it was not valid yet (nbf)',
  'wrong-location': 'its requested_access names another API, not this Provisioning API (locations)',
  'wrong-organisation': 'its organization_id is another huvudman than the certificate names',
  'unknown-kid': 'its kid is not in /.well-known/jwks.json',
  'bad-signature': 'its kid is in the JWKS but its signature does not verify with that key',
};

/** True when the mock issued the token with a fault a verifying client refuses. */
export function isRefusable(token: IssuedTokenRecord): boolean {
  return token.faults.length > 0;
}

/** `expired, not-yet-valid` → what each means, joined for a finding. */
export function describeFaults(faults: readonly string[]): string {
  return faults.map((f) => TOKEN_FAULT_CHECKS[f] ?? f).join('; ');
}
