// Issues unique, valid civic numbers for generated people, wrapping src/model's builder (the one Luhn implementation).
import { type CivicNumberKind, makeCivicNumber } from '../model/index.js';
import type { Sex } from './names.js';
import type { SeededRandom } from './seeded-random.js';

/** Shares of the special kinds among generated people (the rest get a personnummer). */
export const CIVIC_NUMBER_SHARES = { samordningsnummer: 0.02, tillfalligt: 0.005 } as const;

/**
 * Highest first-two-digits of a generated birth number. Skatteverket's test personnummer use birth numbers
 * 980–999, and the Provisioning API's civicNo description says test numbers must never reach provtjänsten:
 * staying below 980 keeps generated data from looking like Skatteverket's test series.
 */
const MAX_SERIAL_PREFIX = 97;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** A uniformly drawn calendar date in `year`, as `YYYY-MM-DD`. */
export function pickBirthDate(random: SeededRandom, year: number): string {
  let dayOfYear = random.int(isLeapYear(year) ? 366 : 365);
  let month = 0;
  for (; month < 12; month++) {
    const length = (DAYS_IN_MONTH[month] as number) + (month === 1 && isLeapYear(year) ? 1 : 0);
    if (dayOfYear < length) break;
    dayOfYear -= length;
  }
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(dayOfYear + 1).padStart(2, '0')}`;
}

/** Picks the kind of number: about 2 % samordningsnummer, 0.5 % tillfälligt personnummer. */
export function pickCivicNumberKind(random: SeededRandom): CivicNumberKind {
  const roll = random.next();
  if (roll < CIVIC_NUMBER_SHARES.tillfalligt) return 'tillfalligt';
  if (roll < CIVIC_NUMBER_SHARES.tillfalligt + CIVIC_NUMBER_SHARES.samordningsnummer)
    return 'samordningsnummer';
  return 'personnummer';
}

/** Draws the serial `makeCivicNumber` wants, with the sex digit's parity right (even: woman, odd: man). */
function pickSerial(random: SeededRandom, sex: Sex, kind: CivicNumberKind): number {
  const sexDigit = 2 * random.int(5) + (sex === 'male' ? 1 : 0);
  if (kind === 'tillfalligt') return sexDigit * 10 + random.int(10);
  const prefix = random.between(0, MAX_SERIAL_PREFIX);
  // Birth number 000 is never issued.
  return prefix === 0 && sexDigit === 0 ? 2 : prefix * 10 + sexDigit;
}

/** Hands out civic numbers that are valid and unique within one dataset. */
export interface CivicNumberIssuer {
  /** A valid, unused civic number of `kind` for someone born in `birthYear`. */
  issue(birthYear: number, sex: Sex, kind: CivicNumberKind): string;
  /** Numbers issued so far. */
  readonly issued: ReadonlySet<string>;
}

export function createCivicNumberIssuer(random: SeededRandom): CivicNumberIssuer {
  const issued = new Set<string>();
  return {
    issued,
    issue(birthYear, sex, kind) {
      for (let attempt = 0; attempt < 1000; attempt++) {
        const value = makeCivicNumber(pickBirthDate(random, birthYear), pickSerial(random, sex, kind), kind);
        if (!issued.has(value)) {
          issued.add(value);
          return value;
        }
      }
      throw new RangeError(`no free ${kind} left for birth year ${birthYear}`);
    },
  };
}
