// A bulk job and its items, and its AsynchronousResponse as `GET /R/bulk/jobs/{id}` answers it.
import type { LogEntry } from '../model/log-entry.js';
import type { ResourceName } from '../model/resource.js';
import { formatTime } from './format-time.js';

/** Shared by every settled item without errors or warnings (never mutated). */
export const NO_ENTRIES: LogEntry[] = Object.freeze([]) as unknown as LogEntry[];

/** `AsynchronousResponse.responses[].response.status`. */
export type ItemStatus = 'Pending' | 'Success' | 'Error' | 'Warning' | 'TemporaryError';

/** Which bulk endpoint made the job: `POST /R/bulk`, `PUT /R/bulk` or `POST /R/bulk/delete`. */
export type JobOperation = 'create' | 'update' | 'delete';

export interface JobItem {
  /** The item's id as the answer reports it (lower-case UUID). */
  readonly id: string;
  /** The item as sent (create/update); dropped once settled. */
  payload: unknown;
  /** Set at submission when an earlier item of the same call had this id. */
  duplicate: boolean;
  status: ItemStatus;
  statusCode?: number;
  /** True when the item created its object: the answer then carries `location` (built when rendered). */
  created?: boolean;
  errors?: LogEntry[];
  warnings?: LogEntry[];
  modifiedMs: number;
}

export interface Job {
  readonly id: string;
  readonly organisationId: string;
  readonly resource: ResourceName;
  readonly operation: JobOperation;
  readonly updateIfExists: boolean;
  /** The request that created the job (journal correlation). */
  readonly requestId: string;
  readonly submittedMs: number;
  /** When the job may start settling (submission + delay, never before an earlier job of the organisation). */
  dueMs: number;
  /** Items settled so far (large jobs settle in chunks). */
  settledCount: number;
  completedMs?: number;
  readonly items: JobItem[];
}

/** Counts of settled items by status, as `job:completed` reports them. */
export type JobCounts = Record<Exclude<ItemStatus, 'Pending'>, number>;

export function countItems(job: Job): JobCounts {
  const counts: JobCounts = { Success: 0, Warning: 0, Error: 0, TemporaryError: 0 };
  for (const item of job.items) if (item.status !== 'Pending') counts[item.status] += 1;
  return counts;
}

export function isJobCompleted(job: Job): boolean {
  return job.completedMs !== undefined;
}

/**
 * The job as `AsynchronousResponse`. Settled items carry `errors` and `warnings` even when empty, as the
 * spec's 200_job_status example does; a Pending item carries only its status.
 */
export function renderJobStatus(job: Job, showOnlyError: boolean, baseUrl: string) {
  const created = formatTime(job.submittedMs);
  const responses = [];
  for (const item of job.items) {
    if (showOnlyError && item.status !== 'Error') continue;
    const response: Record<string, unknown> = { status: item.status };
    if (item.status !== 'Pending') {
      if (item.statusCode !== undefined) response.statusCode = item.statusCode;
      if (item.created) response.location = `${baseUrl}/${job.resource}/${item.id}`;
      response.errors = item.errors ?? [];
      response.warnings = item.warnings ?? [];
    }
    responses.push({ id: item.id, response, meta: { created, modified: formatTime(item.modifiedMs) } });
  }
  return { jobId: job.id, responses };
}
