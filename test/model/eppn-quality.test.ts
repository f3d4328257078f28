// The EPPN quality heuristic behind warning 3047.
import { describe, expect, it } from 'vitest';
import { isNameBasedEppn, validateItem } from '../../src/model/index.js';
import { pupil, world } from './fixtures.js';

const PIPPI = { givenName: 'Pippilotta Viktualia', familyNames: ['Långstrump'] };

describe('isNameBasedEppn (warning 3047 heuristic)', () => {
  it('finds the first three letters of the family name anywhere in the local part', () => {
    expect(isNameBasedEppn('lan123@skola.se', PIPPI)).toBe(true);
    expect(isNameBasedEppn('x9lanx@skola.se', PIPPI)).toBe(true);
    expect(isNameBasedEppn('långa@skola.se', PIPPI)).toBe(true);
  });

  it('matches å/ä/ö as written, as a/a/o and as aa/ae/oe, case-insensitively', () => {
    expect(isNameBasedEppn('LAN01@skola.se', PIPPI)).toBe(true);
    expect(isNameBasedEppn('laa01@skola.se', PIPPI)).toBe(true);
    const oberg = { givenName: 'Åsa', familyNames: ['Öberg'] };
    expect(isNameBasedEppn('obe77@skola.se', oberg)).toBe(true);
    expect(isNameBasedEppn('oeb77@skola.se', oberg)).toBe(true);
    expect(isNameBasedEppn('ÖBE77@skola.se', oberg)).toBe(true);
    expect(isNameBasedEppn('ob77as@skola.se', oberg)).toBe(false);
    expect(isNameBasedEppn('obaa77@skola.se', oberg)).toBe(true);
  });

  it('finds two letters of the family name next to two of the given name, in either order', () => {
    const ek = { givenName: 'Anna', familyNames: ['Ek'] };
    expect(isNameBasedEppn('ekan01@skola.se', ek)).toBe(true);
    expect(isNameBasedEppn('anek01@skola.se', ek)).toBe(true);
    expect(isNameBasedEppn('ek-an01@skola.se', ek)).toBe(false);
  });

  it('skips the three-letter test for a family name shorter than three letters', () => {
    expect(isNameBasedEppn('ek4711@skola.se', { givenName: 'Anna', familyNames: ['Ek'] })).toBe(false);
  });

  it('looks at the local part only, never the domain', () => {
    expect(isNameBasedEppn('x7k2@langstrump.se', PIPPI)).toBe(false);
  });

  it('ignores hyphens and spaces in names', () => {
    expect(isNameBasedEppn('vonx@skola.se', { givenName: 'Karl', familyNames: ['von Sydow'] })).toBe(true);
    expect(isNameBasedEppn('ansv@skola.se', { givenName: 'Ann-Sofie', familyNames: ['Svensson'] })).toBe(
      true,
    );
    expect(isNameBasedEppn('an-sv@skola.se', { givenName: 'Ann-Sofie', familyNames: ['Svensson'] })).toBe(
      false,
    );
  });

  it('passes random and UUID local parts', () => {
    expect(isNameBasedEppn('fc79e369-18a3-40c4-aa33-d92057bfff65@edu.huvudman.se', PIPPI)).toBe(false);
    expect(isNameBasedEppn('k7q2x9@skola.se', PIPPI)).toBe(false);
  });
});

describe('3047 on a Person', () => {
  it("fires on the spec's own example EPPN through the middle name Efraimsdotter", () => {
    const verdict = validateItem(
      'persons',
      pupil({ eduPersonPrincipalNames: ['efraimsdotter09@edu.huvudman.se'] }),
      world(),
    );
    expect(verdict.status).toBe('Warning');
    expect(verdict.warnings).toEqual([
      expect.objectContaining({
        code: 3047,
        attributeName: 'eppn',
        attributeValue: 'efraimsdotter09@edu.huvudman.se',
      }),
    ]);
  });

  it('leaves the middle name out when eppnQualityIncludesMiddleName is off', () => {
    const ctx = world({ settings: { eppnQualityIncludesMiddleName: false } });
    const verdict = validateItem(
      'persons',
      pupil({ eduPersonPrincipalNames: ['efraimsdotter09@edu.huvudman.se'] }),
      ctx,
    );
    expect(verdict.status).toBe('Success');
  });

  it('is a warning, so the person is still accepted', () => {
    const verdict = validateItem(
      'persons',
      pupil({ eduPersonPrincipalNames: ['pilan@edu.huvudman.se'] }),
      world(),
    );
    expect(verdict).toMatchObject({ status: 'Warning', statusCode: 201, errors: [] });
  });
});
