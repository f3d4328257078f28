// The mock's HTTPS server certificate: issued by the dev CA at start-up for localhost and the public host.
import { isIP } from 'node:net';
import {
  type CertificateAuthority,
  type IssuedCertificate,
  issueCertificate,
} from './certificate-authority.js';
import type { x509 } from './x509.js';

/** Hosts every server certificate covers; the host of `--public-url` is added when given. */
export const LOCAL_HOSTS = ['localhost', '127.0.0.1', '::1'] as const;

/** `LOCAL_HOSTS` plus the host of `publicUrl` (brackets of an IPv6 literal removed). */
export function serverHosts(publicUrl?: string): string[] {
  const hosts: string[] = [...LOCAL_HOSTS];
  if (publicUrl) {
    const host = new URL(publicUrl).hostname.replace(/^\[(.*)\]$/, '$1');
    if (host && !hosts.includes(host)) hosts.push(host);
  }
  return hosts;
}

/** A server certificate (valid a year, from wall time) whose SANs name every host in `hosts`. */
export async function issueServerCertificate(
  ca: CertificateAuthority,
  hosts: readonly string[],
): Promise<IssuedCertificate> {
  const altNames: x509.JsonGeneralNames = hosts.map((host) =>
    isIP(host) ? { type: 'ip', value: host } : { type: 'dns', value: host },
  );
  return issueCertificate(ca, {
    subject: [{ O: [{ utf8String: 'provtjanst-mock' }] }, { CN: [{ utf8String: hosts[0] ?? 'localhost' }] }],
    usage: 'serverAuth',
    altNames,
    validDays: 365,
  });
}
