// The defect table: for each kind, the resource it breaks, the rule it must trigger, and how to inject it.
import {
  type Activity,
  type Duty,
  type Group,
  isNameBasedEppn,
  makeCivicNumber,
  type Person,
  type ResourceName,
  RULES,
  type RuleDefinition,
} from '../model/index.js';
import type { DefectKind } from './defect-kinds.js';
import type { GenerationState } from './generation-state.js';
import type { TeachingGroup } from './groups.js';
import { toAscii } from './identifiers.js';
import type { ClassPlan, OrganisationPlan, SlotPlan } from './organisation-plan.js';
import { createPupil, type Roster } from './pupils.js';
import { createStaffMember, type StaffResult } from './staff.js';

/** What the injectors may read: the clean dataset as built so far. */
export interface DefectContext {
  state: GenerationState;
  plan: OrganisationPlan;
  rosters: readonly Roster[];
  staff: StaffResult;
  teaching: readonly TeachingGroup[];
}

/** The broken item, and clean items it needs (a staff member for a duty, a group for an activity). */
export type DefectInjection = (
  | { resource: 'persons'; item: Person }
  | { resource: 'duties'; item: Duty }
  | { resource: 'groups'; item: Group }
  | { resource: 'activities'; item: Activity }
) & { supporting?: { persons?: Person[]; groups?: Group[] } };

export interface DefectSpec {
  kind: DefectKind;
  resource: ResourceName;
  /** The model rule (from RULES) the broken item triggers, and no other. */
  rule: RuleDefinition;
  /** Why this organisation cannot host the defect, or undefined when it can. */
  impossible?(ctx: DefectContext): string | undefined;
  inject(ctx: DefectContext): DefectInjection;
}

function rule(name: string): RuleDefinition {
  const found = RULES.find((r) => r.name === name);
  if (!found) throw new TypeError(`src/model has no rule named ${name}`);
  return found;
}

/** A slot (and class) whose pupils are valid by construction, for defect pupils. */
function templateFor(
  ctx: DefectContext,
  schoolType?: string,
): { slot: SlotPlan; cls?: ClassPlan } | undefined {
  const slots = ctx.plan.slots.filter((s) =>
    schoolType ? s.schoolType === schoolType : s.schoolType !== 'GY',
  );
  const slot =
    slots.length > 0 ? ctx.state.random.defects.pick(slots) : schoolType ? undefined : ctx.plan.slots[0];
  if (!slot) return undefined;
  if (slot.schoolType !== 'GY') return { slot };
  const programme = ctx.plan.programmes.get(slot.unit.id)?.[0];
  return { slot, cls: { displayName: '', size: 0, ...(programme ? { programme } : {}) } };
}

function defectPupil(ctx: DefectContext, schoolType?: string): Person {
  const template = templateFor(ctx, schoolType);
  if (!template) throw new TypeError(`no ${schoolType} slot for a defect pupil`);
  return createPupil(ctx.state, template.slot, template.cls, 'personnummer').person;
}

function anyUnitId(ctx: DefectContext): string {
  return (ctx.plan.units[0] ?? ctx.plan.allUnits[0])?.id ?? ctx.state.ids.uuid();
}

/** A clean staff member (person with e-mail + Lärare duty at one of the organisation's units). */
function staffMember(ctx: DefectContext) {
  return createStaffMember(ctx.state, anyUnitId(ctx), 'Lärare');
}

function otherOrganisationUnit(ctx: DefectContext) {
  const own = ctx.plan.organisation.organisationNumber;
  return ctx.state.catalogue.schoolUnits.find((u) => u.parentOrganisation.organisationNumber !== own);
}

function anyPupil(ctx: DefectContext): Person | undefined {
  return ctx.rosters.find((r) => r.pupils.length > 0)?.pupils[0]?.person;
}

