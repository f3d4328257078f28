// Checks the bearer JWT of every Provisioning API call (type provisioning-api, this API's location) and finds the organisation.
import type { Context, MiddlewareHandler } from 'hono';
import type { Clock } from '../clock/clock.js';
import { bearerToken } from '../journal/token-fingerprint.js';
import type { AuthService } from '../mock-auth/auth-service.js';
import { sendLogEntry } from './log-entry-response.js';
import type { ProvisioningEnv } from './provisioning-env.js';

/** What this API needs from mock-auth: token verification only. */
export type TokenVerifier = Pick<AuthService, 'verifyAccessToken'>;

export interface AuthMiddlewareOptions {
  verifier: TokenVerifier;
  clock: Clock;
  /** Every base URL naming this API (`acceptedBaseUrls(urls, 'provisioning')`). */
  locations: string[];
}

/** `403 [5002]` unless the token is valid for this API; the reason is noted in the journal, never sent. */
export function authMiddleware(options: AuthMiddlewareOptions): MiddlewareHandler<ProvisioningEnv> {
  const expected = { type: 'provisioning-api', location: options.locations } as const;
  const refuse = (c: Context<ProvisioningEnv>, reason: string) => {
    const annotations = c.get('journal');
    if (annotations) annotations.notes = { ...annotations.notes, authFailure: reason };
    return sendLogEntry(c, 5002, {}, options.clock.now());
  };
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    if (!token) return refuse(c, 'missing_bearer_token');
    const result = await options.verifier.verifyAccessToken(token, expected);
    if (!result.ok) return refuse(c, `${result.code}: ${result.message}`);
    // verifyAccessToken has validated the claims: organization_id is SE + 10 digits.
    const organisationId = result.claims.organization_id;
    const annotations = c.get('journal');
    if (annotations) {
      annotations.organisationId = organisationId;
      annotations.tokenId = result.tokenId;
    }
    c.set('organisationId', organisationId);
    return next();
  };
}
