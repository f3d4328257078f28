// The three CAs nutid-auth knows (ExpiTrust, SITHS, EFOS): how each is recognised and how it writes the organisation number.
import { randomBytes } from 'node:crypto';

export const CA_PROFILES = ['expitrust', 'siths', 'efos'] as const;
export type CaProfile = (typeof CA_PROFILES)[number];

/** `certs issue` without `--profile`: ExpiTrust, the commercial CA a vendor's huvudman (a company or municipality) most often buys from. */
export const DEFAULT_CA_PROFILE: CaProfile = 'expitrust';

export interface CaProfileSpec {
  /** The `O` nutid-auth recognises the CA by (of the issuing CA certificate's issuer name). */
  issuerOrganisation: string;
  /** CN of the mock's dev CA for this profile: the `source` claim of its tokens. Named after the real test CA. */
  devCaName: string;
  /** The real CA certificates Skolverket lists (test, production). */
  realCas: readonly string[];
  /** The subject serialNumber the real CA writes for an organisation number. */
  subjectSerialNumber(organisationNumber: string): string;
}

const hsaSuffix = () => randomBytes(3).toString('hex').toUpperCase();
const efosSuffix = () => String(randomBytes(3).readUIntBE(0, 3) % 1_000_000).padStart(6, '0');

export const CA_PROFILE_SPECS: Record<CaProfile, CaProfileSpec> = {
  expitrust: {
    issuerOrganisation: 'Expisoft AB',
    devCaName: 'provtjanst-mock ExpiTrust Test CA v8',
    realCas: ['ExpiTrust Test CA v8', 'ExpiTrust EID CA v4'],
    subjectSerialNumber: (number) => `16${number}`,
  },
  siths: {
    issuerOrganisation: 'Inera AB',
    devCaName: 'provtjanst-mock TEST SITHS e-id Function CA v1',
    realCas: ['TEST SITHS e-id Function CA v1', 'SITHS e-id Function CA v1'],
    subjectSerialNumber: (number) => `SE${number}-${hsaSuffix()}`,
  },
  efos: {
    issuerOrganisation: 'Swedish Social Insurance Agency',
    devCaName: 'provtjanst-mock Swedish Public Sector Function CA SAT v1',
    realCas: ['Swedish Public Sector Function CA SAT v1', 'Swedish Public Sector Function CA v1'],
    subjectSerialNumber: (number) => `EFOS16${number}-${efosSuffix()}`,
  },
};

/** What nutid-auth makes of a client certificate's organisation fields. */
export type OrganisationReading =
  | { kind: 'found'; organisationId: string }
  | { kind: 'none'; why: string }
  /** nutid-auth raises an unhandled error here (plain-text 500). */
  | { kind: 'crash'; why: string };

export interface OrganisationFields {
  /** `O` of the issuing CA certificate's issuer name. */
  caIssuerOrganisation?: string;
  /** The client subject's serialNumber (2.5.4.5), first value. */
  serialNumber?: string;
  /** The client subject's C. */
  country?: string;
  /** Whether the certificate's extended key usage lists clientAuth (1.3.6.1.5.5.7.3.2). */
  clientAuth: boolean;
}

function splitOnce(serialNumber: string, what: string): string[] | OrganisationReading {
  const parts = serialNumber.split('-');
  return parts.length === 2
    ? parts
    : { kind: 'crash', why: `${what} serialNumber "${serialNumber}" does not have exactly one "-"` };
}

/**
 * The organisation id as nutid-auth's CAFlow reads it (nutid-auth.md §3.2): the CA is recognised by the `O`
 * of its certificate's issuer; the number comes from the subject serialNumber, with the CA's prefix removed;
 * the id is the subject's `C` (`None` when absent) followed by the number, which is not checked further.
 */
export function readOrganisationId(fields: OrganisationFields): OrganisationReading {
  const serial = fields.serialNumber;
  const prefix = fields.country ?? 'None';
  switch (fields.caIssuerOrganisation) {
    case CA_PROFILE_SPECS.expitrust.issuerOrganisation: {
      if (serial === undefined) return { kind: 'none', why: 'ExpiTrust certificate without serialNumber' };
      return { kind: 'found', organisationId: `${prefix}${serial.replace(/^16/, '')}` };
    }
    case CA_PROFILE_SPECS.siths.issuerOrganisation: {
      if (!fields.clientAuth) return { kind: 'none', why: 'SITHS certificate without EKU clientAuth' };
      if (serial === undefined) return { kind: 'none', why: 'SITHS certificate without serialNumber' };
      const parts = splitOnce(serial, 'SITHS');
      if (!Array.isArray(parts)) return parts;
      return { kind: 'found', organisationId: `${prefix}${(parts[0] ?? '').replace(/^SE/, '')}` };
    }
    case CA_PROFILE_SPECS.efos.issuerOrganisation: {
      if (serial === undefined) return { kind: 'none', why: 'EFOS certificate without serialNumber' };
      const parts = splitOnce(serial, 'EFOS');
      if (!Array.isArray(parts)) return parts;
      return { kind: 'found', organisationId: `${prefix}${(parts[0] ?? '').replace(/^EFOS16/, '')}` };
    }
    default:
      return {
        kind: 'none',
        why: `CA issuer organisation "${fields.caIssuerOrganisation ?? ''}" is none of ExpiTrust, SITHS, EFOS`,
      };
  }
}
