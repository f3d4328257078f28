// ORDER rule: an object is sent only after what it names has settled, and deleted only after what named it has.
import { z } from 'zod';
import type { ResourceName } from '../../../model/resource.js';
import { toRequestRef } from '../../result/request-ref.js';
import { defineRule, type Finding } from '../../rule/rule.js';
import { SOURCES } from '../../rule/sources.js';
import { dependenciesOf, objectId } from '../evidence/dataset-view.js';
import type { Evidence, JsonObject, ResourceSets } from '../evidence/evidence.js';
import { isAccepted, settlementsById, submissionOf } from '../evidence/jobs-view.js';
import { runAt } from '../evidence/traffic.js';

const DEPENDANT: readonly ResourceName[] = ['duties', 'groups', 'activities'];

function objectsById(sets: ResourceSets): Map<string, JsonObject> {
  const map = new Map<string, JsonObject>();
  for (const list of Object.values(sets)) {
    for (const object of list) {
      const id = objectId(object);
      if (id) map.set(id, object);
    }
  }
  return map;
}

/** Every object id any dataset of the scenario holds. */
function datasetIds(evidence: Evidence): Set<string> {
  const ids = new Set<string>();
  for (const dataset of evidence.datasets) for (const id of objectsById(dataset).keys()) ids.add(id);
  return ids;
}

export const ORDER_DEPENDENCIES_SETTLED = defineRule({
  id: 'PUSH-ORDER-001',
  family: 'ORDER',
  title: 'Sends each object after what it names, and deletes it after what named it, has settled',
  severity: 'blocker',
  why:
    "Skolverket's checklist, step 6.3, and the README's sequence diagram: persons, then duties, then groups, " +
    'then activities, each only after the objects it names have been stored. A duty whose person is still ' +
    'Pending is refused, and a group whose pupils are missing is accepted only with a Warning and must be sent ' +
    'again. Deletes go the other way: activities, groups, duties, then persons, each only once the deletes ' +
    '(or updates) of what named it have settled, or the delete is refused because the object is still ' +
    'referenced. Jobs are asynchronous: "202 Accepted" is not "stored", and Skolverket does not promise to ' +
    'settle jobs of different resources in the order they were sent.',
  sources: [SOURCES.checklistPush, SOURCES.order, SOURCES.changelog13],
  fix:
    'Follow each job until its items settle, and submit a duty, group or activity only once every person, ' +
    'duty and group it refers to has settled as Success or Warning; delete in reverse order, each resource ' +
    'only after the deletes and updates that stop others naming it have settled.',
  params: z.object({}),
  skipUnless: (evidence) =>
    evidence.jobs.some((job) => job.operation === 'delete' || DEPENDANT.includes(job.resource))
      ? undefined
      : 'the client sent no duty, group or activity, and deleted nothing',
  check(evidence) {
    return [...upsertFindings(evidence), ...deleteFindings(evidence)];
  },
});

function upsertFindings(evidence: Evidence): Finding[] {
  const settled = settlementsById(evidence);
  const known = datasetIds(evidence);
  const expectedErrors = new Set(evidence.expectedErrorIds);
  const findings: Finding[] = [];
  for (const job of evidence.jobs) {
    if (job.operation === 'delete' || !DEPENDANT.includes(job.resource)) continue;
    const run = runAt(evidence, job.submittedMs);
    const dataset = evidence.datasets[run?.datasetIndex ?? evidence.datasets.length - 1];
    const objects = dataset ? objectsById(dataset) : new Map<string, JsonObject>();
    const early = new Set<string>();
    let items = 0;
    for (const item of job.items) {
      const object = objects.get(item.id);
      if (!object) continue;
      const unsettled = dependenciesOf(job.resource, object).filter(
        (dep) =>
          known.has(dep) &&
          !expectedErrors.has(dep) &&
          !(settled.get(dep) ?? []).some(
            (s) => isAccepted(s.item.status) && (s.item.settledMs ?? Infinity) <= job.submittedMs,
          ),
      );
      if (unsettled.length === 0) continue;
      items += 1;
      for (const dep of unsettled) early.add(dep);
    }
    if (items === 0) continue;
    const entry = submissionOf(evidence, job);
    findings.push({
      message:
        `${job.resource} job ${job.jobId} carried ${items} item(s) sent before ${early.size} object(s) ` +
        `they name had settled (e.g. ${[...early].slice(0, 3).join(', ')}).`,
      ...(entry ? { requests: [toRequestRef(entry)] } : {}),
    });
  }
  return findings;
}

/** Per object id, when its accepted deletes settled. */
function deleteSettlements(evidence: Evidence): Map<string, number[]> {
  const map = new Map<string, number[]>();
  for (const job of evidence.jobs) {
    if (job.operation !== 'delete') continue;
    for (const item of job.items) {
      if (!isAccepted(item.status) || item.settledMs === undefined) continue;
      map.set(item.id, [...(map.get(item.id) ?? []), item.settledMs]);
    }
  }
  return map;
}

/** Objects of `sets` that name `id`, with their resource. */
function dependantsOf(sets: ResourceSets, id: string): Array<{ resource: ResourceName; id: string }> {
  return DEPENDANT.flatMap((resource) =>
    sets[resource].flatMap((object) => {
      const own = objectId(object);
      return own && dependenciesOf(resource, object).includes(id) ? [{ resource, id: own }] : [];
    }),
  );
}

/**
 * A delete of X is early when something that named X in the previous run's data had not yet stopped
 * naming it: its own delete, or the update that dropped X, had not settled when X's delete was sent.
 */
function deleteFindings(evidence: Evidence): Finding[] {
  const deleted = deleteSettlements(evidence);
  const upserted = settlementsById(evidence);
  const expectedErrors = new Set(evidence.expectedErrorIds);
  const findings: Finding[] = [];
  for (const job of evidence.jobs) {
    if (job.operation !== 'delete') continue;
    const run = runAt(evidence, job.submittedMs);
    const previousRun = run ? evidence.runs[run.index - 1] : undefined;
    const before = previousRun ? evidence.datasets[previousRun.datasetIndex] : undefined;
    const now = run ? evidence.datasets[run.datasetIndex] : undefined;
    if (!run || !before || !now) continue;
    const current = objectsById(now);
    const early = new Set<string>();
    let items = 0;
    for (const item of job.items) {
      const blocking = dependantsOf(before, item.id).filter(({ resource, id }) => {
        if (expectedErrors.has(id)) return false;
        const stays = current.get(id);
        if (!stays) return !(deleted.get(id) ?? []).some((ms) => ms <= job.submittedMs);
        if (dependenciesOf(resource, stays).includes(item.id)) return false;
        return !(upserted.get(id) ?? []).some(
          (s) =>
            isAccepted(s.item.status) &&
            (s.item.settledMs ?? Infinity) <= job.submittedMs &&
            s.job.submittedMs >= run.startMs,
        );
      });
      if (blocking.length === 0) continue;
      items += 1;
      for (const b of blocking) early.add(`${b.resource} ${b.id}`);
    }
    if (items === 0) continue;
    const entry = submissionOf(evidence, job);
    findings.push({
      message:
        `${job.resource} delete job ${job.jobId} carried ${items} item(s) sent before ${early.size} object(s) ` +
        `naming them had been deleted or updated (e.g. ${[...early].slice(0, 3).join(', ')}).`,
      ...(entry ? { requests: [toRequestRef(entry)] } : {}),
    });
  }
  return findings;
}

export const ORDER_RULES = [ORDER_DEPENDENCIES_SETTLED];
