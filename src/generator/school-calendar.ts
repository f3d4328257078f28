// The generator's notion of time: "today", the school year it falls in, birth years per school year, meta stamps.
import type { SchoolType } from '../model/index.js';
import type { SeededRandom } from './seeded-random.js';

/**
 * Default `--today`: the first school day of 2026/27, which is also the controlled clock's default start.
 * A fixed default keeps the output byte-identical whenever it is generated.
 */
export const DEFAULT_TODAY = '2026-09-01';

/** A Swedish school year (läsår) starts in the autumn: from 1 July a date belongs to the new school year. */
const SCHOOL_YEAR_FIRST_MONTH = 7;

export interface SchoolCalendar {
  /** `YYYY-MM-DD`. */
  today: string;
  /** Midnight UTC of `today`. */
  todayDate: Date;
  /** Calendar year in which the current school year started (2026 for 2026-09-01 and for 2027-03-01). */
  schoolYearStart: number;
  /** The birth year of a pupil in `schoolYear` of GR, SP, SAM or GY (see docs/generator.md, "Ages"). */
  birthYear(schoolType: SchoolType, schoolYear: number): number;
  /** The birth year of an adult (staff, VUXGY) who turns `age` this school year. */
  adultBirthYear(age: number): number;
}

/** Parses `YYYY-MM-DD` strictly; undefined when it is not a real date. */
export function parseIsoDate(text: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text ? date : undefined;
}

/**
 * The calendar for a given day. GR, SP and SAM year Y: born in `schoolYearStart − 6 − Y` (a pupil starts
 * year 1 the autumn they turn 7). GY year G: the same count continued after year 9, so born in
 * `schoolYearStart − 15 − G` (16 in the first year). VUXGY students and staff are adults.
 */
export function createSchoolCalendar(today: string): SchoolCalendar {
  const todayDate = parseIsoDate(today);
  if (!todayDate) throw new TypeError(`today must be a real YYYY-MM-DD date, got ${today}`);
  const year = todayDate.getUTCFullYear();
  const schoolYearStart = todayDate.getUTCMonth() + 1 >= SCHOOL_YEAR_FIRST_MONTH ? year : year - 1;
  return {
    today,
    todayDate,
    schoolYearStart,
    birthYear(schoolType, schoolYear) {
      if (schoolType === 'GY') return schoolYearStart - 15 - schoolYear;
      if (schoolType === 'VUXGY') throw new TypeError('VUXGY has no school years: use adultBirthYear');
      return schoolYearStart - 6 - schoolYear;
    },
    adultBirthYear: (age) => schoolYearStart - age,
  };
}

const DAY_MS = 86_400_000;

/** `meta` of a generated object: created within the year before `today`, modified between then and `today`. */
export interface MetaStamps {
  created: string;
  modified: string;
}

/** Draws meta stamps from the seeded stream, never from the wall clock; RFC 3339 in UTC with milliseconds. */
export function pickMetaStamps(random: SeededRandom, calendar: SchoolCalendar): MetaStamps {
  const end = calendar.todayDate.getTime();
  const created = end - DAY_MS - random.int(365 * DAY_MS);
  const modified = created + random.int(end - created);
  return { created: new Date(created).toISOString(), modified: new Date(modified).toISOString() };
}
