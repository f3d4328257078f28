// Client certificates for a huvudman: organisation number in the subject, UTF-8 names, fingerprints for both modes.

import { type CertificateAuthority, issueCertificate } from './certificate-authority.js';
import { certificateThumbprint, spkiPin } from './certificate-fingerprints.js';
import { OID_ORGANIZATION_IDENTIFIER, OID_SERIAL_NUMBER } from './certificate-subject.js';
import { toOrganisationId } from './organisation-number.js';
import type { x509 } from './x509.js';

export interface ClientCertificateOptions {
  /** 10-digit organisation number (already parsed). */
  organisationNumber: string;
  /** Subject CN and O; may contain å, ä, ö (encoded as UTF8String). Default `Testhuvudman <number>`. */
  name?: string;
  /** Validity in days from now (wall time). Default 730. */
  validDays?: number;
  now?: Date;
}

export interface ClientCertificate {
  certPem: string;
  keyPem: string;
  der: Uint8Array;
  /** Base64 SHA-256 of the DER: `client.key["cert#S256"]` for `{"proof":"mtls"}`. */
  thumbprint: string;
  /** Base64 SHA-256 of the SPKI: the TLS-federation pin digest. */
  pin: string;
  subject: string;
}

/**
 * Subject: `C=SE, O=<name>, organizationIdentifier=SE<number>, serialNumber=<number>, CN=<name>`.
 * Names are always UTF8String (Skolverket: certificates with å, ä, ö must be UTF-8 encoded);
 * C and serialNumber are PrintableString as X.520 requires.
 */
export function clientSubject(organisationNumber: string, name: string): x509.JsonNameParams {
  return [
    { C: [{ printableString: 'SE' }] },
    { O: [{ utf8String: name }] },
    { [OID_ORGANIZATION_IDENTIFIER]: [{ utf8String: toOrganisationId(organisationNumber) }] },
    { [OID_SERIAL_NUMBER]: [{ printableString: organisationNumber }] },
    { CN: [{ utf8String: name }] },
  ];
}

/** Issues a client certificate (clientAuth) for a huvudman, signed by `ca`. */
export async function issueClientCertificate(
  ca: CertificateAuthority,
  options: ClientCertificateOptions,
): Promise<ClientCertificate> {
  const name = options.name?.trim() || `Testhuvudman ${options.organisationNumber}`;
  const issued = await issueCertificate(ca, {
    subject: clientSubject(options.organisationNumber, name),
    usage: 'clientAuth',
    validDays: options.validDays ?? 730,
    ...(options.now ? { now: options.now } : {}),
  });
  const der = new Uint8Array(issued.cert.rawData);
  return {
    certPem: issued.certPem,
    keyPem: issued.keyPem,
    der,
    thumbprint: certificateThumbprint(der),
    pin: spkiPin(der),
    subject: issued.cert.subject,
  };
}
