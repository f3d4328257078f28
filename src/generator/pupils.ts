// Generates pupils: enrolled at their school unit with schoolYear (GR/SP/SAM) or educationCode (GY).
import type { CivicNumberKind, Enrolment, Person } from '../model/index.js';
import type { GenerationState } from './generation-state.js';
import type { ClassPlan, OrganisationPlan, SlotPlan } from './organisation-plan.js';
import { createPersonCore, personOf } from './people.js';

/** Share of pupils who read Swedish as a second language (and sit SVA instead of SVE). */
export const SVA_SHARE = 0.08;

export interface Pupil {
  person: Person;
  /** Reads Svenska som andraspråk. */
  sva: boolean;
}

/** The pupils of one class, or (VUXGY, `cls` undefined) all students of one komvux slot. */
export interface Roster {
  slot: SlotPlan;
  cls?: ClassPlan;
  pupils: Pupil[];
}

/** The enrolment of a pupil of `slot` (in class `cls` for GY, whose programme gives the educationCode). */
export function enrolmentFor(slot: SlotPlan, cls?: ClassPlan): Enrolment {
  const enrolment: Enrolment = { enroledAt: { id: slot.unit.id }, schoolType: slot.schoolType };
  if (slot.schoolType === 'GY') {
    if (cls?.programme) enrolment.educationCode = cls.programme.educationCode;
  } else if (slot.schoolYear !== undefined) {
    // Property order as in the spec's Enrolment: enroledAt, schoolYear, schoolType.
    return { enroledAt: enrolment.enroledAt, schoolYear: slot.schoolYear, schoolType: slot.schoolType };
  }
  return enrolment;
}

/** One pupil of `slot`, with a birth year that fits the year (adults for VUXGY). */
export function createPupil(
  state: GenerationState,
  slot: SlotPlan,
  cls?: ClassPlan,
  kind?: CivicNumberKind,
): Pupil {
  const random = state.random.pupils;
  const birthYear =
    slot.schoolType === 'VUXGY'
      ? state.calendar.adultBirthYear(random.between(20, 49))
      : state.calendar.birthYear(slot.schoolType, slot.schoolYear ?? 1);
  const core = createPersonCore(state, random, { birthYear, ...(kind ? { kind } : {}) });
  const sva = random.chance(SVA_SHARE);
  return { person: personOf(core, { enrolments: [enrolmentFor(slot, cls)] }), sva };
}

/** Every pupil of the plan, class by class; `onPupil` is told the running count (for progress). */
export function createPupils(
  state: GenerationState,
  plan: OrganisationPlan,
  onPupil?: (done: number) => void,
): Roster[] {
  const rosters: Roster[] = [];
  let done = 0;
  const make = (slot: SlotPlan, cls: ClassPlan | undefined, size: number) => {
    const pupils: Pupil[] = [];
    for (let i = 0; i < size; i++) {
      pupils.push(createPupil(state, slot, cls));
      done++;
      if (onPupil && done % 1000 === 0) onPupil(done);
    }
    rosters.push(cls ? { slot, cls, pupils } : { slot, pupils });
  };
  for (const slot of plan.slots) {
    if (slot.schoolType === 'VUXGY') make(slot, undefined, slot.pupils);
    else for (const cls of slot.classes) make(slot, cls, cls.size);
  }
  onPupil?.(done);
  return rosters;
}
