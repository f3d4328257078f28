// DATA rules: the final store equals the dataset, and no object of the dataset is left with an Error.
import { z } from 'zod';
import { RESOURCE_NAMES } from '../../../model/resource.js';
import { toRequestRef } from '../../result/request-ref.js';
import { defineRule, type Finding, firstRequests } from '../../rule/rule.js';
import { SOURCES } from '../../rule/sources.js';
import { differingFields, objectId } from '../evidence/dataset-view.js';
import type { Evidence, JsonObject, ResourceSets } from '../evidence/evidence.js';
import { lastStatusById, submissionOf } from '../evidence/jobs-view.js';

/** The dataset the last run was given. */
export function finalDataset(evidence: Evidence): ResourceSets | undefined {
  const last = evidence.runs[evidence.runs.length - 1];
  return evidence.datasets[last?.datasetIndex ?? evidence.datasets.length - 1];
}

function byId(list: readonly JsonObject[]): Map<string, JsonObject> {
  const map = new Map<string, JsonObject>();
  for (const object of list) {
    const id = objectId(object);
    if (id) map.set(id, object);
  }
  return map;
}

function sample(ids: string[]): string {
  return ids.slice(0, 3).join(', ') + (ids.length > 3 ? ', …' : '');
}

export const DATA_STORE_EQUALS_DATASET = defineRule({
  id: 'PUSH-DATA-001',
  family: 'DATA',
  title: 'The final store equals the dataset',
  severity: 'blocker',
  why:
    'The point of the transfer: every pupil, staff member, group and teaching activity the huvudman has must ' +
    'be in the provtjänst, as it is at the source, or pupils cannot sit the national test with their group.',
  sources: [SOURCES.checklistPush, SOURCES.attributes],
  fix: 'Send every object, keep the order, follow jobs, resend TemporaryErrors, and update (PUT) changed objects.',
  params: z.object({}),
  skipUnless(evidence) {
    const dataset = finalDataset(evidence);
    if (!dataset) return 'the scenario has no dataset';
    return RESOURCE_NAMES.some((r) => dataset[r].length > 0) ? undefined : 'the dataset is empty';
  },
  check(evidence) {
    const dataset = finalDataset(evidence) as ResourceSets;
    const expectedErrors = new Set(evidence.expectedErrorIds);
    const findings: Finding[] = [];
    for (const resource of RESOURCE_NAMES) {
      const want = byId(dataset[resource].filter((o) => !expectedErrors.has(objectId(o) ?? '')));
      const have = byId(evidence.store[resource]);
      const missing = [...want.keys()].filter((id) => !have.has(id));
      const extra = [...have.keys()].filter((id) => !want.has(id));
      const changed = [...want.keys()].filter((id) => {
        const stored = have.get(id);
        return stored !== undefined && differingFields(want.get(id) as JsonObject, stored).length > 0;
      });
      if (missing.length > 0) {
        findings.push({
          message: `${missing.length} of ${want.size} ${resource} are missing from the store (${sample(missing)}).`,
        });
      }
      if (extra.length > 0) {
        findings.push({
          message: `${extra.length} ${resource} in the store are not in the dataset (${sample(extra)}).`,
        });
      }
      if (changed.length > 0) {
        const first = changed[0] as string;
        const fields = differingFields(want.get(first) as JsonObject, have.get(first) as JsonObject);
        findings.push({
          message:
            `${changed.length} ${resource} differ from the dataset (${sample(changed)}; ` +
            `first differs in ${fields.join(', ')}).`,
        });
      }
    }
    return findings;
  },
});

export const DATA_NO_ERRORS_LEFT = defineRule({
  id: 'PUSH-DATA-002',
  family: 'DATA',
  title: 'Leaves no object of the dataset with an Error',
  severity: 'blocker',
  why:
    "Since v1.3 the job answer is the huvudman's feedback on what was stored. An object whose last answer is " +
    'Error or TemporaryError is not what the source says, and whoever reads the feedback sees failures.',
  sources: [SOURCES.changelog13, SOURCES.openApi],
  fix: 'Resolve Errors before the run ends: right order, update instead of create for existing objects, resend TemporaryErrors.',
  params: z.object({}),
  skipUnless(evidence) {
    const dataset = finalDataset(evidence);
    if (!dataset) return 'the scenario has no dataset';
    const last = lastStatusById(evidence);
    const judged = RESOURCE_NAMES.some((r) => dataset[r].some((o) => last.has(objectId(o) ?? '')));
    return judged ? undefined : 'no object of the dataset was settled by a job';
  },
  check(evidence) {
    const dataset = finalDataset(evidence) as ResourceSets;
    const expectedErrors = new Set(evidence.expectedErrorIds);
    const last = lastStatusById(evidence);
    const failing = RESOURCE_NAMES.flatMap((resource) =>
      dataset[resource].flatMap((object) => {
        const id = objectId(object);
        const settled = id ? last.get(id) : undefined;
        if (!id || !settled || expectedErrors.has(id)) return [];
        const status = settled.item.status;
        return status === 'Error' || status === 'TemporaryError' ? [{ id, resource, settled }] : [];
      }),
    );
    if (failing.length === 0) return [];
    const jobs = [...new Set(failing.map((f) => f.settled.job))];
    const refs = jobs.flatMap((job) => {
      const entry = submissionOf(evidence, job);
      return entry ? [toRequestRef(entry)] : [];
    });
    return [
      {
        message:
          `${failing.length} object(s) ended with Error or TemporaryError ` +
          `(${sample(failing.map((f) => `${f.resource} ${f.id} ${f.settled.item.status}`))}).`,
        requests: firstRequests(refs),
      },
    ];
  },
});

export const DATA_RULES = [DATA_STORE_EQUALS_DATASET, DATA_NO_ERRORS_LEFT];
