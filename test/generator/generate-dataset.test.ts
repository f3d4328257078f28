// generateDataset: clean data passes every model rule, and people, groups and activities are realistic.
import { describe, expect, it } from 'vitest';
import { type Dataset, GeneratorError, generateDataset, validateDataset } from '../../src/generator/index.js';
import {
  DUTY_ROLES,
  EDUID_CONTEXT,
  type Enrolment,
  isNameBasedEppn,
  type Person,
  parseCivicNumber,
} from '../../src/model/index.js';
import { createSeededCatalogue } from '../../src/open-data/index.js';

const catalogue = createSeededCatalogue();
const ORG_A = '5567044268';
const SUNDSVALL = '2120002411';
/** Organisations of the seeded catalogue with a school unit in provtjänsten (Kunskapsbron's are all closed). */
const ACTIVE_ORGS = catalogue.organisations
  .map((o) => o.organisationNumber)
  .filter((n) => n !== '5566345673');

const enrolmentOf = (person: Person): Enrolment | undefined => person.enrolments?.[0];
const pupilsOf = (dataset: Dataset) => dataset.persons.filter((p) => enrolmentOf(p));
const staffOf = (dataset: Dataset) => dataset.persons.filter((p) => !enrolmentOf(p));
const birthYear = (person: Person) => {
  const parsed = parseCivicNumber(person.civicNo.value);
  if (!parsed.ok) throw new Error(`invalid civic number ${person.civicNo.value}`);
  return Number(parsed.birthDate.slice(0, 4));
};

describe('generateDataset: clean data', () => {
  it.each(ACTIVE_ORGS)(
    'passes validateItem with zero Error and zero Warning items for %s',
    (organisationNumber) => {
      const dataset = generateDataset({ organisationNumber, pupils: 800, seed: 5, catalogue });
      const result = validateDataset(dataset, { catalogue });
      expect(result.problems).toEqual([]);
      expect(result.counts.Success).toBe(
        dataset.persons.length + dataset.duties.length + dataset.groups.length + dataset.activities.length,
      );
      expect(dataset.activities.length).toBeGreaterThan(0);
    },
  );

  it('stays clean on a --today in the spring term and in a later school year', () => {
    for (const today of ['2027-03-15', '2031-08-20']) {
      const dataset = generateDataset({
        organisationNumber: SUNDSVALL,
        pupils: 600,
        seed: 2,
        today,
        catalogue,
      });
      expect(validateDataset(dataset, { catalogue }).problems).toEqual([]);
    }
  });
});

describe('generateDataset: pupils', () => {
  const dataset = generateDataset({ organisationNumber: SUNDSVALL, pupils: 20_000, seed: 9, catalogue });
  const pupils = pupilsOf(dataset);

  it('generates exactly --pupils pupils', () => {
    expect(pupils).toHaveLength(20_000);
    expect(dataset.summary.totals.pupils).toBe(20_000);
  });

  it('gives GR pupils in year Y a birth year of schoolYearStart − 6 − Y (school year 2026/27)', () => {
    for (const pupil of pupils.filter((p) => enrolmentOf(p)?.schoolType === 'GR')) {
      expect(birthYear(pupil)).toBe(2026 - 6 - (enrolmentOf(pupil)?.schoolYear as number));
    }
  });

  it('makes GY pupils 16 to 18 and komvux students adults', () => {
    const gy = pupils.filter((p) => enrolmentOf(p)?.schoolType === 'GY').map(birthYear);
    expect(gy.length).toBeGreaterThan(0);
    expect(new Set(gy)).toEqual(new Set([2008, 2009, 2010]));
    const vux = pupils.filter((p) => enrolmentOf(p)?.schoolType === 'VUXGY').map(birthYear);
    expect(vux.length).toBeGreaterThan(0);
    expect(Math.max(...vux)).toBeLessThanOrEqual(2026 - 20);
  });

  it('enrols GR pupils with a schoolYear and GY pupils with the educationCode of a programme valid on --today', () => {
    for (const pupil of pupils) {
      const enrolment = enrolmentOf(pupil) as Enrolment;
      if (enrolment.schoolType === 'GR') {
        expect(enrolment.schoolYear).toBeGreaterThanOrEqual(1);
        expect(enrolment.educationCode).toBeUndefined();
      }
      if (enrolment.schoolType === 'GY') {
        expect(enrolment.schoolYear).toBeUndefined();
        expect(catalogue.isProgrammeValidOn(enrolment.educationCode as string, '2026-09-01T00:00:00Z')).toBe(
          true,
        );
      }
    }
  });

  it('has valid civic numbers: about 2 % samordningsnummer, 0.5 % tillfälligt, the rest personnummer, all unique', () => {
    const kinds = { personnummer: 0, samordningsnummer: 0, tillfalligt: 0 };
    for (const person of dataset.persons) {
      const parsed = parseCivicNumber(person.civicNo.value);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) kinds[parsed.kind]++;
    }
    const share = (n: number) => n / dataset.persons.length;
    expect(share(kinds.samordningsnummer)).toBeGreaterThan(0.015);
    expect(share(kinds.samordningsnummer)).toBeLessThan(0.025);
    expect(share(kinds.tillfalligt)).toBeGreaterThan(0.003);
    expect(share(kinds.tillfalligt)).toBeLessThan(0.008);
    expect(new Set(dataset.persons.map((p) => p.civicNo.value)).size).toBe(dataset.persons.length);
  });

  it('gives about 1 % a protected identity (securityMarking)', () => {
    const marked = dataset.persons.filter((p) => p.securityMarking !== undefined);
    expect(marked.length / dataset.persons.length).toBeGreaterThan(0.007);
    expect(marked.length / dataset.persons.length).toBeLessThan(0.013);
    expect(new Set(marked.map((p) => p.securityMarking))).toEqual(
      new Set(['Skyddad folkbokföring', 'Sekretessmarkering']),
    );
  });

  it('uses Swedish names from the sv locale', () => {
    const given = new Set(pupils.map((p) => p.givenName));
    expect(given.size).toBeGreaterThan(100);
    expect(
      [...given].some((name) => /[åäöÅÄÖ]/.test(name)) || pupils.some((p) => /[åäö]/.test(p.familyName)),
    ).toBe(true);
  });

  it('gives everybody exactly one opaque, unique EPPN that is never name-derived (3047)', () => {
    const eppns = dataset.persons.map((p) => p.eduPersonPrincipalNames);
    expect(eppns.every((list) => list.length === 1)).toBe(true);
    expect(new Set(eppns.flat()).size).toBe(dataset.persons.length);
    for (const person of dataset.persons) {
      const eppn = person.eduPersonPrincipalNames[0] as string;
      expect(eppn).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}@[a-z0-9.-]+$/,
      );
      const familyNames = person.middleName ? [person.familyName, person.middleName] : [person.familyName];
      expect(isNameBasedEppn(eppn, { givenName: person.givenName, familyNames })).toBe(false);
    }
  });
});

