// Fingerprints of a certificate: cert#S256 (SHA-256 of the DER) in nutid-auth's two encodings, and the SPKI pin.
import { createHash, X509Certificate } from 'node:crypto';

/**
 * Standard base64 (padded) SHA-256 of the certificate's DER: the `cert#S256` Skolverket's README computes
 * with openssl, which nutid-auth still accepts as its legacy form.
 */
export function certificateThumbprint(der: Uint8Array): string {
  return createHash('sha256').update(der).digest('base64');
}

/** RFC 8705 `x5t#S256`: base64url without padding, nutid-auth's canonical form since 2026-05-06. */
export function certificateThumbprintBase64url(der: Uint8Array): string {
  return createHash('sha256').update(der).digest('base64url');
}

/**
 * True when `given` is the certificate's thumbprint in exactly one of nutid-auth's two accepted encodings:
 * base64url without padding, or standard base64 with padding. No trimming, no other variant.
 */
export function thumbprintMatches(given: string, der: Uint8Array): boolean {
  return given === certificateThumbprintBase64url(der) || given === certificateThumbprint(der);
}

/** Base64 SHA-256 of the certificate's SubjectPublicKeyInfo: a TLS-federation pin `digest`. */
export function spkiPin(der: Uint8Array): string {
  const spki = new X509Certificate(der).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}
