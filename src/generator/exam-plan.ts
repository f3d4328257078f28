// Which exam activities (provaktiviteter) a class sits: by school type and year, GY courses by programme and year.
import type { ExamActivity, OpenDataCatalogue, Programme } from '../open-data/index.js';
import type { ClassPlan, SlotPlan } from './organisation-plan.js';
import type { SeededRandom } from './seeded-random.js';

/** Who in a class sits an exam: everybody, only pupils of Swedish as a second language, or only the others. */
export type Sitters = 'all' | 'sva' | 'sve';

export interface ExamSitting {
  exam: ExamActivity;
  sitters: Sitters;
  /** Short label for group names: `MAT`, `SVA`, `MATMAT01c`. */
  label: string;
}

/** Year 9 (SP 10) has one NO and one SO subject a year, chosen per school unit (seed-exam-activities.ts). */
const ONE_OF = [
  ['BIO', 'FYS', 'KEM'],
  ['GEO', 'HIS', 'REL', 'SAM'],
] as const;

/** Skolverket's GR subject codes: `GRGRMAT01-GR-6` → `MAT`. */
const GR_SUBJECT = /^GRGR([A-Z]{3})\d{2}/;
/** GY course codes: `MATMAT01c` → subject MAT, level 1, variant c. */
const GY_COURSE = /^([A-Z]{3})[A-Z]{3}(\d{2})([a-z]?)$/;

/** Matematik variant by programme: c for NA and TE, b for EK, ES, HU and SA, a for the vocational ones. */
function mathVariant(programme: Programme | undefined): string {
  const code = programme?.educationCode.slice(0, 2) ?? '';
  if (code === 'NA' || code === 'TE') return 'c';
  if (['EK', 'ES', 'HU', 'SA'].includes(code)) return 'b';
  return 'a';
}

/** The GY year a course is usually read in: Engelska 5 and 6 in years 1 and 2, other courses by their level. */
function courseYear(subject: string, level: number): number {
  return subject === 'ENG' ? level - 4 : level;
}

function withSvaSplit(sittings: ExamSitting[], subjectOf: (s: ExamSitting) => string): ExamSitting[] {
  const hasSva = sittings.some((s) => subjectOf(s) === 'SVA');
  return sittings.map((s) => {
    if (!hasSva) return s;
    if (subjectOf(s) === 'SVA') return { ...s, sitters: 'sva' };
    if (subjectOf(s) === 'SVE') return { ...s, sitters: 'sve' };
    return s;
  });
}

/** Creates the planner; `random` picks each unit's NO and SO subjects once. */
export function createExamPlanner(catalogue: OpenDataCatalogue, random: SeededRandom) {
  const choices = new Map<string, string>();

  function gradeSittings(slot: SlotPlan): ExamSitting[] {
    const exams = catalogue.examActivities({
      schoolType: slot.schoolType,
      ...(slot.schoolYear ? { schoolYear: slot.schoolYear } : {}),
    });
    const subjectOf = (s: ExamSitting) => GR_SUBJECT.exec(s.exam.displayName)?.[1] ?? s.exam.displayName;
    let sittings: ExamSitting[] = exams.map((exam) => {
      const subject = GR_SUBJECT.exec(exam.displayName)?.[1];
      return { exam, sitters: 'all', label: subject ?? exam.displayName };
    });
    for (const group of ONE_OF) {
      const offered = sittings.filter((s) => (group as readonly string[]).includes(subjectOf(s)));
      if (offered.length <= 1) continue;
      const key = `${slot.unit.id}/${slot.schoolType}/${slot.schoolYear}/${group[0]}`;
      let chosen = choices.get(key);
      if (!chosen) {
        chosen = subjectOf(random.pick(offered));
        choices.set(key, chosen);
      }
      const keep = chosen;
      sittings = sittings.filter((s) => !offered.includes(s) || subjectOf(s) === keep);
    }
    return withSvaSplit(sittings, subjectOf);
  }

  function courseSittings(slot: SlotPlan, cls: ClassPlan): ExamSitting[] {
    const variant = mathVariant(cls.programme);
    const courses = catalogue.examActivities({ schoolType: 'GY' }).flatMap((exam) => {
      const match = GY_COURSE.exec(exam.displayName);
      // A course code the planner does not understand is read in year 1.
      if (!match)
        return slot.schoolYear === 1 ? [{ exam, subject: exam.displayName, level: 0, variant: '' }] : [];
      const subject = match[1] as string;
      const level = Number(match[2]);
      return courseYear(subject, level) === slot.schoolYear
        ? [{ exam, subject, level, variant: match[3] ?? '' }]
        : [];
    });
    const chosen = courses.filter((c) => {
      const siblings = courses.filter((o) => o.subject === c.subject && o.level === c.level);
      const hasVariants = siblings.some((o) => o.variant !== '');
      return hasVariants ? c.variant === variant : true;
    });
    const subjects = new Map(chosen.map((c) => [c.exam, c.subject]));
    const sittings: ExamSitting[] = chosen.map((c) => ({
      exam: c.exam,
      sitters: 'all',
      label: c.exam.displayName,
    }));
    return withSvaSplit(sittings, (s) => subjects.get(s.exam) ?? '');
  }

  return {
    /** The exam activities a class of `slot` sits, with who sits each. */
    sittingsFor(slot: SlotPlan, cls: ClassPlan): ExamSitting[] {
      return slot.schoolType === 'GY' ? courseSittings(slot, cls) : gradeSittings(slot);
    },
    /** Komvux courses with a national test (VUXGY exam activities). */
    vuxCourses(): readonly ExamActivity[] {
      return catalogue.examActivities({ schoolType: 'VUXGY' });
    },
  };
}

export type ExamPlanner = ReturnType<typeof createExamPlanner>;
