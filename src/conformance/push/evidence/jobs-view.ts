// Read-only views over the job records: when each object settled, and how, across the whole scenario.
import type { Evidence, JobItemRecord, JobItemStatus, JobRecord } from './evidence.js';

export interface ItemSettlement {
  job: JobRecord;
  item: JobItemRecord;
}

/** Every settled item of a create or update job, per object id, in settle order. */
export function settlementsById(evidence: Evidence): Map<string, ItemSettlement[]> {
  const map = new Map<string, ItemSettlement[]>();
  for (const job of evidence.jobs) {
    if (job.operation === 'delete') continue;
    for (const item of job.items) {
      if (item.status === 'Pending') continue;
      const list = map.get(item.id) ?? [];
      list.push({ job, item });
      map.set(item.id, list);
    }
  }
  for (const list of map.values()) list.sort((a, b) => (a.item.settledMs ?? 0) - (b.item.settledMs ?? 0));
  return map;
}

/** True for statuses that mean "stored": Success and Warning (accepted with problems). */
export function isAccepted(status: JobItemStatus): boolean {
  return status === 'Success' || status === 'Warning';
}

/** The last status each object settled with (create/update jobs only). */
export function lastStatusById(evidence: Evidence): Map<string, ItemSettlement> {
  const last = new Map<string, ItemSettlement>();
  for (const [id, list] of settlementsById(evidence)) {
    const final = list[list.length - 1];
    if (final) last.set(id, final);
  }
  return last;
}

/** The journal entry of the call that created the job (by request id). */
export function submissionOf(evidence: Evidence, job: JobRecord) {
  return evidence.journal.find((e) => e.requestId === job.requestId);
}
