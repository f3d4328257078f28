// Fingerprints of a certificate: cert#S256 (SHA-256 of the DER) and the SPKI pin used by TLS-federation metadata.
import { createHash, X509Certificate } from 'node:crypto';

/** Base64 SHA-256 of the certificate's DER encoding: the value of `client.key["cert#S256"]`. */
export function certificateThumbprint(der: Uint8Array): string {
  return createHash('sha256').update(der).digest('base64');
}

/** Base64 SHA-256 of the certificate's SubjectPublicKeyInfo: a TLS-federation pin `digest`. */
export function spkiPin(der: Uint8Array): string {
  const spki = new X509Certificate(der).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

/** Normalises base64 or base64url, padded or not, to unpadded standard base64 for comparison. */
export function normaliseBase64(value: string): string {
  return value.trim().replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
}

/**
 * True when two digests are the same bytes, whichever base64 flavour each uses. Sunet's auth server moved
 * from base64 to RFC 8705's base64url for cert#S256, and accepts both; so does the mock.
 */
export function sameDigest(a: string, b: string): boolean {
  return normaliseBase64(a) === normaliseBase64(b);
}
