// JOB rules: jobs are followed to completion, polled gently, TemporaryError items resent, Error items not looped.
import { z } from 'zod';
import { toRequestRef } from '../../result/request-ref.js';
import { defineRule, type Finding, firstRequests } from '../../rule/rule.js';
import { SOURCES } from '../../rule/sources.js';
import { resourceOfIds } from '../evidence/dataset-view.js';
import type { Evidence, JobRecord } from '../evidence/evidence.js';
import { submissionOf } from '../evidence/jobs-view.js';
import { itemsSentBy, statusAnswerShowsCompleted } from '../evidence/submitted-items.js';
import { classifiedCalls, type Entry, runAt } from '../evidence/traffic.js';

interface StatusCall {
  entry: Entry;
  /** Whether the answer showed the job complete (undefined: could not tell). */
  completed: boolean | undefined;
  isCompletedPoll: boolean;
}

/** Successful status calls per job id, oldest first, with whether each answer showed the job complete. */
function statusCallsByJob(evidence: Evidence): Map<string, StatusCall[]> {
  const map = new Map<string, StatusCall[]>();
  for (const { entry, call } of classifiedCalls(evidence)) {
    if (call.kind !== 'status' || !call.jobId || entry.status !== 200) continue;
    const list = map.get(call.jobId) ?? [];
    list.push({
      entry,
      completed: statusAnswerShowsCompleted(entry.responseBody, call.isCompletedPoll === true),
      isCompletedPoll: call.isCompletedPoll === true,
    });
    map.set(call.jobId, list);
  }
  return map;
}

function jobRefs(evidence: Evidence, jobs: readonly JobRecord[]) {
  return jobs.flatMap((job) => {
    const entry = submissionOf(evidence, job);
    return entry ? [toRequestRef(entry)] : [];
  });
}

export const JOB_FOLLOWED = defineRule({
  id: 'PUSH-JOB-001',
  family: 'JOB',
  title: 'Follows every job to completion and reads its result',
  severity: 'major',
  why:
    '202 Accepted only means the job was queued: each item settles later as Success, Warning, Error or ' +
    "TemporaryError. Since v1.3 that answer is the huvudman's feedback on what was stored. A client that never " +
    'reads it cannot know what failed, resend TemporaryErrors, or keep the order of dependants. Seeing ' +
    'isCompleted turn true is not enough: the items, with their Errors and Warnings, are in the job itself.',
  sources: [SOURCES.changelog13, SOURCES.openApi],
  fix:
    'Poll GET …/bulk/jobs/{jobId}/isCompleted until true, then GET …/bulk/jobs/{jobId}?showOnlyError=false and ' +
    "read every item's status, errors and warnings.",
  params: z.object({}),
  skipUnless: (evidence) => (evidence.jobs.length > 0 ? undefined : 'the client submitted no job'),
  check(evidence) {
    const polls = statusCallsByJob(evidence);
    const findings: Finding[] = [];
    const completedOnly: JobRecord[] = [];
    const unfollowed: JobRecord[] = [];
    for (const job of evidence.jobs) {
      const seen = polls.get(job.jobId) ?? [];
      // The result is read when a GET of the job itself (not isCompleted) answered with no item Pending.
      if (seen.some((p) => p.completed === true && !p.isCompletedPoll)) continue;
      (seen.some((p) => p.completed === true) ? completedOnly : unfollowed).push(job);
    }
    if (unfollowed.length > 0)
      findings.push({
        message: `${unfollowed.length} of ${evidence.jobs.length} job(s) were never followed until they completed.`,
        requests: firstRequests(jobRefs(evidence, unfollowed)),
      });
    if (completedOnly.length > 0)
      findings.push({
        message:
          `${completedOnly.length} of ${evidence.jobs.length} job(s) were seen completed (isCompleted true) but ` +
          'their result (the items, with Errors and Warnings) was never read.',
        requests: firstRequests(jobRefs(evidence, completedOnly)),
      });
    return findings;
  },
});

export const JOB_GENTLE_POLLING = defineRule({
  id: 'PUSH-JOB-002',
  family: 'JOB',
  title: 'Polls a job no faster than the rate limit allows',
  severity: 'minor',
  why:
    'Job-status calls share the 5 calls/s quota with the writes. Asking about the same job again right after ' +
    'being told "not yet" spends that quota on nothing and starves the writes.',
  sources: [SOURCES.changelog131, SOURCES.openApi],
  fix: 'Wait between polls of one job (at least 1/5 s, better a growing interval such as 250 ms, 500 ms, 1 s).',
  params: z.object({
    minIntervalMs: z
      .number()
      .int()
      .min(0)
      .default(200)
      .describe('Least wait after a "not yet" answer (1000 ms / 5).'),
    toleranceMs: z.number().int().min(0).default(20).describe('Timing slack, in ms.'),
  }),
  skipUnless(evidence) {
    if (evidence.jobs.length === 0) return 'the client submitted no job';
    const askedAgain = [...statusCallsByJob(evidence).values()].some((polls) =>
      polls.slice(0, -1).some((p) => p.completed === false),
    );
    return askedAgain ? undefined : 'no job was asked about again after a "not yet" answer';
  },
  check(evidence, params) {
    const hot: Entry[] = [];
    for (const polls of statusCallsByJob(evidence).values()) {
      for (let i = 1; i < polls.length; i += 1) {
        const previous = polls[i - 1] as StatusCall;
        const next = (polls[i] as { entry: Entry }).entry;
        if (previous.completed !== false) continue;
        if (next.timeMs - previous.entry.timeMs < params.minIntervalMs - params.toleranceMs) hot.push(next);
      }
    }
    if (hot.length === 0) return [];
    return [
      {
        message: `${hot.length} poll(s) came less than ${params.minIntervalMs} ms after a "not yet" for the same job.`,
        requests: firstRequests(hot.map(toRequestRef), 20),
      },
    ];
  },
});

