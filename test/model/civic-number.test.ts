// Civic numbers: strict parsing (dates, Luhn, samordningsnummer, tillfälligt) and the builder.
import { describe, expect, it } from 'vitest';
import { luhnCheckDigit, makeCivicNumber, parseCivicNumber } from '../../src/model/index.js';

/** A 12-digit number with the right Luhn digit, whatever its date, so a failure is about the date. */
function withCheckDigit(elevenDigits: string): string {
  return `${elevenDigits}${luhnCheckDigit(elevenDigits.slice(2))}`;
}

describe('parseCivicNumber', () => {
  it("accepts the spec's personnummer example 200901272385 (woman: even sex digit)", () => {
    expect(parseCivicNumber('200901272385')).toEqual({
      ok: true,
      kind: 'personnummer',
      birthDate: '2009-01-27',
      sexDigitParity: 'even',
    });
  });

  it('accepts 29 February in a leap year (20080229)', () => {
    const value = withCheckDigit('20080229123');
    expect(parseCivicNumber(value)).toMatchObject({
      ok: true,
      birthDate: '2008-02-29',
      sexDigitParity: 'odd',
    });
  });

  it('rejects 29 February outside a leap year (20070229) as a date error', () => {
    expect(parseCivicNumber(withCheckDigit('20070229123'))).toMatchObject({ ok: false, error: 'date' });
  });

  it('rejects 1900-02-29 (century not divisible by 400) and accepts 2000-02-29', () => {
    expect(parseCivicNumber(withCheckDigit('19000229123'))).toMatchObject({ ok: false, error: 'date' });
    expect(parseCivicNumber(withCheckDigit('20000229123'))).toMatchObject({ ok: true });
  });

  it('rejects month 13, day 00 and 31 April', () => {
    for (const date of ['20091301', '20090100', '20090431']) {
      expect(parseCivicNumber(withCheckDigit(`${date}123`))).toMatchObject({ ok: false, error: 'date' });
    }
  });

  it('rejects a wrong Luhn check digit', () => {
    expect(parseCivicNumber('200901272386')).toMatchObject({ ok: false, error: 'checksum' });
    expect(parseCivicNumber('200901272384')).toMatchObject({ ok: false, error: 'checksum' });
  });

  it('reads day 61 and day 91 as samordningsnummer (day − 60)', () => {
    expect(parseCivicNumber(withCheckDigit('20090161238'))).toMatchObject({
      ok: true,
      kind: 'samordningsnummer',
      birthDate: '2009-01-01',
    });
    expect(parseCivicNumber(withCheckDigit('20090191238'))).toMatchObject({
      ok: true,
      kind: 'samordningsnummer',
      birthDate: '2009-01-31',
    });
  });

  it('rejects samordningsnummer whose day − 60 is no date (day 92, 31 Feb as 91, day 60)', () => {
    expect(parseCivicNumber(withCheckDigit('20090192238'))).toMatchObject({ ok: false, error: 'date' });
    expect(parseCivicNumber(withCheckDigit('20090291238'))).toMatchObject({ ok: false, error: 'date' });
    expect(parseCivicNumber(withCheckDigit('20090160238'))).toMatchObject({ ok: false, error: 'date' });
  });

  it('accepts a samordningsnummer on 29 February of a leap year (day 89)', () => {
    expect(parseCivicNumber(withCheckDigit('20080289238'))).toMatchObject({
      ok: true,
      birthDate: '2008-02-29',
    });
  });

  it("checks the Luhn digit over the samordningsnummer's own digits, so the spec's example 200901872385 fails", () => {
    // The spec adds 60 to the day of 200901272385 without recomputing the check digit.
    expect(parseCivicNumber('200901872385')).toMatchObject({ ok: false, error: 'checksum' });
  });

  it('accepts tillfälligt personnummer YYYYMMDDTFxx with the parity of the second-last character', () => {
    expect(parseCivicNumber('20090127TF20')).toEqual({
      ok: true,
      kind: 'tillfalligt',
      birthDate: '2009-01-27',
      sexDigitParity: 'even',
    });
    expect(parseCivicNumber('20090127TF12')).toMatchObject({ ok: true, sexDigitParity: 'odd' });
  });

  it('rejects a tillfälligt personnummer with a bad date, lower-case tf or a wrong length', () => {
    expect(parseCivicNumber('20090230TF20')).toMatchObject({ ok: false, error: 'date' });
    expect(parseCivicNumber('20090127tf20')).toMatchObject({ ok: false, error: 'format' });
    expect(parseCivicNumber('20090127TF2')).toMatchObject({ ok: false, error: 'format' });
    expect(parseCivicNumber('20090127TFA0')).toMatchObject({ ok: false, error: 'format' });
  });

  it('rejects separators, blanks, 10-digit and 13-digit forms', () => {
    for (const value of [
      '20090127-2385',
      '20090127+2385',
      '090127-2385',
      '0901272385',
      '2009012723850',
      ' 200901272385',
      '200901272385 ',
      '2009 01 27 2385',
      '',
    ]) {
      expect(parseCivicNumber(value), value).toMatchObject({ ok: false, error: 'format' });
    }
  });
});

describe('makeCivicNumber', () => {
  it("builds the spec's example from its date and birth number", () => {
    expect(makeCivicNumber('2009-01-27', 238, 'personnummer')).toBe('200901272385');
  });

  it('builds numbers that parse back to the same kind, date and parity', () => {
    const dates = ['1999-12-31', '2008-02-29', '2010-06-01', '1950-01-09'];
    for (const birthDate of dates) {
      for (const serial of [0, 1, 238, 999]) {
        for (const kind of ['personnummer', 'samordningsnummer'] as const) {
          const value = makeCivicNumber(birthDate, serial, kind);
          expect(value).toMatch(/^\d{12}$/);
          expect(parseCivicNumber(value)).toEqual({
            ok: true,
            kind,
            birthDate,
            sexDigitParity: serial % 2 === 0 ? 'even' : 'odd',
          });
        }
      }
      const temporary = makeCivicNumber(birthDate, 37, 'tillfalligt');
      expect(temporary).toBe(`${birthDate.replaceAll('-', '')}TF37`);
      expect(parseCivicNumber(temporary)).toMatchObject({
        ok: true,
        kind: 'tillfalligt',
        sexDigitParity: 'odd',
      });
    }
  });

  it('adds 60 to the day of a samordningsnummer', () => {
    expect(makeCivicNumber('2009-01-27', 238, 'samordningsnummer').slice(6, 8)).toBe('87');
  });

  it('throws TypeError on a date that does not exist or a serial out of range', () => {
    expect(() => makeCivicNumber('2007-02-29', 1, 'personnummer')).toThrow(TypeError);
    expect(() => makeCivicNumber('20090127', 1, 'personnummer')).toThrow(TypeError);
    expect(() => makeCivicNumber('2009-01-27', 1000, 'personnummer')).toThrow(TypeError);
    expect(() => makeCivicNumber('2009-01-27', 100, 'tillfalligt')).toThrow(TypeError);
    expect(() => makeCivicNumber('2009-01-27', 1.5, 'samordningsnummer')).toThrow(TypeError);
  });
});
