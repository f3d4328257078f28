// Swedish organisation numbers: parsing the forms people use, and the `SE…` organisation id.

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

/** `5567044268` → `SE5567044268`, the form of the `organization_id` claim. */
export function toOrganisationId(organisationNumber: string): string {
  return `SE${organisationNumber}`;
}
