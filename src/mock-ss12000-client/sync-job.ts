// The record of one sync job (full or webhook-driven) and of each resource it fetched: what the control plane shows.
import type { Ss12000ResourceType } from './resources.js';
import type { SyncError } from './sync-error.js';

export type SyncJobKind = 'full' | 'incremental';
export type SyncJobState = 'queued' | 'running' | 'succeeded' | 'partial' | 'failed' | 'cancelled';
export type SyncErrorJson = ReturnType<SyncError['toJSON']>;

/** What fetching one resource came to. */
export interface ResourceOutcome {
  resourceType: Ss12000ResourceType;
  /** The first list URL (with its filter, if any). */
  url: string;
  state: 'succeeded' | 'failed' | 'skipped';
  pages: number;
  /** Items the API served. */
  received: number;
  /** Items accepted into the mirror (the statistics' `updatedCount`). */
  stored: number;
  /** Items refused by the rules (each reported with POST /log). */
  rejected: number;
  /** Items dropped from the mirror because a full fetch no longer listed them. */
  removed: number;
  error?: SyncErrorJson;
}

/** What fetching `deletedEntities` came to. */
export interface DeletionOutcome {
  url: string;
  state: 'succeeded' | 'failed' | 'skipped';
  pages: number;
  /** Ids listed per resource. */
  listed: Partial<Record<Ss12000ResourceType, number>>;
  /** Ids actually removed from the mirror. */
  removed: number;
  error?: SyncErrorJson;
}

export interface SyncJob {
  jobId: string;
  urlId: string;
  kind: SyncJobKind;
  state: SyncJobState;
  queuedAt: string;
  startedAt?: string;
  finishedAt?: string;
  /** Create the subscription before fetching (the first job of a registration). */
  subscribe: boolean;
  /** Incremental: when the (earliest merged) notification arrived, and the `meta.modified.after` used. */
  notifiedAt?: string;
  modifiedAfter?: string;
  /** Resources to fetch, in fetch order. */
  resources: Ss12000ResourceType[];
  deletedEntities: boolean;
  /** Webhooks folded into this job while it waited (see docs/ss12000.md, racing webhooks). */
  mergedNotifications: number;
  outcomes: ResourceOutcome[];
  deletions?: DeletionOutcome;
  /** POST /log calls made, and problems left unreported past the cap. */
  logEntriesSent: number;
  logEntriesSkipped: number;
  /** POST /log or /statistics calls the vendor did not accept. */
  reportFailures: number;
  /** Set when the job stopped reporting to the vendor (too many failed reports in a row). */
  reportingStoppedBecause?: string;
  /** Why the job stopped early, when it did. */
  stoppedBecause?: string;
}

/** A short view of a job for registration listings. */
export interface SyncJobSummary {
  jobId: string;
  kind: SyncJobKind;
  state: SyncJobState;
  startedAt?: string;
  finishedAt?: string;
  stored: number;
  rejected: number;
  failedResources: Ss12000ResourceType[];
}

export function summariseJob(job: SyncJob): SyncJobSummary {
  return {
    jobId: job.jobId,
    kind: job.kind,
    state: job.state,
    ...(job.startedAt ? { startedAt: job.startedAt } : {}),
    ...(job.finishedAt ? { finishedAt: job.finishedAt } : {}),
    stored: job.outcomes.reduce((sum, o) => sum + o.stored, 0),
    rejected: job.outcomes.reduce((sum, o) => sum + o.rejected, 0),
    failedResources: job.outcomes.filter((o) => o.state === 'failed').map((o) => o.resourceType),
  };
}

/** The job's end state from its outcomes. */
export function settleJobState(job: SyncJob): SyncJobState {
  const all = [...job.outcomes, ...(job.deletions ? [job.deletions] : [])];
  const failed = all.filter((o) => o.state !== 'succeeded').length;
  if (failed === 0) return 'succeeded';
  return failed < all.length ? 'partial' : 'failed';
}
