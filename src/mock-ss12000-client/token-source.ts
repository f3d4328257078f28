// Skolverket's own `ss12000-api` tokens for one vendor URL, minted by mock-auth and reused until near expiry.
import type { Clock } from '../clock/clock.js';
import type { AuthService } from '../mock-auth/index.js';

/** Skolverket's organisation number: the `organization_id` of every token the SS12000 client sends (SE2021004185). */
export const SKOLVERKET_ORGANISATION_NUMBER = '2021004185';

/** A token is renewed this long before it runs out, so no call carries one that expires in flight. */
const RENEW_BEFORE_MS = 60_000;

export interface TokenSourceOptions {
  auth: Pick<AuthService, 'issueToken'>;
  clock: Clock;
  /** The vendor's registered base URL: the token's only location. */
  location: string;
  /** The client's own URL (`entity_id`). */
  entityId: string;
}

/**
 * Returns a function giving a valid token: `requested_access: [{type: "ss12000-api", locations: [url]}]`,
 * `organization_id: SE2021004185`, `entity_id` = the client's URL, signed with mock-auth's keys (dnp-facts §4.2).
 */
export function createTokenSource(options: TokenSourceOptions): () => Promise<string> {
  let cached: { value: string; expiresMs: number } | undefined;
  let pending: Promise<string> | undefined;
  return async () => {
    if (cached && options.clock.now() < cached.expiresMs - RENEW_BEFORE_MS) return cached.value;
    pending ??= options.auth
      .issueToken({
        organisationNumber: SKOLVERKET_ORGANISATION_NUMBER,
        entityId: options.entityId,
        access: [{ type: 'ss12000-api', locations: [options.location] }],
        authSource: 'tlsfed',
      })
      .then((token) => {
        cached = { value: token.value, expiresMs: token.claims.exp * 1000 };
        return token.value;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };
}
