// One registered vendor API: its mirror, subscription, job queue and history, and the view the control plane shows.
import type { Clock } from '../clock/clock.js';
import type { JournaledFetch } from '../journal/journaled-fetch.js';
import { type AuthService, toOrganisationId } from '../mock-auth/index.js';
import type { RuleSettings } from '../model/index.js';
import type { OpenDataCatalogue } from '../open-data/index.js';
import { JobQueue, type SyncRequest } from './job-queue.js';
import { Mirror } from './mirror.js';
import { createMirrorRuleContext } from './mirror-rule-context.js';
import type { Ss12000ResourceType } from './resources.js';
import { runSyncJob } from './run-sync-job.js';
import type { Ss12000ClientSettings } from './settings.js';
import { SubscriptionManager, type SubscriptionState } from './subscription-manager.js';
import { type SyncJob, type SyncJobState, type SyncJobSummary, summariseJob } from './sync-job.js';
import { createTokenSource } from './token-source.js';
import { VendorHttp } from './vendor-http.js';
import { VendorReporter } from './vendor-reporter.js';

export type RegistrationState = 'pending' | 'syncing' | 'synced' | 'partial' | 'failed' | 'removed';

/** What `GET /_mock/admin/ss12000-apis` lists for each registration. */
export interface RegistrationView {
  urlId: string;
  organisationNumber: string;
  url: string;
  /** Where the vendor posts its webhooks. */
  target: string;
  createdAt: string;
  state: RegistrationState;
  subscription: SubscriptionState;
  currentJob: SyncJobSummary | null;
  lastSync: SyncJobSummary | null;
  counts: Record<Ss12000ResourceType, number>;
}

export interface RegisteredApiOptions {
  urlId: string;
  organisationNumber: string;
  url: string;
  target: string;
  /** The client's own base URL: `entity_id` of its tokens. */
  clientUrl: string;
  settings: Ss12000ClientSettings;
  clock: Clock;
  fetch: JournaledFetch;
  auth: Pick<AuthService, 'issueToken'>;
  catalogue: OpenDataCatalogue;
  ruleSettings?: Partial<RuleSettings>;
}

/** Jobs kept per registration for the control plane (oldest finished ones are dropped). */
const HISTORY_SIZE = 50;

export class RegisteredApi {
  readonly urlId: string;
  readonly organisationNumber: string;
  readonly url: string;
  readonly target: string;
  readonly createdAt: string;
  readonly mirror = new Mirror();
  readonly subscription: SubscriptionManager;
  private readonly http: VendorHttp;
  private readonly queue: JobQueue;
  private readonly abort = new AbortController();
  private readonly history: SyncJob[] = [];
  private lastFinished: SyncJob | undefined;
  private state: RegistrationState = 'pending';

  constructor(private readonly options: RegisteredApiOptions) {
    const { settings, clock } = options;
    this.urlId = options.urlId;
    this.organisationNumber = options.organisationNumber;
    this.url = options.url;
    this.target = options.target;
    this.createdAt = clock.date().toISOString();
    this.http = new VendorHttp({
      fetch: options.fetch,
      clock,
      token: createTokenSource({
        auth: options.auth,
        clock,
        location: options.url,
        entityId: options.clientUrl,
      }),
      timeoutMs: settings.ss12000RequestTimeout,
      maxResponseBytes: settings.ss12000MaxResponseBytes,
      attempts: settings.ss12000GetAttempts,
      backoffMs: settings.ss12000RetryBackoff,
      organisationId: toOrganisationId(options.organisationNumber),
      signal: this.abort.signal,
    });
    this.subscription = new SubscriptionManager({
      http: this.http,
      clock,
      baseUrl: options.url,
      target: options.target,
      name: `Skolverket provtjänst ${toOrganisationId(options.organisationNumber)} (${options.urlId})`,
      renewMarginMs: settings.ss12000RenewMargin,
    });
    this.queue = new JobQueue(options.urlId, clock, (job) => this.runJob(job));
  }