describe('generateDataset: staff and duties', () => {
  const dataset = generateDataset({
    organisationNumber: SUNDSVALL,
    pupils: 3000,
    staff: 400,
    seed: 4,
    catalogue,
  });
  const staff = staffOf(dataset);

  it('generates --staff staff members, each with a school e-mail and duties at the organisation’s school units', () => {
    expect(staff).toHaveLength(400);
    const units = new Set(catalogue.schoolUnitsOf(SUNDSVALL).map((u) => u.id));
    for (const person of staff) {
      expect(person.emails).toEqual([
        { value: expect.stringMatching(/^[a-z-]+\.[a-z-]+\d*@sundsvall\.example$/), type: 'Skola personal' },
      ]);
      const duties = dataset.duties.filter((d) => d.person.id === person.id);
      expect(duties.length).toBeGreaterThanOrEqual(1);
      for (const duty of duties) expect(units.has(duty.dutyAt.id)).toBe(true);
    }
    expect(new Set(staff.map((p) => p.emails?.[0]?.value)).size).toBe(400);
  });

  it('draws roles from the 17 duty roles, mostly teachers, with a rektor at every school unit', () => {
    const roles = dataset.duties.map((d) => d.dutyRole);
    for (const role of roles) expect(DUTY_ROLES).toContain(role);
    expect(roles.filter((r) => r === 'Lärare').length / roles.length).toBeGreaterThan(0.5);
    for (const unit of dataset.summary.schoolUnits) {
      expect(dataset.duties.some((d) => d.dutyAt.id === unit.id && d.dutyRole === 'Rektor')).toBe(true);
    }
  });

  it('gives a few staff an eduID identifier, and no pupil one', () => {
    const withEduId = dataset.persons.filter((p) => p.externalIdentifiers);
    expect(withEduId.length).toBeGreaterThan(5);
    expect(withEduId.length).toBeLessThan(40);
    for (const person of withEduId) {
      expect(enrolmentOf(person)).toBeUndefined();
      expect(person.externalIdentifiers).toEqual([
        {
          value: expect.stringMatching(/^[a-z]{5}-[a-z]{5}@eduid\.se$/),
          context: EDUID_CONTEXT,
          globallyUnique: true,
        },
      ]);
    }
  });
});

