// Synchronous ES256 verification of a compact JWS with node:crypto: the request hot path (jose's WebCrypto verify runs on the thread pool).
import { KeyObject, verify, type webcrypto } from 'node:crypto';

export type Es256JwsResult =
  | { ok: true; payload: Record<string, unknown> }
  | { ok: false; code: 'malformed' | 'bad_signature'; message: string };

const BASE64URL = /^[A-Za-z0-9_-]*$/;
const keyObjects = new WeakMap<webcrypto.CryptoKey, KeyObject>();

/** node:crypto's view of a WebCrypto key, converted once per key. */
function keyObjectOf(key: webcrypto.CryptoKey): KeyObject {
  let object = keyObjects.get(key);
  if (!object) {
    object = KeyObject.from(key);
    keyObjects.set(key, object);
  }
  return object;
}

/**
 * Checks the signature of `token` (header.payload.signature; the header already read and its alg ES256)
 * with `publicKey`, then decodes the payload, which must be a JSON object. As jose does: the signature is
 * the 64-byte r‖s form over the ASCII `header.payload`; a `crit` header is not supported; parts must be
 * strict base64url. Time claims are the caller's: they are re-checked on every use.
 */
export function verifyEs256Jws(token: string, publicKey: webcrypto.CryptoKey): Es256JwsResult {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, code: 'malformed', message: 'Invalid Compact JWS' };
  const [header, payload, signature] = parts as [string, string, string];
  if (!BASE64URL.test(payload) || !BASE64URL.test(signature)) {
    return { ok: false, code: 'malformed', message: 'The token is not base64url' };
  }
  const signed = verify(
    'sha256',
    Buffer.from(`${header}.${payload}`, 'ascii'),
    { key: keyObjectOf(publicKey), dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  if (!signed) return { ok: false, code: 'bad_signature', message: 'The signature does not verify' };
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, code: 'malformed', message: 'The token payload is not JSON' };
  }
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
    return { ok: false, code: 'malformed', message: 'JWT Claims Set must be a top-level JSON object' };
  }
  return { ok: true, payload: claims as Record<string, unknown> };
}
