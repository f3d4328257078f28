// Reads what a bulk call carried from its recorded body: each item's id and canonical content.
import { canonicalObject, objectId } from './dataset-view.js';
import type { Evidence, JobRecord } from './evidence.js';
import { submissionOf } from './jobs-view.js';

/** Canonical JSON of each item a job's request carried, by lower-case id; undefined when the body was not kept whole. */
export function itemsSentBy(evidence: Evidence, job: JobRecord): Map<string, string> | undefined {
  const entry = submissionOf(evidence, job);
  if (!entry?.requestBody || entry.requestBodyTruncated) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(entry.requestBody);
  } catch {
    return undefined;
  }
  const data = (body as { data?: unknown }).data;
  if (!Array.isArray(data)) return undefined;
  const items = new Map<string, string>();
  for (const item of data) {
    if (typeof item === 'string') items.set(item.toLowerCase(), item.toLowerCase());
    else if (typeof item === 'object' && item !== null) {
      const id = objectId(item as Record<string, unknown>);
      if (id) items.set(id, JSON.stringify(canonicalObject(item)));
    }
  }
  return items;
}

/** Whether a job-status answer says the job is done: `true` from isCompleted, or no Pending item in the job. */
export function statusAnswerShowsCompleted(
  body: string | undefined,
  isCompletedPoll: boolean,
): boolean | undefined {
  if (body === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (isCompletedPoll) return parsed === true;
  const responses = (parsed as { responses?: unknown }).responses;
  if (!Array.isArray(responses)) return undefined;
  return responses.every((r) => (r as { response?: { status?: unknown } }).response?.status !== 'Pending');
}
