// The dev CAs' certificate revocation lists: an empty CRL at creation, and `certs revoke` adding a serial to it.
import { readFileSync } from 'node:fs';
import { withFileLock, writeFileAtomic } from './atomic-file.js';
import type { CertificateAuthority } from './certificate-authority.js';
import { toPem } from './pem.js';
import { EC_SIGNING_ALGORITHM, x509 } from './x509.js';

/** How long a dev CRL is good for: as long as the dev CA itself, so a quiet state directory never fails closed. */
const CRL_VALID_DAYS = 3650;

export interface RevokedEntry {
  /** Hex serial number. */
  serialNumber: string;
  revokedAt: Date;
}

/** A CRL (PEM) signed by `ca` listing `entries`. */
export async function createCrl(
  ca: CertificateAuthority,
  entries: readonly RevokedEntry[],
  now: Date = new Date(),
): Promise<string> {
  const crl = await x509.X509CrlGenerator.create({
    issuer: ca.cert.subjectName,
    thisUpdate: now,
    nextUpdate: new Date(now.getTime() + CRL_VALID_DAYS * 86_400_000),
    entries: entries.map((entry) => ({
      serialNumber: entry.serialNumber,
      revocationDate: entry.revokedAt,
      reason: x509.X509CrlReason.keyCompromise,
    })),
    signingAlgorithm: EC_SIGNING_ALGORITHM,
    signingKey: ca.privateKey,
  });
  // RFC 7468's label, which openssl reads (the library writes "CRL").
  return toPem(crl.rawData, 'X509 CRL');
}

/** The entries of a CRL file (none when it is missing or unreadable). */
export function readCrlEntries(path: string): RevokedEntry[] {
  try {
    const crl = new x509.X509Crl(readFileSync(path, 'utf8'));
    return crl.entries.map((entry) => ({
      serialNumber: entry.serialNumber,
      revokedAt: entry.revocationDate,
    }));
  } catch {
    return [];
  }
}

/**
 * Adds `serialNumber` to the CRL at `crlPath` (re-signed by `ca`). Returns false when it was listed already.
 */
export async function addToCrl(
  crlPath: string,
  ca: CertificateAuthority,
  serialNumber: string,
  now: Date = new Date(),
): Promise<boolean> {
  return withFileLock(crlPath, async () => {
    const entries = readCrlEntries(crlPath);
    const wanted = serialNumber.toLowerCase().replace(/^0+/, '');
    if (entries.some((entry) => entry.serialNumber.toLowerCase().replace(/^0+/, '') === wanted)) return false;
    entries.push({ serialNumber, revokedAt: now });
    writeFileAtomic(crlPath, await createCrl(ca, entries, now));
    return true;
  });
}
