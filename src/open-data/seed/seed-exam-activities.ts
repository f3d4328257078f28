// Seeded exam activities (provaktiviteter): the national tests per school type and year, and per upper-secondary course.
import type { ActivityInput } from '../catalogue-input-schema.js';

/** Skolverket's subject codes (Lgr22 kursplaner) with their Swedish names. */
const SUBJECTS = {
  GRGRSVE01: 'Svenska',
  GRGRSVA01: 'Svenska som andraspråk',
  GRGRENG01: 'Engelska',
  GRGRMAT01: 'Matematik',
  GRGRBIO01: 'Biologi',
  GRGRFYS01: 'Fysik',
  GRGRKEM01: 'Kemi',
  GRGRGEO01: 'Geografi',
  GRGRHIS01: 'Historia',
  GRGRREL01: 'Religionskunskap',
  GRGRSAM01: 'Samhällskunskap',
} as const;
type SubjectCode = keyof typeof SUBJECTS;

const EARLY: SubjectCode[] = ['GRGRSVE01', 'GRGRSVA01', 'GRGRMAT01'];
const MIDDLE: SubjectCode[] = ['GRGRSVE01', 'GRGRSVA01', 'GRGRENG01', 'GRGRMAT01'];
const FINAL: SubjectCode[] = [
  ...MIDDLE,
  'GRGRBIO01',
  'GRGRFYS01',
  'GRGRKEM01',
  'GRGRGEO01',
  'GRGRHIS01',
  'GRGRREL01',
  'GRGRSAM01',
];

const SCHOOL_TYPE_NAMES = { GR: 'grundskolan', SP: 'specialskolan', SAM: 'sameskolan' } as const;

/**
 * Years with national tests: grundskolan 3, 6, 9; specialskolan (ten years) 4, 7, 10; sameskolan
 * (years 1–6) 3, 6. Year 9 (10 in SP) adds one NO and one SO subject, so all seven are listed.
 */
const TESTED_YEARS: readonly (readonly [keyof typeof SCHOOL_TYPE_NAMES, number, SubjectCode[]])[] = [
  ['GR', 3, EARLY],
  ['GR', 6, MIDDLE],
  ['GR', 9, FINAL],
  ['SP', 4, EARLY],
  ['SP', 7, MIDDLE],
  ['SP', 10, FINAL],
  ['SAM', 3, EARLY],
  ['SAM', 6, MIDDLE],
];

/** Upper-secondary courses with national tests: [course code, name]. */
const COURSES: readonly (readonly [string, string])[] = [
  ['ENGENG05', 'Engelska 5'],
  ['ENGENG06', 'Engelska 6'],
  ['MATMAT01a', 'Matematik 1a'],
  ['MATMAT01b', 'Matematik 1b'],
  ['MATMAT01c', 'Matematik 1c'],
  ['MATMAT02a', 'Matematik 2a'],
  ['MATMAT02b', 'Matematik 2b'],
  ['MATMAT02c', 'Matematik 2c'],
  ['MATMAT03b', 'Matematik 3b'],
  ['MATMAT03c', 'Matematik 3c'],
  ['MATMAT04', 'Matematik 4'],
  ['SVESVE01', 'Svenska 1'],
  ['SVESVE03', 'Svenska 3'],
  ['SVASVA01', 'Svenska som andraspråk 1'],
  ['SVASVA03', 'Svenska som andraspråk 3'],
];

/** Courses whose national tests komvux (VUXGY) also gives. */
const VUX_COURSES = new Set([
  'ENGENG05',
  'ENGENG06',
  'MATMAT01a',
  'MATMAT01b',
  'MATMAT01c',
  'MATMAT02a',
  'MATMAT02b',
  'MATMAT02c',
  'SVESVE01',
  'SVESVE03',
  'SVASVA01',
  'SVASVA03',
]);

/**
 * displayName is the natural key (id = UUID v5 of it), so it must be unique across school types:
 * GY: the course code; VUXGY: `<course code>-VUXGY`; GR/SP/SAM: `<subject code>-<school type>-<year>`.
 */
export const SEED_EXAM_ACTIVITIES: ActivityInput[] = [
  ...TESTED_YEARS.flatMap(([schoolType, schoolYear, subjects]) =>
    subjects.map((subject) => ({
      displayName: `${subject}-${schoolType}-${schoolYear}`,
      schoolType,
      schoolYear,
      comment: `${SUBJECTS[subject]}, årskurs ${schoolYear} i ${SCHOOL_TYPE_NAMES[schoolType]}`,
    })),
  ),
  // The spec's example activity (Activity.displayName MATMAT01 → 505c5ee0-7be4-560d-9c27-10ab0d96ac9a).
  { displayName: 'MATMAT01', schoolType: 'GY', comment: 'Matematik 1 (the open-data spec’s example)' },
  ...COURSES.map(([code, name]) => ({
    displayName: code,
    schoolType: 'GY' as const,
    comment: `${name}, gymnasieskolan`,
  })),
  ...COURSES.filter(([code]) => VUX_COURSES.has(code)).map(([code, name]) => ({
    displayName: `${code}-VUXGY`,
    schoolType: 'VUXGY' as const,
    comment: `${name}, kommunal vuxenutbildning på gymnasial nivå`,
  })),
];
