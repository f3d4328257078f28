// Generates staff: a rektor per school unit, mostly teachers, a few other roles; school e-mail; some eduID.
import { DUTY_ROLES, type Duty, type DutyRole, EDUID_CONTEXT, type Person } from '../model/index.js';
import type { GenerationState } from './generation-state.js';
import type { OrganisationPlan } from './organisation-plan.js';
import { apportion } from './organisation-plan.js';
import { createPersonCore, personOf } from './people.js';
import type { SeededRandom } from './seeded-random.js';

/** Share of staff with an eduID identifier (huvudmän with their own IdP that ordered e-legitimation support). */
export const EDUID_SHARE = 0.05;
/** Share of staff with a second duty at another school unit of the organisation. */
export const SECOND_DUTY_SHARE = 0.03;
/** Roles whose duties teach activities. */
export const TEACHING_ROLES: readonly DutyRole[] = ['Lärare', 'Förstelärare'];

/** Relative weights of the 17 roles for staff after the rektor and the first teacher: mostly teachers. */
const ROLE_WEIGHTS: Readonly<Record<DutyRole, number>> = {
  Rektor: 0.5,
  Lärare: 70,
  Förskollärare: 1,
  Barnskötare: 0.5,
  Bibliotekarie: 1,
  Lärarassistent: 3,
  Fritidspedagog: 2,
  'Annan personal': 2,
  'Studie- och yrkesvägledare': 2,
  Förstelärare: 6,
  Kurator: 2,
  Skolsköterska: 2,
  Skolläkare: 0.5,
  Skolpsykolog: 1,
  'Speciallärare/specialpedagog': 4,
  Skoladministratör: 2,
  'Övrig arbetsledning': 1,
};
const TOTAL_WEIGHT = DUTY_ROLES.reduce((sum, role) => sum + ROLE_WEIGHTS[role], 0);

function pickRole(random: SeededRandom): DutyRole {
  let roll = random.next() * TOTAL_WEIGHT;
  for (const role of DUTY_ROLES) {
    roll -= ROLE_WEIGHTS[role];
    if (roll < 0) return role;
  }
  return 'Lärare';
}

export interface StaffMember {
  person: Person;
  duties: Duty[];
}

export interface StaffResult {
  members: StaffMember[];
  /** Teaching duties (Lärare, Förstelärare) per school-unit id, for activities' `teachers`. */
  teachersByUnit: Map<string, Duty[]>;
}

/** Staff per unit: one each first (the rektor), the rest in proportion to the unit's pupils. */
function staffPerUnit(plan: OrganisationPlan, total: number): number[] {
  const units = plan.units;
  if (total < units.length) return units.map((_, i) => (i < total ? 1 : 0));
  const pupils = units.map((unit) =>
    plan.slots.filter((s) => s.unit === unit).reduce((n, s) => n + s.pupils, 0),
  );
  const weights = pupils.some((n) => n > 0) ? pupils : units.map(() => 1);
  return apportion(total - units.length, weights).map((n) => n + 1);
}

function dutyOf(state: GenerationState, personId: string, unitId: string, dutyRole: DutyRole): Duty {
  return { id: state.ids.uuid(), person: { id: personId }, dutyAt: { id: unitId }, dutyRole };
}

/** One staff member with a duty of `role` at `unitId`: e-mail always, eduID sometimes. */
export function createStaffMember(state: GenerationState, unitId: string, role: DutyRole): StaffMember {
  const random = state.random.staff;
  const core = createPersonCore(state, random, {
    birthYear: state.calendar.adultBirthYear(random.between(24, 65)),
  });
  const emails = [{ value: state.emails.issue(core.name), type: 'Skola personal' as const }];
  const externalIdentifiers = random.chance(EDUID_SHARE)
    ? [{ value: state.eduIds.issue(), context: EDUID_CONTEXT, globallyUnique: true }]
    : undefined;
  const person = personOf(core, { emails, ...(externalIdentifiers ? { externalIdentifiers } : {}) });
  return { person, duties: [dutyOf(state, person.id, unitId, role)] };
}

/** `total` staff members spread over the plan's school units. */
export function createStaff(state: GenerationState, plan: OrganisationPlan, total: number): StaffResult {
  const random = state.random.staff;
  const members: StaffMember[] = [];
  const teachersByUnit = new Map<string, Duty[]>();
  const addTeacher = (duty: Duty) => {
    if (!TEACHING_ROLES.includes(duty.dutyRole)) return;
    const list = teachersByUnit.get(duty.dutyAt.id) ?? [];
    list.push(duty);
    teachersByUnit.set(duty.dutyAt.id, list);
  };
  const counts = staffPerUnit(plan, total);
  plan.units.forEach((unit, u) => {
    const count = counts[u] as number;
    for (let i = 0; i < count; i++) {
      const role: DutyRole = i === 0 ? 'Rektor' : i === 1 ? 'Lärare' : pickRole(random);
      const member = createStaffMember(state, unit.id, role);
      if (plan.units.length > 1 && i > 0 && random.chance(SECOND_DUTY_SHARE)) {
        const others = plan.units.filter((other) => other !== unit);
        member.duties.push(dutyOf(state, member.person.id, random.pick(others).id, role));
      }
      member.duties.forEach(addTeacher);
      members.push(member);
    }
  });
  return { members, teachersByUnit };
}
