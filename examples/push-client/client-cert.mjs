// Facts from the client certificate: its cert#S256 thumbprint and the organisation number in its subject.
import { createHash, X509Certificate } from 'node:crypto';

/**
 * Base64 SHA-256 of the certificate's DER: the `cert#S256` the GNAP request names (dnp-facts §1).
 * A PEM holding a chain is fine: the first certificate is the client's.
 *
 * @param {string} certPem
 */
export function certificateThumbprint(certPem) {
  return createHash('sha256').update(new X509Certificate(certPem).raw).digest('base64');
}

/**
 * `SE5567044268`, `556704-4268`, `5567044268`, with the forms of Skolverket's three CAs: ExpiTrust's `16`
 * prefix, SITHS's `SE…-suffix`, EFOS's `EFOS16…-suffix`.
 */
const ORGANISATION_NUMBER =
  /^(?:NTR)?(?:EFOS)?(?:SE)?-?(?:16(?=\d{6}-?\d{4}))?(\d{6})-?(\d{4})(?:-[A-Za-z0-9]+)?$/i;

/**
 * The huvudman's organisation id (`SE` + 10 digits) from the subject's organizationIdentifier or serialNumber,
 * or undefined when the certificate carries none (then the TLS-federation metadata names the huvudman).
 *
 * @param {string} certPem
 * @returns {string | undefined}
 */
export function organisationIdOf(certPem) {
  const subject = new X509Certificate(certPem).subject;
  for (const field of ['organizationIdentifier', '2.5.4.97', 'serialNumber']) {
    for (const line of subject.split('\n')) {
      const [name, ...rest] = line.split('=');
      if (name?.trim() !== field) continue;
      const match = ORGANISATION_NUMBER.exec(rest.join('=').trim());
      if (match) return `SE${match[1]}${match[2]}`;
    }
  }
  return undefined;
}
