// Swedish civic numbers (personnummer, samordningsnummer, tillfälligt personnummer): parse strictly, and build.
import luhn from 'luhn';

export type CivicNumberKind = 'personnummer' | 'samordningsnummer' | 'tillfalligt';

/** Parity of the second-to-last character: even for a woman, odd for a man. */
export type SexDigitParity = 'even' | 'odd';

export interface ParsedCivicNumber {
  ok: true;
  kind: CivicNumberKind;
  /** Real birth date as `YYYY-MM-DD` (for a samordningsnummer: day − 60). */
  birthDate: string;
  sexDigitParity: SexDigitParity;
}

/** `format`: not 12 digits / `YYYYMMDDTFxx`; `date`: no such calendar day; `checksum`: bad Luhn digit. */
export type CivicNumberError = 'format' | 'date' | 'checksum';

export interface CivicNumberFailure {
  ok: false;
  error: CivicNumberError;
  reason: string;
}

export type CivicNumberResult = ParsedCivicNumber | CivicNumberFailure;

/** Samordningsnummer carry the birth day plus this (Person.civicNo.value description). */
export const SAMORDNINGSNUMMER_DAY_OFFSET = 60;

const TWELVE_DIGITS = /^(\d{4})(\d{2})(\d{2})(\d{3})(\d)$/;
const TEMPORARY = /^(\d{4})(\d{2})(\d{2})TF(\d)(\d)$/;

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear puts them back.
  date.setUTCFullYear(year);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isoDate(year: string, month: string, day: number): string {
  return `${year}-${month}-${String(day).padStart(2, '0')}`;
}

function parity(digit: string): SexDigitParity {
  return Number(digit) % 2 === 0 ? 'even' : 'odd';
}

/**
 * Parses a civic number as Provisioning API 1.3.2 demands: 12 digits without separator, a real date and a
 * Luhn check digit over the last 10 digits; a samordningsnummer has day + 60; a tillfälligt personnummer is
 * `YYYYMMDDTFxx` (no check digit, the last character may be any digit).
 *
 * @example parseCivicNumber('200901272385') // { ok: true, kind: 'personnummer', birthDate: '2009-01-27', sexDigitParity: 'even' }
 */
export function parseCivicNumber(value: string): CivicNumberResult {
  const temporary = TEMPORARY.exec(value);
  if (temporary) {
    const [, year, month, day, sexDigit] = temporary as unknown as [string, string, string, string, string];
    if (!isCalendarDate(Number(year), Number(month), Number(day))) {
      return { ok: false, error: 'date', reason: `${year}${month}${day} är inget giltigt datum` };
    }
    return {
      ok: true,
      kind: 'tillfalligt',
      birthDate: isoDate(year, month, Number(day)),
      sexDigitParity: parity(sexDigit),
    };
  }
  const digits = TWELVE_DIGITS.exec(value);
  if (!digits) {
    return {
      ok: false,
      error: 'format',
      reason: 'ska vara 12 siffror utan separator, eller ÅÅÅÅMMDDTFxx för tillfälligt personnummer',
    };
  }
  const [, year, month, dayText, serial] = digits as unknown as [string, string, string, string, string];
  let day = Number(dayText);
  let kind: CivicNumberKind = 'personnummer';
  if (day > SAMORDNINGSNUMMER_DAY_OFFSET) {
    kind = 'samordningsnummer';
    day -= SAMORDNINGSNUMMER_DAY_OFFSET;
  }
  if (!isCalendarDate(Number(year), Number(month), day)) {
    return { ok: false, error: 'date', reason: `${year}${month}${dayText} är inget giltigt datum` };
  }
  if (!luhn.validate(value.slice(2))) {
    return {
      ok: false,
      error: 'checksum',
      reason: 'kontrollsiffran stämmer inte (Luhn över de tio sista siffrorna)',
    };
  }
  return {
    ok: true,
    kind,
    birthDate: isoDate(year, month, day),
    sexDigitParity: parity(serial.charAt(2)),
  };
}

/** The Luhn check digit for the 9 digits `YYMMDDNNN`. */
export function luhnCheckDigit(nineDigits: string): string {
  for (let digit = 0; digit <= 9; digit++) {
    if (luhn.validate(`${nineDigits}${digit}`)) return String(digit);
  }
  throw new TypeError(`no Luhn check digit for ${nineDigits}`);
}

/**
 * Builds a valid civic number. `birthDate` is `YYYY-MM-DD`; `serial` is the birth number: 0–999 for
 * personnummer and samordningsnummer (its last digit is the sex digit), 0–99 for the `xx` of a tillfälligt
 * personnummer (its first digit is the sex digit). Throws TypeError on a bad date or serial.
 *
 * @example makeCivicNumber('2009-01-27', 238, 'personnummer') // '200901272385'
 */
export function makeCivicNumber(birthDate: string, serial: number, kind: CivicNumberKind): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw new TypeError(`makeCivicNumber: birthDate must be a real YYYY-MM-DD date, got ${birthDate}`);
  }
  const [, year, month, day] = match as unknown as [string, string, string, string];
  const maxSerial = kind === 'tillfalligt' ? 99 : 999;
  if (!Number.isInteger(serial) || serial < 0 || serial > maxSerial) {
    throw new TypeError(
      `makeCivicNumber: serial must be an integer 0–${maxSerial} for ${kind}, got ${serial}`,
    );
  }
  if (kind === 'tillfalligt') return `${year}${month}${day}TF${String(serial).padStart(2, '0')}`;
  const dayPart = kind === 'samordningsnummer' ? String(Number(day) + SAMORDNINGSNUMMER_DAY_OFFSET) : day;
  const nine = `${year.slice(2)}${month}${dayPart}${String(serial).padStart(3, '0')}`;
  return `${year}${month}${dayPart}${nine.slice(6)}${luhnCheckDigit(nine)}`;
}
