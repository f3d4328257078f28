// Serialises one registration's sync jobs: one runs, at most one waits, and later requests fold into the waiting one.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock/clock.js';
import { inFetchOrder, type Ss12000ResourceType } from './resources.js';
import type { SyncJob, SyncJobKind } from './sync-job.js';

/** What a caller asks for; the queue turns it into a job or folds it into the waiting one. */
export interface SyncRequest {
  kind: SyncJobKind;
  subscribe?: boolean;
  /** Incremental: epoch ms of the notification (T), and T minus the lookback. */
  notifiedAtMs?: number;
  modifiedAfterMs?: number;
  resources?: readonly Ss12000ResourceType[];
  deletedEntities?: boolean;
}

export type JobRunner = (job: SyncJob) => Promise<void>;

const ALL: readonly Ss12000ResourceType[] = ['Organisation', 'Person', 'Group', 'Duty', 'Activity'];

/**
 * Racing webhooks (dnp-facts §4.5: ordering holds only within one webhook): jobs of one registration never
 * overlap, so a later webhook's changes always land after an earlier one's. A request arriving while a job
 * waits is merged into it: the union of resources, `deletedEntities` if either asked, and the *earliest*
 * `meta.modified.after`, which fetches a superset of what each webhook alone would have fetched. A full
 * sync absorbs everything. So the queue never holds more than one running and one waiting job.
 */
export class JobQueue {
  private running: SyncJob | undefined;
  private waiting: SyncJob | undefined;
  private drained: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly urlId: string,
    private readonly clock: Clock,
    private readonly run: JobRunner,
  ) {}

  /** Queues (or merges) a request and returns the job that will serve it. */
  enqueue(request: SyncRequest): SyncJob {
    if (this.stopped) throw new TypeError('enqueue on a stopped job queue');
    if (this.waiting) {
      mergeInto(this.waiting, request);
      return this.waiting;
    }
    this.waiting = newJob(this.urlId, request, this.clock);
    if (!this.running) this.drained = this.drain();
    return this.waiting;
  }

  /** The job running now, if any. */
  get current(): SyncJob | undefined {
    return this.running;
  }

  /** Resolves once nothing runs or waits. */
  async idle(): Promise<void> {
    while (this.running || this.waiting) await this.drained;
  }

  /** Drops the waiting job (marked cancelled) and refuses new ones; the running job ends through its signal. */
  stop(): void {
    this.stopped = true;
    if (this.waiting) this.waiting.state = 'cancelled';
    this.waiting = undefined;
  }

  private async drain(): Promise<void> {
    // Let the caller of enqueue() answer first (the webhook is acknowledged before the work starts).
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.waiting && !this.stopped) {
      const job = this.waiting;
      this.waiting = undefined;
      this.running = job;
      try {
        await this.run(job);
      } catch (error) {
        // A runner bug must not wedge the queue; the job records it.
        job.state = 'failed';
        job.stoppedBecause = `internal error: ${(error as Error).message}`;
      } finally {
        this.running = undefined;
      }
    }
  }
}

function newJob(urlId: string, request: SyncRequest, clock: Clock): SyncJob {
  const job: SyncJob = {
    jobId: randomUUID(),
    urlId,
    kind: request.kind,
    state: 'queued',
    queuedAt: clock.date().toISOString(),
    subscribe: request.subscribe ?? false,
    resources: request.kind === 'full' ? [...ALL] : inFetchOrder(request.resources ?? []),
    deletedEntities: request.kind === 'incremental' && (request.deletedEntities ?? false),
    mergedNotifications: 0,
    outcomes: [],
    logEntriesSent: 0,
    logEntriesSkipped: 0,
    reportFailures: 0,
  };
  if (request.notifiedAtMs !== undefined) job.notifiedAt = new Date(request.notifiedAtMs).toISOString();
  if (request.modifiedAfterMs !== undefined)
    job.modifiedAfter = new Date(request.modifiedAfterMs).toISOString();
  return job;
}

function mergeInto(job: SyncJob, request: SyncRequest): void {
  if (request.kind === 'incremental') job.mergedNotifications += 1;
  job.subscribe ||= request.subscribe ?? false;
  if (job.kind === 'full') return;
  if (request.kind === 'full') {
    // A full fetch lists everything and drops what is gone: it covers every waiting change and deletion.
    job.kind = 'full';
    job.resources = [...ALL];
    job.deletedEntities = false;
    return;
  }
  job.resources = inFetchOrder([...job.resources, ...(request.resources ?? [])]);
  job.deletedEntities ||= request.deletedEntities ?? false;
  if (request.notifiedAtMs !== undefined) {
    const earlier = job.notifiedAt === undefined || request.notifiedAtMs < Date.parse(job.notifiedAt);
    if (earlier) job.notifiedAt = new Date(request.notifiedAtMs).toISOString();
  }
  if (request.modifiedAfterMs !== undefined) {
    const earlier =
      job.modifiedAfter === undefined || request.modifiedAfterMs < Date.parse(job.modifiedAfter);
    if (earlier) job.modifiedAfter = new Date(request.modifiedAfterMs).toISOString();
  }
}
