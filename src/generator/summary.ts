// summary.json: counts per school unit, school type and year, totals, duty roles and defects.
import { DUTY_ROLES, type Duty, type Group } from '../model/index.js';
import type { Organisation } from '../open-data/index.js';
import type { DefectKind } from './defect-kinds.js';
import type { OrganisationPlan } from './organisation-plan.js';
import type { Roster } from './pupils.js';
import type { StaffResult } from './staff.js';

export interface YearSummary {
  schoolYear: number;
  pupils: number;
  classes: number;
}

export interface ProgrammeSummary {
  educationCode: string;
  pupils: number;
}

export interface SchoolTypeSummary {
  schoolType: string;
  pupils: number;
  classes: number;
  /** GR/SP/SAM years, and GY years 1–3 (GY enrolments carry no schoolYear; the year is the class's); empty for VUXGY. */
  years: YearSummary[];
  /** GY only: pupils per programme. */
  programmes?: ProgrammeSummary[];
}

export interface SchoolUnitSummary {
  id: string;
  schoolUnitCode: string;
  displayName: string;
  pupils: number;
  /** People with at least one duty here. */
  staff: number;
  duties: number;
  groups: number;
  activities: number;
  schoolTypes: SchoolTypeSummary[];
}

/** Counts of what summary.json describes; the defect items come on top (see `items`). */
export interface DatasetTotals {
  pupils: number;
  staff: number;
  duties: number;
  groups: number;
  activities: number;
}

export interface DatasetSummary {
  organisation: { id: string; organisationNumber: string; displayName: string };
  seed: string;
  today: string;
  /** The school year `today` falls in, e.g. `2026/27`. */
  schoolYear: string;
  /** The clean dataset. */
  totals: DatasetTotals;
  /** What the files hold: the clean dataset plus defect items and the clean items they need. */
  items: { persons: number; duties: number; groups: number; activities: number };
  dutyRoles: Record<string, number>;
  schoolUnits: SchoolUnitSummary[];
  defects: { total: number; byKind: Partial<Record<DefectKind, number>> };
}

export interface SummaryInput {
  organisation: Organisation;
  seed: string;
  today: string;
  schoolYearStart: number;
  plan: OrganisationPlan;
  rosters: readonly Roster[];
  staff: StaffResult;
  groups: readonly Group[];
  activityUnits: readonly string[];
}

function bump<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** Summarises the clean dataset (defects and `items` are filled in after injection). */
export function summarise(input: SummaryInput): DatasetSummary {
  const { plan, rosters, staff } = input;
  const duties: Duty[] = staff.members.flatMap((m) => m.duties);
  const groupsAt = new Map<string, number>();
  for (const group of input.groups) bump(groupsAt, group.organisation.id);
  const activitiesAt = new Map<string, number>();
  for (const unitId of input.activityUnits) bump(activitiesAt, unitId);
  const dutiesAt = new Map<string, number>();
  const staffAt = new Map<string, Set<string>>();
  for (const duty of duties) {
    bump(dutiesAt, duty.dutyAt.id);
    const people = staffAt.get(duty.dutyAt.id) ?? new Set<string>();
    people.add(duty.person.id);
    staffAt.set(duty.dutyAt.id, people);
  }
  const schoolUnits = plan.units.map((unit): SchoolUnitSummary => {
    const types: SchoolTypeSummary[] = [];
    for (const slot of plan.slots.filter((s) => s.unit === unit)) {
      let type = types.find((t) => t.schoolType === slot.schoolType);
      if (!type) {
        type = { schoolType: slot.schoolType, pupils: 0, classes: 0, years: [] };
        if (slot.schoolType === 'GY') type.programmes = [];
        types.push(type);
      }
      type.pupils += slot.pupils;
      type.classes += slot.classes.length;
      if (slot.schoolYear !== undefined) {
        type.years.push({ schoolYear: slot.schoolYear, pupils: slot.pupils, classes: slot.classes.length });
      }
      for (const roster of rosters.filter((r) => r.slot === slot && r.cls?.programme)) {
        const code = roster.cls?.programme?.educationCode as string;
        const entry = type.programmes?.find((p) => p.educationCode === code);
        if (entry) entry.pupils += roster.pupils.length;
        else type.programmes?.push({ educationCode: code, pupils: roster.pupils.length });
      }
    }
    return {
      id: unit.id,
      schoolUnitCode: unit.schoolUnitCode,
      displayName: unit.displayName,
      pupils: types.reduce((n, t) => n + t.pupils, 0),
      staff: staffAt.get(unit.id)?.size ?? 0,
      duties: dutiesAt.get(unit.id) ?? 0,
      groups: groupsAt.get(unit.id) ?? 0,
      activities: activitiesAt.get(unit.id) ?? 0,
      schoolTypes: types,
    };
  });
  const roles = new Map<string, number>();
  for (const duty of duties) bump(roles, duty.dutyRole);
  const dutyRoles: Record<string, number> = {};
  for (const role of DUTY_ROLES) if (roles.has(role)) dutyRoles[role] = roles.get(role) as number;
  const totals: DatasetTotals = {
    pupils: rosters.reduce((n, r) => n + r.pupils.length, 0),
    staff: staff.members.length,
    duties: duties.length,
    groups: input.groups.length,
    activities: input.activityUnits.length,
  };
  const { organisation } = input;
  return {
    organisation: {
      id: organisation.id,
      organisationNumber: organisation.organisationNumber,
      displayName: organisation.displayName,
    },
    seed: input.seed,
    today: input.today,
    schoolYear: `${input.schoolYearStart}/${String((input.schoolYearStart + 1) % 100).padStart(2, '0')}`,
    totals,
    items: {
      persons: totals.pupils + totals.staff,
      duties: totals.duties,
      groups: totals.groups,
      activities: totals.activities,
    },
    dutyRoles,
    schoolUnits,
    defects: { total: 0, byKind: {} },
  };
}
