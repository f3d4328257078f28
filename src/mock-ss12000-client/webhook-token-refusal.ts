// Why the webhook receiver refuses a token, in words that name the cause: a token asked for without `access` above all.
import { decodeJwt } from 'jose';

/** The receiver's refusal: the verifier's code, or `no_access` for a token whose requested_access is empty. */
export interface WebhookTokenRefusal {
  code: string;
  message: string;
}

/** What the README asks a notifier to do, for the finding of a token requested without `access`. */
export const NO_ACCESS_MESSAGE =
  "your notifier asked for a token without `access`; ask for type `ss12000-client` with the client's base URL in `locations`";

/**
 * Refines a `wrong_type` refusal. Skolverket's reference notifier asks nutid-auth for webhook tokens with no
 * `access` at all, and nutid-auth issues them with `requested_access: []` (dnp-facts §6). Skolverket's
 * authentication README says the request must name `ss12000-client` with the client's base URL, so the
 * receiver refuses such a token as it does any other of the wrong type, but says why (the token was already
 * verified; only its claims are read again here).
 */
export function describeTokenRefusal(
  token: string | undefined,
  verdict: WebhookTokenRefusal,
): WebhookTokenRefusal {
  if (verdict.code !== 'wrong_type' || !token) return verdict;
  let requested: unknown;
  try {
    requested = decodeJwt(token).requested_access;
  } catch {
    return verdict;
  }
  return Array.isArray(requested) && requested.length === 0
    ? { code: 'no_access', message: NO_ACCESS_MESSAGE }
    : verdict;
}
