// The seeded catalogue: deterministic, realistic, internally consistent, and queryable as other capabilities need.
import { describe, expect, it } from 'vitest';
import { catalogueToJson, createSeededCatalogue, uuidV5 } from '../../src/open-data/index.js';

const catalogue = createSeededCatalogue();

describe('determinism', () => {
  it('builds an equal catalogue every time', () => {
    expect(catalogueToJson(createSeededCatalogue())).toEqual(catalogueToJson(catalogue));
    expect(JSON.stringify(catalogueToJson(createSeededCatalogue()))).toBe(
      JSON.stringify(catalogueToJson(catalogue)),
    );
  });

  it('derives every id as the UUID v5 of its natural key', () => {
    for (const o of catalogue.organisations) expect(o.id).toBe(uuidV5(o.organisationNumber));
    for (const u of catalogue.schoolUnits) expect(u.id).toBe(uuidV5(u.schoolUnitCode));
    for (const p of catalogue.programmes) expect(p.id).toBe(uuidV5(p.educationCode));
    for (const a of catalogue.activities) expect(a.id).toBe(uuidV5(a.displayName));
  });

  it('is frozen, so no consumer can change another one’s view', () => {
    const unit = catalogue.schoolUnitByCode('31279295');
    expect(Object.isFrozen(unit)).toBe(true);
    expect(Object.isFrozen(unit?.schoolTypes[0]?.schoolYears)).toBe(true);
    expect(Object.isFrozen(catalogue.activities)).toBe(true);
  });
});

describe('organisations', () => {
  it('holds a municipality, the spec’s Testorganisation AB, a foundation and state authorities', () => {
    const byNumber = (n: string) => catalogue.organisationByNumber(n);
    expect(byNumber('2120002411')?.legalForm?.id).toBe('82');
    expect(byNumber('5567044268')).toMatchObject({
      displayName: 'Testorganisation AB',
      legalForm: { id: '49' },
    });
    expect(byNumber('8024801238')?.legalForm?.displayName).toBe('Övriga stiftelser och fonder');
    expect(byNumber('2021005620')?.organiserType?.displayName).toBe('Staten');
    expect(new Set(catalogue.organisations.map((o) => o.legalForm?.id))).toEqual(
      new Set(['49', '72', '81', '82']),
    );
  });

  it('gives each organiser 3–6 school units', () => {
    for (const o of catalogue.organisations) {
      const count = catalogue.schoolUnitsOf(o.organisationNumber).length;
      expect(count, o.displayName).toBeGreaterThanOrEqual(3);
      expect(count, o.displayName).toBeLessThanOrEqual(6);
    }
  });

  it('derives the organisation status from its school units', () => {
    for (const o of catalogue.organisations) {
      const running = catalogue.schoolUnitsOf(o.organisationNumber).some((u) => u.status !== 'Expired');
      expect(o.status, o.displayName).toBe(running ? 'Active' : 'Expired');
    }
  });

  it('finds organisations by id, ignoring case, and answers undefined for unknown keys', () => {
    expect(catalogue.organisationById('657AE6A4-2978-5FBE-B357-BA353C0F03B5')?.organisationNumber).toBe(
      '5567044268',
    );
    expect(catalogue.organisationById(uuidV5('0000000000'))).toBeUndefined();
    expect(catalogue.organisationByNumber('556704-4268')).toBeUndefined();
    expect(catalogue.schoolUnitsOf('0000000000')).toEqual([]);
  });
});

describe('school units', () => {
  it('have unique 8-digit codes, 4-digit municipality codes and a known parent', () => {
    const codes = catalogue.schoolUnits.map((u) => u.schoolUnitCode);
    expect(new Set(codes).size).toBe(codes.length);
    for (const u of catalogue.schoolUnits) {
      expect(u.schoolUnitCode).toMatch(/^\d{8}$/);
      expect(u.municipalityCode).toMatch(/^\d{4}$/);
      expect(catalogue.organisationById(u.parentOrganisation.id)?.displayName).toBe(
        u.parentOrganisation.displayName,
      );
    }
  });

  it('mix every DNP school type, with the years each has', () => {
    const yearsOf = (type: string) =>
      new Set(
        catalogue.schoolUnits.flatMap((u) =>
          u.schoolTypes
            .filter((t) => t.schoolType === type)
            .flatMap((t) => t.schoolYears.map((y) => y.schoolYear)),
        ),
      );
    expect(yearsOf('GR')).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9]));
    expect(yearsOf('SP')).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    expect(yearsOf('SAM')).toEqual(new Set([1, 2, 3, 4, 5, 6]));
    expect(yearsOf('GY')).toEqual(new Set([1, 2, 3]));
    expect(catalogue.schoolUnits.some((u) => u.schoolTypes.some((t) => t.schoolType === 'VUXGY'))).toBe(true);
  });

  it('mark school types outside DNP (förskoleklass, fritidshem) with dnpStatus false', () => {
    const testskolan = catalogue.schoolUnitByCode('31279295');
    expect(testskolan?.schoolTypes.map((t) => [t.schoolType, t.dnpStatus])).toEqual([
      ['FKLASS', false],
      ['GR', true],
      ['FTH', false],
    ]);
  });

  it('include edge cases: an Expired unit, a New unit, and a running unit not in provtjänsten', () => {
    expect(catalogue.schoolUnitByCode('91735206')).toMatchObject({ status: 'Expired', dnpStatus: false });
    expect(catalogue.schoolUnitByCode('70345182')).toMatchObject({ status: 'New', dnpStatus: false });
    expect(catalogue.schoolUnitByCode('90427361')).toMatchObject({ status: 'Active', dnpStatus: false });
  });

  it('tell which organisation owns a school unit id', () => {
    expect(catalogue.ownerOfSchoolUnit('fb22448b-b724-5e53-8a2c-d8b339206901')?.organisationNumber).toBe(
      '5567044268',
    );
    expect(catalogue.schoolUnitById('FB22448B-B724-5E53-8A2C-D8B339206901')?.schoolUnitCode).toBe('31279295');
    expect(catalogue.ownerOfSchoolUnit(uuidV5('99999999'))).toBeUndefined();
  });
});

