// Swedish organisation numbers: parsing the forms people and certificates use, and the `SE…` organisation id.

/** `556704-4268`, `5567044268`, `SE5567044268`, `NTRSE-5567044268`, `165567044268` → `5567044268`. */
const ORGANISATION_NUMBER = /^(?:NTR)?(?:SE)?-?(?:16(?=\d{6}-?\d{4}$))?(\d{6})-?(\d{4})$/i;

/**
 * The 10-digit organisation number in `input`, or undefined when it is not one.
 * Accepts an `SE` (or eIDAS `NTRSE-`) prefix, the `16` century prefix and the dash after six digits.
 * The Luhn check digit is deliberately not checked: well-known test numbers (e.g. 5567044268) fail it.
 * @example parseOrganisationNumber('SE556704-4268') // '5567044268'
 */
export function parseOrganisationNumber(input: string): string | undefined {
  const match = ORGANISATION_NUMBER.exec(input.trim());
  return match ? `${match[1]}${match[2]}` : undefined;
}

/**
 * The organisation number in a certificate subject field (organizationIdentifier or serialNumber).
 * Besides {@link parseOrganisationNumber}'s forms it accepts a trailing `-suffix` (SITHS: `SE5565594230-AAAA`)
 * and the EFOS prefix (`EFOS165565594230-012345`), as Sunet's auth server does.
 */
export function organisationNumberFromCertificateField(value: string): string | undefined {
  const cleaned = value.trim().replace(/^EFOS/i, '');
  const direct = parseOrganisationNumber(cleaned);
  if (direct) return direct;
  const withoutSuffix = /^(.{10,}?)-[A-Za-z0-9]+$/.exec(cleaned)?.[1];
  return withoutSuffix ? parseOrganisationNumber(withoutSuffix) : undefined;
}

/** `5567044268` → `SE5567044268`, the form of the `organization_id` claim. */
export function toOrganisationId(organisationNumber: string): string {
  return `SE${organisationNumber}`;
}
