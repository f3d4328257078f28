// Reads the organisation behind a client certificate from its subject (organizationIdentifier or serialNumber).
import { organisationNumberFromCertificateField } from './organisation-number.js';
import { x509 } from './x509.js';

export const OID_ORGANIZATION_IDENTIFIER = '2.5.4.97';
export const OID_SERIAL_NUMBER = '2.5.4.5';

export interface CertificateSubjectFacts {
  /** 10 digits, from organizationIdentifier (2.5.4.97) first, else serialNumber (2.5.4.5). */
  organisationNumber?: string;
  /** Which subject field the organisation number came from. */
  organisationField?: 'organizationIdentifier' | 'serialNumber';
  commonName?: string;
  organisationName?: string;
  country?: string;
}

/** The subject facts the mock reads; unparseable DER yields no facts rather than an exception. */
export function readCertificateSubject(der: Uint8Array): CertificateSubjectFacts {
  let name: x509.Name;
  try {
    name = new x509.X509Certificate(der).subjectName;
  } catch {
    return {};
  }
  const first = (id: string) => name.getField(id)[0];
  const facts: CertificateSubjectFacts = {};
  const commonName = first('CN');
  const organisationName = first('O');
  const country = first('C');
  if (commonName) facts.commonName = commonName;
  if (organisationName) facts.organisationName = organisationName;
  if (country) facts.country = country;
  for (const [oid, field] of [
    [OID_ORGANIZATION_IDENTIFIER, 'organizationIdentifier'],
    [OID_SERIAL_NUMBER, 'serialNumber'],
  ] as const) {
    for (const value of name.getField(oid)) {
      const number = organisationNumberFromCertificateField(value);
      if (number) return { ...facts, organisationNumber: number, organisationField: field };
    }
  }
  return facts;
}
