// PEM encoding of keys and certificates, and reading a PEM bundle back into DER blocks.
import { webcrypto } from 'node:crypto';

/** Wraps DER bytes in PEM armour with 64-character lines. */
export function toPem(der: ArrayBuffer | Uint8Array, label: string): string {
  const base64 = Buffer.from(der instanceof ArrayBuffer ? new Uint8Array(der) : der).toString('base64');
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** Every PEM block with the given label in `text`, as DER. */
export function pemBlocks(text: string, label = 'CERTIFICATE'): Buffer[] {
  const pattern = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`, 'g');
  return [...text.matchAll(pattern)].map((match) =>
    Buffer.from((match[1] ?? '').replace(/\s+/g, ''), 'base64'),
  );
}

/** A private key as PKCS#8 PEM (`BEGIN PRIVATE KEY`), the form Node's tls and curl accept. */
export async function exportPkcs8Pem(key: webcrypto.CryptoKey): Promise<string> {
  return toPem(await webcrypto.subtle.exportKey('pkcs8', key), 'PRIVATE KEY');
}

/** Imports a PKCS#8 PEM EC P-256 private key for signing. */
export async function importPkcs8Pem(pem: string): Promise<webcrypto.CryptoKey> {
  const der = pemBlocks(pem, 'PRIVATE KEY')[0];
  if (!der) throw new TypeError('No "BEGIN PRIVATE KEY" block found');
  return webcrypto.subtle.importKey('pkcs8', der, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']);
}