/** Whether the object is in every dataset from the run at `timeMs` on (one since removed need not be resent). */
function stillWanted(evidence: Evidence, timeMs: number, id: string): boolean {
  const from = runAt(evidence, timeMs)?.datasetIndex ?? 0;
  return evidence.datasets.slice(from).every((dataset) => resourceOfIds(dataset).has(id));
}

export const JOB_RESENDS_TEMPORARY = defineRule({
  id: 'PUSH-JOB-003',
  family: 'JOB',
  title: 'Sends TemporaryError items again',
  severity: 'blocker',
  why:
    'TemporaryError means "not stored, try again later" (a transient fault on Skolverket\'s side). Unless the ' +
    'client sends those items again, the pupils and staff behind them silently never arrive.',
  sources: [SOURCES.openApi, SOURCES.changelog13],
  fix: 'Collect the ids that settled as TemporaryError and send those objects again in a later job, after a pause.',
  params: z.object({}),
  skipUnless: (evidence) =>
    evidence.jobs.some((j) => j.items.some((i) => i.status === 'TemporaryError'))
      ? undefined
      : 'no item settled as TemporaryError',
  check(evidence) {
    const dropped: Array<{ job: JobRecord; id: string }> = [];
    for (const job of evidence.jobs) {
      for (const item of job.items) {
        if (item.status !== 'TemporaryError') continue;
        if (job.operation !== 'delete' && !stillWanted(evidence, job.submittedMs, item.id)) continue;
        const resent = evidence.jobs.some(
          (later) =>
            later.submittedMs > job.submittedMs &&
            later.resource === job.resource &&
            (later.operation === 'delete') === (job.operation === 'delete') &&
            later.items.some((i) => i.id === item.id),
        );
        if (!resent) dropped.push({ job, id: item.id });
      }
    }
    if (dropped.length === 0) return [];
    const jobs = [...new Set(dropped.map((d) => d.job))];
    return [
      {
        message:
          `${dropped.length} TemporaryError item(s) were never sent again ` +
          `(e.g. ${dropped
            .slice(0, 3)
            .map((d) => `${d.job.resource} ${d.id}`)
            .join(', ')}).`,
        requests: firstRequests(jobRefs(evidence, jobs)),
      },
    ];
  },
});

export const JOB_NO_ERROR_LOOP = defineRule({
  id: 'PUSH-JOB-004',
  family: 'JOB',
  title: 'Does not resend Error items unchanged',
  severity: 'major',
  why:
    'Error means the data itself is wrong (a bad civic number, a missing reference): sending the same object ' +
    'again gets the same Error and spends the quota. It needs fixing at the source, and the huvudman needs ' +
    'to be told.',
  sources: [SOURCES.openApi, SOURCES.attributes],
  fix: 'Report Error items (errors[].message, parameterName) to the user and leave them out until the data changes.',
  params: z.object({
    maxUnchangedResends: z
      .number()
      .int()
      .min(0)
      .default(1)
      .describe('Times one Error item may be sent again unchanged within one run.'),
  }),
  skipUnless: (evidence) =>
    evidence.jobs.some((j) => j.operation !== 'delete' && j.items.some((i) => i.status === 'Error'))
      ? undefined
      : 'no item settled as Error',
  check(evidence, params) {
    const sent = new Map(evidence.jobs.map((job) => [job.jobId, itemsSentBy(evidence, job)]));
    const looped: Finding[] = [];
    const reported = new Set<string>();
    for (const job of evidence.jobs) {
      if (job.operation === 'delete') continue;
      const run = runAt(evidence, job.submittedMs)?.index;
      for (const item of job.items) {
        const content = sent.get(job.jobId)?.get(item.id);
        if (item.status !== 'Error' || content === undefined || reported.has(`${run}|${item.id}`)) continue;
        const again = evidence.jobs.filter(
          (later) =>
            later.submittedMs > job.submittedMs &&
            later.resource === job.resource &&
            later.operation !== 'delete' &&
            runAt(evidence, later.submittedMs)?.index === run &&
            sent.get(later.jobId)?.get(item.id) === content,
        );
        if (again.length <= params.maxUnchangedResends) continue;
        reported.add(`${run}|${item.id}`);
        looped.push({
          message: `${job.resource} ${item.id} settled as Error and was sent unchanged ${again.length} more time(s).`,
          requests: firstRequests(jobRefs(evidence, [job, ...again])),
        });
      }
    }
    return looped.slice(0, 20);
  },
});

export const JOB_RULES = [JOB_FOLLOWED, JOB_GENTLE_POLLING, JOB_RESENDS_TEMPORARY, JOB_NO_ERROR_LOOP];