  /** Queues a sync (or folds it into the waiting one) and returns the job that will serve it. */
  requestSync(request: SyncRequest): SyncJob {
    const job = this.queue.enqueue(request);
    if (!this.history.includes(job)) {
      this.history.push(job);
      while (this.history.length > HISTORY_SIZE) this.history.shift();
    }
    return job;
  }

  jobs(): readonly SyncJob[] {
    return this.history;
  }

  job(jobId: string): SyncJob | undefined {
    return this.history.find((job) => job.jobId === jobId);
  }

  /** Resolves once no job runs or waits. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  view(): RegistrationView {
    const current = this.queue.current;
    return {
      urlId: this.urlId,
      organisationNumber: this.organisationNumber,
      url: this.url,
      target: this.target,
      createdAt: this.createdAt,
      state: this.state,
      subscription: { ...this.subscription.status },
      currentJob: current ? summariseJob(current) : null,
      lastSync: this.lastFinished ? summariseJob(this.lastFinished) : null,
      counts: this.mirror.counts(),
    };
  }

  /** Unregistering: stops all work, then deletes the subscription at the vendor. */
  async remove(): Promise<{ subscriptionDeleted: boolean; error?: unknown }> {
    this.close();
    await this.queue.idle();
    const outcome = await this.subscriptionRemoval();
    this.state = 'removed';
    return outcome.error
      ? { subscriptionDeleted: outcome.deleted, error: outcome.error }
      : { subscriptionDeleted: outcome.deleted };
  }

  /** Stops timers and aborts the running job (the mock shutting down); the vendor keeps its subscription. */
  close(): void {
    this.queue.stop();
    this.subscription.close();
    this.abort.abort();
  }

  private subscriptionRemoval() {
    // The abort above cancels calls in flight; the DELETE needs a client of its own.
    const { settings, clock } = this.options;
    const http = new VendorHttp({
      fetch: this.options.fetch,
      clock,
      token: createTokenSource({
        auth: this.options.auth,
        clock,
        location: this.url,
        entityId: this.options.clientUrl,
      }),
      timeoutMs: settings.ss12000RequestTimeout,
      maxResponseBytes: settings.ss12000MaxResponseBytes,
      attempts: 1,
      backoffMs: 0,
      organisationId: toOrganisationId(this.organisationNumber),
    });
    return this.subscription.removeWith(http);
  }

  private async runJob(job: SyncJob): Promise<void> {
    const { settings, clock } = this.options;
    job.state = 'running';
    job.startedAt = clock.date().toISOString();
    this.state = 'syncing';
    if (job.subscribe) await this.subscription.create();
    const reporter = new VendorReporter(this.http, this.url, job, settings.ss12000MaxLogEntries, clock);
    const ruleContext = createMirrorRuleContext({
      mirror: this.mirror,
      catalogue: this.options.catalogue,
      organisationNumber: this.organisationNumber,
      today: clock.date(),
      ...(this.options.ruleSettings ? { settings: this.options.ruleSettings } : {}),
    });
    await runSyncJob(
      {
        baseUrl: this.url,
        http: this.http,
        mirror: this.mirror,
        reporter,
        ruleContext,
        clock,
        pageSize: settings.ss12000PageSize,
        pageLimit: settings.ss12000PageLimit,
      },
      job,
      { maxFailures: settings.ss12000MaxFailures, signal: this.abort.signal },
    );
    job.finishedAt = clock.date().toISOString();
    this.lastFinished = job;
    // runSyncJob settled job.state; TypeScript still narrows it to 'running' from the assignment above.
    const settled = job.state as SyncJobState;
    if (settled !== 'cancelled')
      this.state = settled === 'succeeded' ? 'synced' : settled === 'partial' ? 'partial' : 'failed';
  }
}