export const DEFECTS: readonly DefectSpec[] = [
  {
    kind: 'bad-luhn',
    resource: 'persons',
    rule: rule('person.civic-no.check-digit'),
    inject(ctx) {
      const item = defectPupil(ctx);
      const value = item.civicNo.value;
      const wrong = (Number(value.slice(-1)) + 1 + ctx.state.random.defects.int(9)) % 10;
      item.civicNo = { ...item.civicNo, value: `${value.slice(0, -1)}${wrong}` };
      return { resource: 'persons', item };
    },
  },
  {
    kind: 'impossible-date',
    resource: 'persons',
    rule: rule('person.civic-no.date'),
    inject(ctx) {
      const item = defectPupil(ctx);
      // A Luhn-valid number for the 28th, moved to the 30th of February: only the date is wrong.
      const real = makeCivicNumber(`${item.civicNo.value.slice(0, 4)}-02-28`, 123, 'personnummer');
      item.civicNo = { ...item.civicNo, value: `${real.slice(0, 6)}30${real.slice(8)}` };
      return { resource: 'persons', item };
    },
  },
  {
    kind: 'missing-eppn',
    resource: 'persons',
    rule: rule('person.eppn.exactly-one'),
    inject(ctx) {
      const item = defectPupil(ctx);
      item.eduPersonPrincipalNames = [];
      return { resource: 'persons', item };
    },
  },
  {
    kind: 'two-eppns',
    resource: 'persons',
    rule: rule('person.eppn.exactly-one'),
    inject(ctx) {
      const item = defectPupil(ctx);
      const second = ctx.state.eppns.issue({ givenName: item.givenName, familyName: item.familyName });
      item.eduPersonPrincipalNames = [...item.eduPersonPrincipalNames, second];
      return { resource: 'persons', item };
    },
  },
  {
    kind: 'eppn-shared-pupil-staff',
    resource: 'duties',
    rule: rule('duty.person.eppn-shared-with-pupil'),
    impossible: (ctx) => (anyPupil(ctx) ? undefined : 'it needs at least one pupil (--pupils 1)'),
    inject(ctx) {
      const member = staffMember(ctx);
      const { givenName, familyName, middleName } = member.person;
      const names = { givenName, familyNames: middleName ? [familyName, middleName] : [familyName] };
      // A pupil's EPPN that happens not to look name-derived for the staff member too (else 3047 would join in).
      const eppn = ctx.rosters
        .flatMap((r) => r.pupils)
        .map((p) => p.person.eduPersonPrincipalNames[0] as string)
        .find((candidate) => !isNameBasedEppn(candidate, names));
      // Persons come before duties, so the person is accepted; its duty is what makes it staff, and is refused.
      member.person.eduPersonPrincipalNames = [
        eppn ?? (anyPupil(ctx) as Person).eduPersonPrincipalNames[0] ?? '',
      ];
      return { resource: 'duties', item: member.duties[0] as Duty, supporting: { persons: [member.person] } };
    },
  },
  {
    kind: 'unknown-school-unit',
    resource: 'persons',
    rule: rule('enrolment.school-unit.unknown'),
    inject(ctx) {
      const item = defectPupil(ctx);
      const enrolment = item.enrolments?.[0];
      if (enrolment) enrolment.enroledAt = { id: ctx.state.ids.uuid() };
      return { resource: 'persons', item };
    },
  },
  {
    kind: 'other-organisation-school-unit',
    resource: 'duties',
    rule: rule('duty.duty-at.other-organisation'),
    impossible: (ctx) =>
      otherOrganisationUnit(ctx) ? undefined : 'open data has no school unit of another organisation',
    inject(ctx) {
      const member = staffMember(ctx);
      const duty = member.duties[0] as Duty;
      duty.dutyAt = { id: (otherOrganisationUnit(ctx) as { id: string }).id };
      return { resource: 'duties', item: duty, supporting: { persons: [member.person] } };
    },
  },
  {
    kind: 'gy-without-education-code',
    resource: 'persons',
    rule: rule('enrolment.education-code.required'),
    impossible: (ctx) =>
      templateFor(ctx, 'GY') ? undefined : 'the organisation has no GY school unit with a valid programme',
    inject(ctx) {
      const item = defectPupil(ctx, 'GY');
      const enrolment = item.enrolments?.[0];
      if (enrolment) delete enrolment.educationCode;
      return { resource: 'persons', item };
    },
  },
  {
    kind: 'bad-group-type',
    resource: 'groups',
    rule: rule('group.group-type.not-allowed'),
    inject(ctx) {
      const roster = ctx.rosters.find((r) => r.pupils.length > 0);
      const slot = roster?.slot ?? (ctx.plan.slots[0] as SlotPlan);
      const members = (roster?.pupils ?? []).slice(0, 5).map((p) => ({ person: { id: p.person.id } }));
      const item: Group = {
        id: ctx.state.ids.uuid(),
        displayName: `Mentorsgrupp ${slot.schoolYear ?? slot.schoolType}`,
        groupType: 'Mentor',
        schoolType: slot.schoolType,
        organisation: { id: slot.unit.id },
        groupMemberships: members,
      };
      return { resource: 'groups', item };
    },
  },
  {
    kind: 'activity-without-groups',
    resource: 'activities',
    rule: rule('activity.groups.at-least-one'),
    impossible: (ctx) =>
      ctx.state.catalogue.activities.length > 0 ? undefined : 'open data has no exam activity',
    inject(ctx) {
      const exam = ctx.teaching[0]?.exam ?? ctx.state.catalogue.activities[0];
      const item: Activity = {
        id: ctx.state.ids.uuid(),
        displayName: 'Aktivitet utan grupper',
        activityType: 'Undervisning',
        groups: [],
        organisation: { id: anyUnitId(ctx) },
        parentActivity: { id: exam?.id ?? ctx.state.ids.uuid() },
      };
      return { resource: 'activities', item };
    },
  },
  {
    kind: 'unknown-parent-activity',
    resource: 'activities',
    rule: rule('activity.parent-activity.unknown'),
    inject(ctx) {
      const existing = ctx.teaching[0]?.group;
      const slot = ctx.plan.slots[0] as SlotPlan;
      const group: Group = existing ?? {
        id: ctx.state.ids.uuid(),
        displayName: 'Undervisningsgrupp',
        groupType: 'Undervisning',
        schoolType: slot.schoolType,
        organisation: { id: slot.unit.id },
        groupMemberships: [],
      };
      const item: Activity = {
        id: ctx.state.ids.uuid(),
        displayName: `${group.displayName} (okänd provaktivitet)`,
        activityType: 'Undervisning',
        groups: [{ id: group.id }],
        organisation: { id: group.organisation.id },
        parentActivity: { id: ctx.state.ids.uuid() },
      };
      return { resource: 'activities', item, ...(existing ? {} : { supporting: { groups: [group] } }) };
    },
  },
  {
    kind: 'duty-missing-person',
    resource: 'duties',
    rule: rule('duty.person.not-found'),
    inject(ctx) {
      const item: Duty = {
        id: ctx.state.ids.uuid(),
        person: { id: ctx.state.ids.uuid() },
        dutyAt: { id: anyUnitId(ctx) },
        dutyRole: 'Lärare',
      };
      return { resource: 'duties', item };
    },
  },
  {
    kind: 'staff-without-email',
    resource: 'duties',
    rule: rule('duty.person.email-missing'),
    inject(ctx) {
      const member = staffMember(ctx);
      const person: Person = { ...member.person };
      delete person.emails;
      return { resource: 'duties', item: member.duties[0] as Duty, supporting: { persons: [person] } };
    },
  },
  {
    kind: 'name-derived-eppn',
    resource: 'persons',
    rule: rule('person.eppn.name-based'),
    inject(ctx) {
      const item = defectPupil(ctx);
      const local = `${toAscii(item.familyName).slice(0, 2)}${toAscii(item.givenName).slice(0, 2)}`;
      const domain = ctx.state.eppns.domain;
      let eppn = '';
      do eppn = `${local}${ctx.state.random.defects.between(10, 9999)}@${domain}`;
      while (!ctx.state.eppns.claim(eppn));
      item.eduPersonPrincipalNames = [eppn];
      return { resource: 'persons', item };
    },
  },
];

/** The spec of one kind. */
export function defectSpec(kind: DefectKind): DefectSpec {
  const spec = DEFECTS.find((d) => d.kind === kind);
  if (!spec) throw new TypeError(`unknown defect kind ${kind}`);
  return spec;
}
