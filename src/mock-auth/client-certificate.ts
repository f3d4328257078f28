// Client certificates for a huvudman, shaped like each real CA's (ExpiTrust, SITHS, EFOS): subject, EKU, fingerprints.

import { CA_PROFILE_SPECS, type CaProfile, DEFAULT_CA_PROFILE } from './ca-profiles.js';
import { type CertificateAuthority, issueCertificate } from './certificate-authority.js';
import { certificateThumbprint, spkiPin } from './certificate-fingerprints.js';
import { OID_SERIAL_NUMBER } from './certificate-subject.js';
import type { x509 } from './x509.js';

export interface ClientCertificateOptions {
  /** 10-digit organisation number (already parsed). */
  organisationNumber: string;
  /** Subject CN and O; may contain å, ä, ö (encoded as UTF8String). Default `Testhuvudman <number>`. */
  name?: string;
  /** Which real CA's certificates to imitate (subject serialNumber form). Default `expitrust`. */
  profile?: CaProfile;
  /** Validity in days from `now` (wall time). Default 730. */
  validDays?: number;
  now?: Date;
  /** Extended key usage clientAuth (default true; SITHS certificates without it get no organisation id). */
  clientAuth?: boolean;
  /** Subject C; default `SE`. `null` leaves it out (nutid-auth then writes `None…` as organisation id). */
  country?: string | null;
  /** The subject serialNumber as is, instead of the profile's form (tests of odd certificates). */
  serialNumber?: string;
}

export interface ClientCertificate {
  certPem: string;
  keyPem: string;
  der: Uint8Array;
  /** cert#S256 as Skolverket's README computes it: standard base64 with padding (nutid-auth's legacy form). */
  thumbprint: string;
  /** cert#S256 in RFC 8705's form, base64url without padding (nutid-auth's canonical form). */
  thumbprintBase64url: string;
  /** Base64 SHA-256 of the SPKI: the TLS-federation pin digest. */
  pin: string;
  subject: string;
  /** Hex serial number (what `certs revoke` names). */
  serialNumber: string;
  profile: CaProfile;
}

/**
 * Subject `C=SE, O=<name>, serialNumber=<form of the profile>, CN=<name>`: ExpiTrust `16<number>`, SITHS
 * `SE<number>-<HSA suffix>`, EFOS `EFOS16<number>-<6 digits>`. Names are UTF8String (Skolverket: certificates
 * with å, ä, ö must be UTF-8 encoded); C and serialNumber are PrintableString as X.520 requires.
 */
export function clientSubject(
  serialNumber: string,
  name: string,
  country: string | null = 'SE',
): x509.JsonNameParams {
  return [
    ...(country === null ? [] : [{ C: [{ printableString: country }] }]),
    { O: [{ utf8String: name }] },
    { [OID_SERIAL_NUMBER]: [{ printableString: serialNumber }] },
    { CN: [{ utf8String: name }] },
  ];
}

/** Issues a client certificate for a huvudman, signed by `ca` (the dev CA of the profile, or any CA in tests). */
export async function issueClientCertificate(
  ca: CertificateAuthority,
  options: ClientCertificateOptions,
): Promise<ClientCertificate> {
  const name = options.name?.trim() || `Testhuvudman ${options.organisationNumber}`;
  const profile = options.profile ?? DEFAULT_CA_PROFILE;
  const serialNumber =
    options.serialNumber ?? CA_PROFILE_SPECS[profile].subjectSerialNumber(options.organisationNumber);
  const issued = await issueCertificate(ca, {
    subject: clientSubject(serialNumber, name, options.country === undefined ? 'SE' : options.country),
    usage: options.clientAuth === false ? 'none' : 'clientAuth',
    validDays: options.validDays ?? 730,
    ...(options.now ? { now: options.now } : {}),
  });
  const der = new Uint8Array(issued.cert.rawData);
  const thumbprint = certificateThumbprint(der);
  return {
    certPem: issued.certPem,
    keyPem: issued.keyPem,
    der,
    thumbprint,
    thumbprintBase64url: Buffer.from(thumbprint, 'base64').toString('base64url'),
    pin: spkiPin(der),
    subject: issued.cert.subject,
    serialNumber: issued.cert.serialNumber,
    profile,
  };
}
