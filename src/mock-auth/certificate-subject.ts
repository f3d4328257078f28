// Reads the facts nutid-auth uses from a client certificate: subject CN, O, C, serialNumber, EKU clientAuth, validity.
import { x509 } from './x509.js';

export const OID_SERIAL_NUMBER = '2.5.4.5';
const OID_CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';

export interface CertificateSubjectFacts {
  commonName?: string;
  organisationName?: string;
  country?: string;
  /** The first subject serialNumber (2.5.4.5). */
  serialNumber?: string;
  /** True when the extended key usage lists clientAuth. */
  clientAuth: boolean;
}

/** The subject facts; unparseable DER yields no facts rather than an exception. */
export function readCertificateSubject(der: Uint8Array): CertificateSubjectFacts {
  let cert: x509.X509Certificate;
  try {
    cert = new x509.X509Certificate(der);
  } catch {
    return { clientAuth: false };
  }
  const name = cert.subjectName;
  const first = (id: string) => name.getField(id)[0];
  const eku = cert.getExtension(x509.ExtendedKeyUsageExtension);
  const facts: CertificateSubjectFacts = {
    clientAuth: eku?.usages.some((usage) => String(usage) === OID_CLIENT_AUTH) ?? false,
  };
  const commonName = first('CN');
  const organisationName = first('O');
  const country = first('C');
  const serialNumber = first(OID_SERIAL_NUMBER);
  if (commonName !== undefined) facts.commonName = commonName;
  if (organisationName !== undefined) facts.organisationName = organisationName;
  if (country !== undefined) facts.country = country;
  if (serialNumber !== undefined) facts.serialNumber = serialNumber;
  return facts;
}

/** The `O` of a certificate's issuer name (how nutid-auth recognises a CA from the CA certificate). */
export function issuerOrganisation(der: Uint8Array): string | undefined {
  try {
    return new x509.X509Certificate(der).issuerName.getField('O')[0];
  } catch {
    return undefined;
  }
}

/** The CN of a certificate's subject (the `source` claim of CA tokens is the issuing CA's). */
export function subjectCommonName(der: Uint8Array): string | undefined {
  try {
    return new x509.X509Certificate(der).subjectName.getField('CN')[0];
  } catch {
    return undefined;
  }
}
