// Runs bulk jobs: items start Pending and settle after a delay on the clock, in submission order per lane.
import { randomUUID } from 'node:crypto';
import type { CancelTimer, Clock } from '../clock/clock.js';
import type { ResourceName } from '../model/resource.js';
import { countItems, type Job, type JobItem, type JobOperation } from './job.js';
import type { ProvisioningEvents } from './provisioning-events.js';

/** Settles one item (store writes, rules, faults); the engine owns only order and timing. */
export interface ItemSettler {
  settle(job: Job, item: JobItem, nowMs: number): void;
}

export interface JobEngineOptions {
  clock: Clock;
  settler: ItemSettler;
  events: ProvisioningEvents;
  /** Delay before a job settles, read per submission (settings can change at runtime). */
  delayMs: () => number;
  /** Extra delay per item of the job, read per submission (a larger job takes longer); default 0. */
  itemDelayMs?: () => number;
  /**
   * Read per submission. False: an organisation's jobs settle strictly in submission order (one lane).
   * True: each resource has its own lane, so a later, smaller job of another resource can settle before an
   * earlier one, as Skolverket's asynchronous processing promises no order across resources.
   */
  independentResources?: () => boolean;
  /** How long a completed job stays readable. */
  retentionMs: () => number;
  /** Most items settled per macrotask, so one huge job does not stall the server (default 2000). */
  chunkSize?: number;
  /** Most wall-clock milliseconds of settling per macrotask before yielding to I/O (default 1). */
  sliceMs?: number;
}

export interface SubmitJobInput {
  organisationId: string;
  resource: ResourceName;
  operation: JobOperation;
  updateIfExists: boolean;
  requestId: string;
  /** Items in request order: ids (lower-case) and payloads (undefined for deletes). */
  items: ReadonlyArray<{ id: string; payload: unknown }>;
}

/** Jobs that settle one after another, in submission order. */
interface Lane {
  pending: Job[];
  timer?: CancelTimer;
  lastDueMs: number;
}

interface OrganisationQueue {
  /** `*` (every resource in one lane) or a resource name. */
  lanes: Map<string, Lane>;
  /** Every retained job of the organisation, by id, in submission order. */
  jobs: Map<string, Job>;
}

/** The lane every job shares when resources do not settle independently. */
const SHARED_LANE = '*';

