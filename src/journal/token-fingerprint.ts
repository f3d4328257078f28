// A short, stable fingerprint of a bearer token, so the journal can tell tokens apart without storing them.
import { createHash } from 'node:crypto';

/** Fingerprints of the tokens seen last: a client sends one token on every call until it renews it. */
const recent = new Map<string, string>();
const RECENT_MAX = 256;
const MEMO_MAX_LENGTH = 4096;

/** First 16 characters of the base64url SHA-256 of the token (remembered for the last few tokens). */
export function tokenFingerprint(token: string): string {
  const known = recent.get(token);
  if (known !== undefined) return known;
  const fingerprint = createHash('sha256').update(token).digest('base64url').slice(0, 16);
  if (token.length <= MEMO_MAX_LENGTH) {
    if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value as string);
    recent.set(token, fingerprint);
  }
  return fingerprint;
}

/** The token in an `Authorization: Bearer …` header, or undefined. */
export function bearerToken(header: string | undefined | null): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}
