// A short, stable fingerprint of a bearer token, so the journal can tell tokens apart without storing them.
import { createHash } from 'node:crypto';

/** First 16 characters of the base64url SHA-256 of the token. */
export function tokenFingerprint(token: string): string {
  return createHash('sha256').update(token).digest('base64url').slice(0, 16);
}

/** The token in an `Authorization: Bearer …` header, or undefined. */
export function bearerToken(header: string | undefined | null): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}
