// Plans an organisation's school: which school units, school types, years and classes, and how many pupils each.
import type { SchoolType } from '../model/index.js';
import type { OpenDataCatalogue, Organisation, Programme, SchoolUnit } from '../open-data/index.js';
import { GeneratorError } from './generator-error.js';
import type { SchoolCalendar } from './school-calendar.js';
import type { SeededRandom } from './seeded-random.js';

/** Upper bound of a class (and of a komvux course group). */
export const CLASS_SIZE = 28;
/** GY programmes a gymnasium offers (fewer when open data has fewer valid ones). */
const PROGRAMMES_PER_GYMNASIUM = 3;
const DNP_TYPES: readonly string[] = ['GR', 'SP', 'SAM', 'GY', 'VUXGY'];
const YEAR_BASED: readonly string[] = ['GR', 'SP', 'SAM', 'GY'];
const DEFAULT_GY_YEARS = [1, 2, 3];

/** One class: a `Klass` group with its pupils (komvux has no classes: see {@link SlotPlan.classes}). */
export interface ClassPlan {
  displayName: string;
  size: number;
  /** GY: the programme (studieväg) every pupil of the class follows. */
  programme?: Programme;
}

/** Pupils of one school type and year at one school unit (VUXGY: of the school type). */
export interface SlotPlan {
  unit: SchoolUnit;
  schoolType: SchoolType;
  /** GR/SP/SAM year 1–10, GY year 1–3; undefined for VUXGY. */
  schoolYear?: number;
  pupils: number;
  /** Empty for VUXGY, whose students meet only in course groups. */
  classes: ClassPlan[];
}

export interface OrganisationPlan {
  organisation: Organisation;
  /** Every school unit of the organisation in open data (any status): the SS 12000 `organisations`. */
  allUnits: readonly SchoolUnit[];
  /** Units in provtjänsten (not Expired, dnpStatus) with at least one DNP school type: where people go. */
  units: readonly SchoolUnit[];
  slots: SlotPlan[];
  /** GY programmes per unit id. */
  programmes: ReadonlyMap<string, readonly Programme[]>;
}

function isInProvtjansten(unit: SchoolUnit): boolean {
  return unit.status !== 'Expired' && unit.dnpStatus;
}

function slotsOf(unit: SchoolUnit): Omit<SlotPlan, 'pupils' | 'classes'>[] {
  const slots: Omit<SlotPlan, 'pupils' | 'classes'>[] = [];
  for (const entry of unit.schoolTypes) {
    if (!DNP_TYPES.includes(entry.schoolType) || !entry.dnpStatus) continue;
    const schoolType = entry.schoolType as SchoolType;
    if (!YEAR_BASED.includes(schoolType)) {
      slots.push({ unit, schoolType });
      continue;
    }
    let years = entry.schoolYears.filter((y) => y.dnpStatus).map((y) => y.schoolYear);
    if (schoolType === 'GY' && entry.schoolYears.length === 0) years = DEFAULT_GY_YEARS;
    for (const schoolYear of years) {
      if (schoolType === 'GY' ? schoolYear >= 1 && schoolYear <= 3 : schoolYear >= 1 && schoolYear <= 10) {
        slots.push({ unit, schoolType, schoolYear });
      }
    }
  }
  return slots;
}

/** Splits `total` over `weights` by largest remainder: deterministic, and the parts add up exactly. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, rest: x - Math.floor(x) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] as number) + 1;
    left--;
  }
  return parts;
}

/** Class letter: A, B, …, Z, AA, AB, … */
function letter(index: number): string {
  const A = 'A'.charCodeAt(0);
  return index < 26
    ? String.fromCharCode(A + index)
    : letter(Math.floor(index / 26) - 1) + String.fromCharCode(A + (index % 26));
}

function pickProgrammes(random: SeededRandom, valid: readonly Programme[]): Programme[] {
  const pool = [...valid];
  const chosen: Programme[] = [];
  while (pool.length > 0 && chosen.length < PROGRAMMES_PER_GYMNASIUM) {
    chosen.push(pool.splice(random.int(pool.length), 1)[0] as Programme);
  }
  return chosen;
}

function planClasses(
  slot: Omit<SlotPlan, 'classes'>,
  programmes: readonly Programme[],
  calendar: SchoolCalendar,
) {
  const classes: ClassPlan[] = [];
  if (slot.schoolType === 'VUXGY' || slot.pupils === 0) return classes;
  const count = Math.ceil(slot.pupils / CLASS_SIZE);
  const sizes = apportion(
    slot.pupils,
    Array.from({ length: count }, () => 1),
  );
  const perProgramme = new Map<string, number>();
  sizes.forEach((size, i) => {
    if (slot.schoolType !== 'GY') {
      classes.push({ displayName: `${slot.schoolYear}${letter(i)}`, size });
      return;
    }
    const programme = programmes[i % programmes.length] as Programme;
    const n = perProgramme.get(programme.educationCode) ?? 0;
    perProgramme.set(programme.educationCode, n + 1);
    // GY classes are named for programme and starting year: NA26A started in the autumn of 2026.
    const started = String((calendar.schoolYearStart - (slot.schoolYear ?? 1) + 1) % 100).padStart(2, '0');
    classes.push({
      displayName: `${programme.educationCode.slice(0, 2)}${started}${letter(n)}`,
      size,
      programme,
    });
  });
  return classes;
}

/**
 * Plans where `pupils` pupils go in the organisation's school units.
 * @throws GeneratorError `unknown_organisation` or `no_school_units` (option `--org`).
 */
export function planOrganisation(
  catalogue: OpenDataCatalogue,
  organisationNumber: string,
  pupils: number,
  calendar: SchoolCalendar,
  random: SeededRandom,
): OrganisationPlan {
  const organisation = catalogue.organisationByNumber(organisationNumber);
  if (!organisation) {
    throw new GeneratorError(
      'unknown_organisation',
      `organisation ${organisationNumber} is not in the open-data catalogue`,
      '--org',
    );
  }
  const allUnits = catalogue.schoolUnitsOf(organisationNumber);
  const bareSlots = allUnits.filter(isInProvtjansten).flatMap(slotsOf);
  const validProgrammes = catalogue
    .programmesValidOn(calendar.todayDate)
    .filter((p) => p.schoolType === 'GY');
  const programmes = new Map<string, readonly Programme[]>();
  for (const slot of bareSlots) {
    if (slot.schoolType === 'GY' && !programmes.has(slot.unit.id)) {
      programmes.set(slot.unit.id, pickProgrammes(random, validProgrammes));
    }
  }
  // A GY year can only be filled when some programme may be provisioned on --today.
  const usable = bareSlots.filter(
    (s) => s.schoolType !== 'GY' || (programmes.get(s.unit.id)?.length ?? 0) > 0,
  );
  if (usable.length === 0) {
    throw new GeneratorError(
      'no_school_units',
      `organisation ${organisationNumber} has no active school unit in provtjänsten with GR, SP, SAM, GY or VUXGY`,
      '--org',
    );
  }
  const units = allUnits.filter((unit) => usable.some((slot) => slot.unit === unit));
  // Some jitter so that years are not all the same size; komvux counts as two years' worth of students.
  const weights = usable.map((s) => (s.schoolType === 'VUXGY' ? 2 : 1) * (0.8 + 0.4 * random.next()));
  const counts = apportion(pupils, weights);
  const slots = usable.map((bare, i) => {
    const slot = { ...bare, pupils: counts[i] as number };
    return { ...slot, classes: planClasses(slot, programmes.get(bare.unit.id) ?? [], calendar) };
  });
  return { organisation, allUnits, units, slots, programmes };
}