export class JobEngine {
  private readonly queues = new Map<string, OrganisationQueue>();
  private readonly chunkSize: number;
  private readonly sliceMs: number;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly options: JobEngineOptions) {
    this.chunkSize = options.chunkSize ?? 2000;
    this.sliceMs = options.sliceMs ?? 1;
  }

  /** Creates a job with every item Pending and schedules it behind the organisation's earlier jobs. */
  submit(input: SubmitJobInput, extraDelayMs = 0): Job {
    const now = this.options.clock.now();
    const queue = this.queueOf(input.organisationId);
    this.purgeExpired(queue, now);
    const laneKey = this.options.independentResources?.() ? input.resource : SHARED_LANE;
    const lane = this.laneOf(queue, laneKey);
    const seen = new Set<string>();
    const items: JobItem[] = input.items.map(({ id, payload }) => {
      const duplicate = seen.has(id);
      seen.add(id);
      return { id, payload, duplicate, status: 'Pending', modifiedMs: now };
    });
    const itemsMs = (this.options.itemDelayMs?.() ?? 0) * items.length;
    const dueMs = Math.max(now + this.options.delayMs() + extraDelayMs + itemsMs, lane.lastDueMs);
    const job: Job = {
      id: randomUUID(),
      organisationId: input.organisationId,
      resource: input.resource,
      operation: input.operation,
      updateIfExists: input.updateIfExists,
      requestId: input.requestId,
      submittedMs: now,
      dueMs,
      settledCount: 0,
      items,
    };
    lane.lastDueMs = dueMs;
    queue.jobs.set(job.id, job);
    lane.pending.push(job);
    this.options.events.emit('job:submitted', { ...this.describe(job) });
    if (!lane.timer) this.schedule(queue, lane);
    return job;
  }

  /** The organisation's job with this id, of this resource, while retained. Another organisation's id is not found. */
  get(organisationId: string, resource: ResourceName, jobId: string): Job | undefined {
    const queue = this.queues.get(organisationId);
    const job = queue?.jobs.get(jobId.toLowerCase());
    if (!queue || !job || job.resource !== resource) return undefined;
    return this.isExpired(job, this.options.clock.now()) ? undefined : job;
  }

  /** Every retained job of the organisation, oldest first. */
  list(organisationId: string): Job[] {
    const queue = this.queues.get(organisationId);
    if (!queue) return [];
    const now = this.options.clock.now();
    return [...queue.jobs.values()].filter((job) => !this.isExpired(job, now));
  }

  /** Number of jobs not yet completed, over all organisations. */
  get pendingCount(): number {
    let count = 0;
    for (const queue of this.queues.values())
      for (const lane of queue.lanes.values()) count += lane.pending.length;
    return count;
  }

  /** Resolves once no job is waiting (on a controlled clock, advance it past the due times). */
  idle(): Promise<void> {
    if (this.pendingCount === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Cancels every timer and forgets every job (store data is not touched). */
  reset(): void {
    for (const queue of this.queues.values()) this.cancel(queue);
    this.queues.clear();
    this.notifyIdle();
  }

  /** Cancels and forgets one organisation's jobs. */
  forget(organisationId: string): void {
    const queue = this.queues.get(organisationId);
    if (queue) this.cancel(queue);
    this.queues.delete(organisationId);
    this.notifyIdle();
  }

  private cancel(queue: OrganisationQueue): void {
    for (const lane of queue.lanes.values()) lane.timer?.();
  }

  private queueOf(organisationId: string): OrganisationQueue {
    let queue = this.queues.get(organisationId);
    if (!queue) {
      queue = { lanes: new Map(), jobs: new Map() };
      this.queues.set(organisationId, queue);
    }
    return queue;
  }

  private laneOf(queue: OrganisationQueue, key: string): Lane {
    let lane = queue.lanes.get(key);
    if (!lane) {
      lane = { pending: [], lastDueMs: Number.NEGATIVE_INFINITY };
      queue.lanes.set(key, lane);
    }
    return lane;
  }

  private schedule(queue: OrganisationQueue, lane: Lane): void {
    const head = lane.pending[0];
    if (!head) return;
    const wait = Math.max(0, head.dueMs - this.options.clock.now());
    lane.timer = this.options.clock.setTimer(wait, () => {
      lane.timer = undefined;
      this.run(queue, lane);
    });
  }

  /**
   * Continues work that is already due on the next macrotask, after pending I/O: a yield, not a wait, so it
   * does not go through the clock (a real clock's 0 ms timer would idle for a millisecond each time).
   */
  private resumeSoon(queue: OrganisationQueue, lane: Lane): void {
    const handle = setImmediate(() => {
      lane.timer = undefined;
      this.run(queue, lane);
    });
    lane.timer = () => clearImmediate(handle);
  }

  /**
   * Settles due jobs in order, then reschedules. One turn settles at most `chunkSize` items and spends at most
   * `sliceMs` of wall time (measured, not the mock's clock: it bounds how long HTTP answers wait behind it).
   */
  private run(queue: OrganisationQueue, lane: Lane): void {
    const organisationId = lane.pending[0]?.organisationId;
    if (organisationId === undefined || this.queues.get(organisationId) !== queue) return;
    const now = this.options.clock.now();
    const sliceStart = performance.now();
    let budget = this.chunkSize;
    while (budget > 0) {
      const job = lane.pending[0];
      if (!job || job.dueMs > now) break;
      while (budget > 0 && job.settledCount < job.items.length) {
        const item = job.items[job.settledCount] as JobItem;
        this.options.settler.settle(job, item, now);
        item.payload = undefined;
        item.modifiedMs = now;
        job.settledCount += 1;
        budget -= 1;
        if ((job.settledCount & 31) === 0 && performance.now() - sliceStart >= this.sliceMs) budget = 0;
      }
      if (job.settledCount < job.items.length) break;
      job.completedMs = now;
      lane.pending.shift();
      this.options.events.emit('job:completed', {
        ...this.describe(job),
        counts: countItems(job),
        completedMs: now,
      });
    }
    const head = lane.pending[0];
    if (!head) this.notifyIdle();
    else if (head.dueMs <= now && budget === 0) this.resumeSoon(queue, lane);
    else this.schedule(queue, lane);
  }

  private notifyIdle(): void {
    if (this.pendingCount > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private isExpired(job: Job, now: number): boolean {
    return job.completedMs !== undefined && now >= job.completedMs + this.options.retentionMs();
  }

  /** Drops completed jobs past retention (lanes complete out of submission order, so every job is looked at). */
  private purgeExpired(queue: OrganisationQueue, now: number): void {
    for (const [id, job] of queue.jobs) if (this.isExpired(job, now)) queue.jobs.delete(id);
  }

  private describe(job: Job) {
    return {
      jobId: job.id,
      organisationId: job.organisationId,
      resource: job.resource,
      operation: job.operation,
      requestId: job.requestId,
      itemCount: job.items.length,
    };
  }
}
