// generateDataset: builds a whole huvudman dataset in memory from options (pupils, staff, groups, activities, defects).
import type { Activity, Duty, Group, Person, ResourceName, SeverityLevel } from '../model/index.js';
import { createSeededCatalogue, type Organisation, type SchoolUnit } from '../open-data/index.js';
import { createActivities } from './activities.js';
import { DEFECT_KINDS, type DefectKind } from './defect-kinds.js';
import { DEFECTS, type DefectContext, type DefectSpec, defectSpec } from './defects.js';
import { createExamPlanner } from './exam-plan.js';
import {
  type GenerateOptions,
  PUPILS_PER_STAFF,
  type ResolvedGenerateOptions,
  resolveGenerateOptions,
} from './generate-options.js';
import { createGenerationState, createRootRandom } from './generation-state.js';
import { GeneratorError } from './generator-error.js';
import { createGroups } from './groups.js';
import { organisationDomain } from './identifiers.js';
import { planOrganisation } from './organisation-plan.js';
import { createPupils } from './pupils.js';
import { createSchoolCalendar } from './school-calendar.js';
import { createStaff } from './staff.js';
import { type DatasetSummary, summarise } from './summary.js';

/** One injected defect: the broken item, the rule it must trigger, and the clean items it leans on. */
export interface DefectRecord {
  kind: DefectKind;
  resource: ResourceName;
  id: string;
  /** The rule's code (`RULES[].code`; the LogEntry `id` is this number as a string). */
  code: number;
  /** The rule's stable name, e.g. `person.civic-no.check-digit`. */
  rule: string;
  severity: SeverityLevel;
  /** Clean items added only for this defect (a staff member for a duty, a group for an activity). */
  related: { resource: ResourceName; id: string }[];
}

/** A generated dataset, in memory; {@link writeDataset} writes it in either format. */
export interface Dataset {
  options: ResolvedGenerateOptions;
  organisation: Organisation;
  /** Every school unit of the organisation in open data (the SS 12000 format lists them as organisations). */
  schoolUnits: readonly SchoolUnit[];
  persons: Person[];
  duties: Duty[];
  groups: Group[];
  activities: Activity[];
  defects: DefectRecord[];
  summary: DatasetSummary;
}

function defectPlan(options: ResolvedGenerateOptions, ctx: DefectContext): DefectSpec[] {
  if (options.defects === 0) return [];
  if (options.defectKinds.length === 0) {
    const possible = DEFECTS.filter((spec) => !spec.impossible?.(ctx));
    return Array.from({ length: options.defects }, (_, i) => possible[i % possible.length] as DefectSpec);
  }
  const specs = options.defectKinds.map(defectSpec);
  for (const spec of specs) {
    const reason = spec.impossible?.(ctx);
    if (reason) {
      throw new GeneratorError(
        'defect_not_possible',
        `--defect ${spec.kind} cannot be injected for organisation ${options.organisationNumber}: ${reason}`,
        '--defect',
      );
    }
  }
  return Array.from({ length: options.defects }, (_, i) => specs[i % specs.length] as DefectSpec);
}

/**
 * Generates a dataset. Deterministic: the same options (and catalogue) give an equal dataset, and the
 * written files are byte-identical. Clean items pass every rule of src/model when pushed in the README's
 * order; each defect item triggers exactly its rule.
 *
 * @throws GeneratorError for bad options, an unknown organisation, or a defect the organisation cannot host.
 * @example const dataset = generateDataset({ organisationNumber: '5567044268', pupils: 200, seed: 7 });
 */
export function generateDataset(options: GenerateOptions): Dataset {
  const resolved = resolveGenerateOptions(options);
  const catalogue = options.catalogue ?? createSeededCatalogue();
  const calendar = createSchoolCalendar(resolved.today);
  const organisation = catalogue.organisationByNumber(resolved.organisationNumber);
  const state = createGenerationState({
    root: createRootRandom(resolved.seed, resolved.organisationNumber, resolved.today),
    catalogue,
    calendar,
    domain: organisationDomain(organisation?.displayName ?? '', organisation?.email),
  });
  const plan = planOrganisation(
    catalogue,
    resolved.organisationNumber,
    resolved.pupils,
    calendar,
    state.random.plan,
  );
  const total = resolved.pupils;
  const rosters = createPupils(
    state,
    plan,
    options.onProgress ? (done) => options.onProgress?.({ done, total }) : undefined,
  );
  const staffCount =
    resolved.staff ?? Math.max(2 * plan.units.length, Math.ceil(resolved.pupils / PUPILS_PER_STAFF));
  const staff = createStaff(state, plan, staffCount);
  const { groups, teaching } = createGroups(
    state,
    rosters,
    createExamPlanner(catalogue, state.random.groups),
  );
  const activities = createActivities(state, teaching, staff.teachersByUnit);

  const persons = [
    ...rosters.flatMap((r) => r.pupils.map((p) => p.person)),
    ...staff.members.map((m) => m.person),
  ];
  const duties = staff.members.flatMap((m) => m.duties);
  const summary = summarise({
    organisation: plan.organisation,
    seed: resolved.seed,
    today: resolved.today,
    schoolYearStart: calendar.schoolYearStart,
    plan,
    rosters,
    staff,
    groups,
    activityUnits: activities.map((a) => a.organisation.id),
  });

  const dataset: Dataset = {
    options: resolved,
    organisation: plan.organisation,
    schoolUnits: plan.allUnits,
    persons,
    duties,
    groups,
    activities,
    defects: [],
    summary,
  };
  const defectContext: DefectContext = { state, plan, rosters, staff, teaching };
  injectDefects(dataset, defectPlan(resolved, defectContext), defectContext);
  return dataset;
}

function injectDefects(dataset: Dataset, specs: readonly DefectSpec[], ctx: DefectContext): void {
  const byKind: Partial<Record<DefectKind, number>> = {};
  for (const spec of specs) {
    const injection = spec.inject(ctx);
    const related: DefectRecord['related'] = [];
    for (const person of injection.supporting?.persons ?? []) {
      dataset.persons.push(person);
      related.push({ resource: 'persons', id: person.id });
    }
    for (const group of injection.supporting?.groups ?? []) {
      dataset.groups.push(group);
      related.push({ resource: 'groups', id: group.id });
    }
    switch (injection.resource) {
      case 'persons':
        dataset.persons.push(injection.item);
        break;
      case 'duties':
        dataset.duties.push(injection.item);
        break;
      case 'groups':
        dataset.groups.push(injection.item);
        break;
      case 'activities':
        dataset.activities.push(injection.item);
        break;
    }
    dataset.defects.push({
      kind: spec.kind,
      resource: injection.resource,
      id: injection.item.id,
      code: spec.rule.code,
      rule: spec.rule.name,
      severity: spec.rule.severity,
      related,
    });
    byKind[spec.kind] = (byKind[spec.kind] ?? 0) + 1;
  }
  const ordered: Partial<Record<DefectKind, number>> = {};
  for (const kind of DEFECT_KINDS) if (byKind[kind]) ordered[kind] = byKind[kind];
  dataset.summary.defects = { total: specs.length, byKind: ordered };
  dataset.summary.items = {
    persons: dataset.persons.length,
    duties: dataset.duties.length,
    groups: dataset.groups.length,
    activities: dataset.activities.length,
  };
}
