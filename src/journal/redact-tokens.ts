// Replaces every JWT-shaped string in a recorded text by its fingerprint, so no token is kept in clear.
import { tokenFingerprint } from './token-fingerprint.js';

/**
 * A compact JWS or JWE (`eyJ…` header, two to five dot-separated base64url parts). One dot is enough, so
 * a token cut by the body cap is caught too.
 */
const JWT_SHAPED = /eyJ[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*){1,4}/g;

/** The marker that stands where a token was: its fingerprint in brackets, as in `Bearer [fingerprint]`. */
export function tokenMarker(token: string): string {
  return `[${tokenFingerprint(token)}]`;
}

/**
 * `text` with each JWT replaced by `[fingerprint]` (the journal's `tokenId` of the same token).
 * Text without `eyJ` is returned as it is, without a regex pass.
 * @example redactTokens('{"access_token":{"value":"eyJhbGciOi….eyJzdWIi….sig"}}') // '{"access_token":{"value":"[Xy3…]"}}'
 */
export function redactTokens(text: string): string {
  if (!text.includes('eyJ')) return text;
  return text.replace(JWT_SHAPED, tokenMarker);
}