describe('programmes', () => {
  it('hold Gy11’s national programmes and orientations with real education codes', () => {
    for (const code of ['NA', 'NANAT', 'NASAM', 'SA', 'SABET', 'TE', 'EK', 'EKEKO', 'EKJUR', 'EKJURV']) {
      expect(catalogue.programmeByCode(code)?.status, code).toBe('Active');
    }
    expect(catalogue.programmeByCode('EKJURV')?.id).toBe('f8bd4423-9693-51ed-a854-6e9984e6c2f7');
    expect(catalogue.programmeById('f8bd4423-9693-51ed-a854-6e9984e6c2f7')?.educationCode).toBe('EKJURV');
  });

  it('are valid from validFrom on, unless Expired', () => {
    expect(catalogue.isProgrammeValidOn('EKJURV', '2026-03-01T00:00:00+01:00')).toBe(true);
    expect(catalogue.isProgrammeValidOn('EKJURV', '2011-06-30T23:59:59+02:00')).toBe(false);
    expect(catalogue.isProgrammeValidOn('EKJURV', '2011-07-01T00:00:00+02:00')).toBe(true);
    expect(catalogue.isProgrammeValidOn('NV', '2026-03-01T00:00:00+01:00')).toBe(false);
    expect(catalogue.programmeByCode('NV')?.status).toBe('Expired');
    expect(catalogue.isProgrammeValidOn('TEDAI', new Date('2026-12-31T12:00:00Z'))).toBe(false);
    expect(catalogue.isProgrammeValidOn('TEDAI', Date.UTC(2027, 6, 1))).toBe(true);
    expect(catalogue.isProgrammeValidOn('NOPE', Date.UTC(2027, 6, 1))).toBe(false);
  });

  it('list the programmes valid on a date', () => {
    const valid = catalogue.programmesValidOn('2026-08-01T00:00:00+02:00').map((p) => p.educationCode);
    expect(valid).toContain('NANAT');
    expect(valid).not.toContain('NV');
    expect(valid).not.toContain('TEDAI');
    expect(valid).toHaveLength(catalogue.programmes.length - 2);
  });

  it('reject an unparseable date with TypeError', () => {
    expect(() => catalogue.isProgrammeValidOn('NA', 'soon')).toThrow(TypeError);
  });
});

describe('exam activities', () => {
  const names = (filter: Parameters<typeof catalogue.examActivities>[0]) =>
    catalogue.examActivities(filter).map((a) => a.displayName);

  it('hold the national tests of grundskolan years 3, 6 and 9', () => {
    expect(names({ schoolType: 'GR', schoolYear: 3 })).toEqual([
      'GRGRSVE01-GR-3',
      'GRGRSVA01-GR-3',
      'GRGRMAT01-GR-3',
    ]);
    expect(names({ schoolType: 'GR', schoolYear: 6 })).toEqual([
      'GRGRSVE01-GR-6',
      'GRGRSVA01-GR-6',
      'GRGRENG01-GR-6',
      'GRGRMAT01-GR-6',
    ]);
    const year9 = names({ schoolType: 'GR', schoolYear: 9 });
    expect(year9).toHaveLength(11);
    expect(year9).toEqual(expect.arrayContaining(['GRGRMAT01-GR-9', 'GRGRFYS01-GR-9', 'GRGRSAM01-GR-9']));
    expect(names({ schoolType: 'GR', schoolYear: 5 })).toEqual([]);
  });

  it('hold specialskolan (4, 7, 10) and sameskolan (3, 6)', () => {
    expect(new Set(catalogue.examActivities({ schoolType: 'SP' }).map((a) => a.schoolYear))).toEqual(
      new Set([4, 7, 10]),
    );
    expect(new Set(catalogue.examActivities({ schoolType: 'SAM' }).map((a) => a.schoolYear))).toEqual(
      new Set([3, 6]),
    );
  });

  it('hold upper-secondary courses by course code, and komvux ones apart', () => {
    const gy = names({ schoolType: 'GY' });
    for (const code of [
      'MATMAT01',
      'MATMAT01a',
      'MATMAT01b',
      'MATMAT01c',
      'ENGENG05',
      'ENGENG06',
      'SVESVE01',
      'SVESVE03',
      'SVASVA01',
    ]) {
      expect(gy).toContain(code);
    }
    expect(names({ schoolType: 'VUXGY' })).toContain('MATMAT01a-VUXGY');
    expect(catalogue.examActivities({ schoolType: 'GY' }).every((a) => a.schoolYear === undefined)).toBe(
      true,
    );
  });

  it('answer which exam activity an id is, with its school type and year', () => {
    expect(catalogue.activityById('505c5ee0-7be4-560d-9c27-10ab0d96ac9a')?.displayName).toBe('MATMAT01');
    const maths9 = catalogue.activityById(uuidV5('GRGRMAT01-GR-9'));
    expect(maths9).toMatchObject({ schoolType: 'GR', schoolYear: 9, activityType: 'Provaktivitet' });
    expect(catalogue.activityById(uuidV5('MATMAT09'))).toBeUndefined();
  });

  it('return every activity without a filter', () => {
    expect(catalogue.examActivities()).toHaveLength(catalogue.activities.length);
  });
});
