// IDEMP rule: a second run over an unchanged dataset creates no duplicates and no Errors.
import { z } from 'zod';
import { toRequestRef } from '../../result/request-ref.js';
import { defineRule, type Finding, firstRequests } from '../../rule/rule.js';
import { SOURCES } from '../../rule/sources.js';
import { sameSets } from '../evidence/dataset-view.js';
import type { ClientRunRecord, Evidence, JobRecord } from '../evidence/evidence.js';
import { isAccepted, settlementsById, submissionOf } from '../evidence/jobs-view.js';

/** Runs after the first whose dataset is the same as the run before. */
export function rerunsOverSameData(evidence: Evidence): ClientRunRecord[] {
  return evidence.runs.filter((run, i) => {
    const previous = evidence.runs[i - 1];
    if (!previous) return false;
    const a = evidence.datasets[previous.datasetIndex];
    const b = evidence.datasets[run.datasetIndex];
    return a !== undefined && b !== undefined && sameSets(a, b);
  });
}

function inRun(run: ClientRunRecord, job: JobRecord): boolean {
  return job.submittedMs >= run.startMs && job.submittedMs <= run.endMs;
}

export const IDEMP_RERUN_CLEAN = defineRule({
  id: 'PUSH-IDEMP-001',
  family: 'IDEMP',
  title: 'A re-run over the same dataset creates no duplicates and no Errors',
  severity: 'major',
  why:
    'Push clients run on a schedule, usually nightly, over data that mostly has not changed. Creating what ' +
    'already exists answers Error for every object, every night, and buries real problems in the feedback.',
  sources: [SOURCES.openApi, SOURCES.changelog13],
  fix:
    'Send existing objects with POST …/bulk?updateIfExists=true or PUT …/bulk (or only what changed), never a ' +
    'plain create of an id Skolverket already has.',
  params: z.object({}),
  skipUnless(evidence) {
    const reruns = rerunsOverSameData(evidence);
    if (reruns.length === 0) return "no run repeated the previous run's dataset";
    return reruns.some((run) => evidence.jobs.some((job) => inRun(run, job)))
      ? undefined
      : 'the re-run submitted no job, so it could neither duplicate nor fail anything';
  },
  check(evidence) {
    const findings: Finding[] = [];
    const expectedErrors = new Set(evidence.expectedErrorIds);
    const settlements = settlementsById(evidence);
    for (const run of rerunsOverSameData(evidence)) {
      const jobs = evidence.jobs.filter((job) => inRun(run, job) && job.operation !== 'delete');
      const duplicates = jobs.filter(
        (job) =>
          job.operation === 'create' &&
          !job.updateIfExists &&
          job.items.some((item) =>
            (settlements.get(item.id) ?? []).some(
              (s) => isAccepted(s.item.status) && (s.item.settledMs ?? Infinity) < run.startMs,
            ),
          ),
      );
      const errors = jobs.filter((job) =>
        job.items.some((i) => i.status === 'Error' && !expectedErrors.has(i.id)),
      );
      const refs = (list: JobRecord[]) =>
        firstRequests(
          list.flatMap((job) => {
            const entry = submissionOf(evidence, job);
            return entry ? [toRequestRef(entry)] : [];
          }),
        );
      if (duplicates.length > 0) {
        findings.push({
          message: `Run ${run.index + 1} created again, without updateIfExists, objects that were already stored (${duplicates.length} call(s)).`,
          requests: refs(duplicates),
        });
      }
      const errorCount = errors.reduce(
        (n, job) => n + job.items.filter((i) => i.status === 'Error' && !expectedErrors.has(i.id)).length,
        0,
      );
      if (errorCount > 0) {
        findings.push({
          message: `Run ${run.index + 1} over an unchanged dataset got ${errorCount} Error item(s).`,
          requests: refs(errors),
        });
      }
    }
    return findings;
  },
});

export const IDEMP_RULES = [IDEMP_RERUN_CLEAN];
