// ORDER rule: duties, groups and activities are sent only after what they name has settled as Success or Warning.
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
  title: 'Sends each object only after what it depends on has settled',
  severity: 'blocker',
  why:
    "Skolverket's checklist, step 6.3, and the README's sequence diagram: persons, then duties, then groups, " +
    'then activities, each only after the objects it names have been stored. A duty whose person is still ' +
    'Pending is refused, and a group whose pupils are missing is accepted only with a Warning and must be sent ' +
    'again. Jobs are asynchronous: "202 Accepted" is not "stored".',
  sources: [SOURCES.checklistPush, SOURCES.order, SOURCES.changelog13],
  fix:
    'Follow each job until its items settle, and submit a duty, group or activity only once every person, ' +
    'duty and group it refers to has settled as Success or Warning.',
  params: z.object({}),
  check(evidence) {
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
  },
});

export const ORDER_RULES = [ORDER_DEPENDENCIES_SETTLED];