describe('generateDataset: groups and activities', () => {
  const dataset = generateDataset({ organisationNumber: ORG_A, pupils: 2000, seed: 8, catalogue });
  const pupils = pupilsOf(dataset);
  const byId = new Map(dataset.persons.map((p) => [p.id, p]));

  it('puts every GR and GY pupil in exactly one Klass of their school unit', () => {
    const classes = dataset.groups.filter((g) => g.groupType === 'Klass');
    const membership = new Map<string, number>();
    for (const group of classes) {
      for (const m of group.groupMemberships ?? []) {
        const person = byId.get(m.person?.id as string) as Person;
        expect(enrolmentOf(person)?.enroledAt.id).toBe(group.organisation.id);
        expect(enrolmentOf(person)?.schoolType).toBe(group.schoolType);
        membership.set(person.id, (membership.get(person.id) ?? 0) + 1);
      }
    }
    expect(membership.size).toBe(pupils.length);
    expect([...membership.values()].every((n) => n === 1)).toBe(true);
  });

  it('uses only Klass and Undervisning groups, and links each Undervisning group from exactly one activity', () => {
    expect(new Set(dataset.groups.map((g) => g.groupType))).toEqual(new Set(['Klass', 'Undervisning']));
    const teaching = dataset.groups.filter((g) => g.groupType === 'Undervisning');
    for (const group of teaching) {
      expect(dataset.activities.filter((a) => a.groups.some((ref) => ref.id === group.id))).toHaveLength(1);
    }
  });

  it('gives each activity the exam activity of its pupils’ school type and year as parentActivity', () => {
    const groups = new Map(dataset.groups.map((g) => [g.id, g]));
    for (const activity of dataset.activities) {
      expect(activity.activityType).toBe('Undervisning');
      const exam = catalogue.activityById(activity.parentActivity.id);
      expect(exam).toBeDefined();
      const group = groups.get(activity.groups[0]?.id as string);
      expect(exam?.schoolType).toBe(group?.schoolType);
      for (const m of group?.groupMemberships ?? []) {
        const enrolment = enrolmentOf(byId.get(m.person?.id as string) as Person) as Enrolment;
        expect(enrolment.enroledAt.id).toBe(activity.organisation.id);
        if (enrolment.schoolType === 'GR') expect(exam?.schoolYear).toBe(enrolment.schoolYear);
      }
    }
  });

  it('has teachers whose duties are teaching duties at the activity’s school unit', () => {
    const duties = new Map(dataset.duties.map((d) => [d.id, d]));
    const taught = dataset.activities.filter((a) => (a.teachers?.length ?? 0) > 0);
    expect(taught.length).toBe(dataset.activities.length);
    for (const activity of taught) {
      for (const teacher of activity.teachers ?? []) {
        const duty = duties.get(teacher.duty?.id as string);
        expect(duty?.dutyAt.id).toBe(activity.organisation.id);
        expect(['Lärare', 'Förstelärare']).toContain(duty?.dutyRole);
      }
    }
  });

  it('sums up per school unit, school type and year in the summary', () => {
    const { summary } = dataset;
    expect(summary.schoolUnits.reduce((n, u) => n + u.pupils, 0)).toBe(pupils.length);
    for (const unit of summary.schoolUnits) {
      for (const type of unit.schoolTypes) {
        const enrolled = pupils.filter(
          (p) => enrolmentOf(p)?.enroledAt.id === unit.id && enrolmentOf(p)?.schoolType === type.schoolType,
        );
        expect(type.pupils).toBe(enrolled.length);
        for (const year of type.years.filter(() => type.schoolType === 'GR')) {
          expect(year.pupils).toBe(
            enrolled.filter((p) => enrolmentOf(p)?.schoolYear === year.schoolYear).length,
          );
        }
      }
    }
    expect(summary.totals.groups).toBe(dataset.groups.length);
    expect(summary.totals.activities).toBe(dataset.activities.length);
  });
});

describe('generateDataset: options', () => {
  const codeOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      if (error instanceof GeneratorError) return { code: error.code, option: error.option };
      throw error;
    }
    return undefined;
  };

  it.each([
    [{ organisationNumber: '12345' }, 'invalid_option', '--org'],
    [{ organisationNumber: '9999999999' }, 'unknown_organisation', '--org'],
    [{ organisationNumber: '5566345673' }, 'no_school_units', '--org'],
    [{ organisationNumber: ORG_A, pupils: -1 }, 'invalid_option', '--pupils'],
    [{ organisationNumber: ORG_A, pupils: 1.5 }, 'invalid_option', '--pupils'],
    [{ organisationNumber: ORG_A, staff: -3 }, 'invalid_option', '--staff'],
    [{ organisationNumber: ORG_A, today: '2026-02-30' }, 'invalid_option', '--today'],
    [{ organisationNumber: ORG_A, defects: -1 }, 'invalid_option', '--defects'],
  ])('refuses %j with %s naming %s', (options, code, option) => {
    expect(codeOf(() => generateDataset({ ...options, catalogue }))).toEqual({ code, option });
  });

  it('accepts an organisation number written with a hyphen', () => {
    expect(
      generateDataset({ organisationNumber: '556704-4268', pupils: 10, catalogue }).organisation
        .organisationNumber,
    ).toBe(ORG_A);
  });

  it('moves birth years on with the school year of --today', () => {
    const year1 = (today: string) =>
      pupilsOf(generateDataset({ organisationNumber: ORG_A, pupils: 300, today, catalogue }))
        .filter((p) => enrolmentOf(p)?.schoolYear === 1)
        .map(birthYear);
    expect(new Set(year1('2026-09-01'))).toEqual(new Set([2019]));
    expect(new Set(year1('2027-06-30'))).toEqual(new Set([2019]));
    expect(new Set(year1('2027-07-01'))).toEqual(new Set([2020]));
  });
});
