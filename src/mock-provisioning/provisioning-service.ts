// The Provisioning API's state and machinery (store, jobs, faults, events) and the read-only view others use.
import type { Clock } from '../clock/clock.js';
import type { MockUrls } from '../config/mock-urls.js';
import type { ResourceName } from '../model/resource.js';
import { RESOURCE_NAMES } from '../model/resource.js';
import type { RuleSettings } from '../model/rule-context.js';
import { FaultInjector } from './faults.js';
import { StoreItemSettler } from './item-settler.js';
import { countItems, type Job, type JobCounts, type JobOperation, renderJobStatus } from './job.js';
import { JobEngine } from './job-engine.js';
import { ProvisioningLifecycle } from './lifecycle.js';
import { loadPopulationRegister } from './population-register.js';
import { ProvisioningEvents } from './provisioning-events.js';
import { configFromSettings, type ProvisioningConfig } from './runtime-config.js';
import type { ProvisioningSettings } from './settings.js';
import { civicNoOf, ProvisioningStore } from './store.js';
import type { CatalogueReader } from './store-rule-context.js';
import { type JsonObject, renderObject } from './stored-object.js';

/** Every object one organisation has, rendered as `GET /R/{id}` would (with meta and provisioningStatus). */
export type ProvisioningSnapshot = { organisationId: string } & Record<ResourceName, JsonObject[]>;

/** A job as the conformance runner sees it. */
export interface JobView {
  jobId: string;
  organisationId: string;
  resource: ResourceName;
  operation: JobOperation;
  updateIfExists: boolean;
  requestId: string;
  submittedMs: number;
  completedMs: number | null;
  counts: JobCounts;
  /** The AsynchronousResponse `GET …/bulk/jobs/{id}` answers now. */
  status: ReturnType<typeof renderJobStatus>;
}

/** Read-only view of the Provisioning API for the conformance runner and tests. */
export interface ProvisioningView {
  readonly events: ProvisioningEvents;
  readonly store: {
    snapshot(organisationId: string): ProvisioningSnapshot;
    organisations(): string[];
  };
  readonly jobs: {
    list(organisationId: string): JobView[];
    /** Resolves when no job is waiting to settle. */
    idle(): Promise<void>;
  };
}

export interface ProvisioningServiceOptions {
  settings: ProvisioningSettings;
  clock: Clock;
  urls: MockUrls;
  catalogue: CatalogueReader;
  /** Civic numbers standing in for the population register (default: `settings.populationRegister`, if any). */
  populationRegister?: ReadonlySet<string>;
  /** The model's interpretation settings. */
  ruleSettings?: Partial<RuleSettings>;
}

export function toJobView(job: Job, baseUrl: string): JobView {
  return {
    jobId: job.id,
    organisationId: job.organisationId,
    resource: job.resource,
    operation: job.operation,
    updateIfExists: job.updateIfExists,
    requestId: job.requestId,
    submittedMs: job.submittedMs,
    completedMs: job.completedMs ?? null,
    counts: countItems(job),
    status: renderJobStatus(job, false, baseUrl),
  };
}

/** The machinery behind the API and control apps; `view` is what everyone else may read. */
export class ProvisioningService implements ProvisioningView {
  readonly config: ProvisioningConfig;
  readonly events = new ProvisioningEvents();
  readonly data = new ProvisioningStore();
  readonly faults: FaultInjector;
  readonly engine: JobEngine;
  /** Civic-number deadlines and night-time transfer of pupils in an ongoing test (dnp-facts §7). */
  readonly lifecycle: ProvisioningLifecycle;
  readonly clock: Clock;
  readonly urls: MockUrls;

  constructor(options: ProvisioningServiceOptions) {
    const { settings, clock } = options;
    this.clock = clock;
    this.urls = options.urls;
    this.config = configFromSettings(settings);
    this.faults = new FaultInjector(clock, {
      seed: settings.faultSeed,
      temporaryErrorRate: settings.faultTemporaryErrorRate,
      temporaryErrorIds: settings.faultTemporaryErrorIds,
      slowJobsMs: settings.faultSlowJobs,
      dropRate: settings.faultDropRate,
      ...(settings.faultUnavailable > 0 ? { unavailableForMs: settings.faultUnavailable } : {}),
      ...(settings.faultUnavailableAlways ? { unavailable: true } : {}),
    });
    const populationRegister =
      options.populationRegister ??
      (settings.populationRegister ? loadPopulationRegister(settings.populationRegister) : undefined);
    let settlerRef: StoreItemSettler | undefined;
    this.lifecycle = new ProvisioningLifecycle({
      clock,
      removePerson: (org, personId, nowMs) => settlerRef?.removePerson(org, personId, nowMs),
      civicNoOf: (org, personId) => {
        const person = this.data.get(org, 'persons', personId);
        return person ? civicNoOf(person.body) : undefined;
      },
    });
    const settler = new StoreItemSettler({
      lifecycle: this.lifecycle,
      store: this.data,
      catalogue: options.catalogue,
      faults: this.faults,
      transferDelayMs: () => this.config.transferDelayMs,
      deleteReferenced: () => this.config.deleteReferenced,
      ...(populationRegister ? { populationRegister } : {}),
      ...(options.ruleSettings ? { ruleSettings: options.ruleSettings } : {}),
    });
    settlerRef = settler;
    this.engine = new JobEngine({
      clock,
      settler,
      events: this.events,
      delayMs: () => this.config.jobDelayMs,
      itemDelayMs: () => this.config.jobItemDelayMs,
      independentResources: () => this.config.jobsIndependent,
      retentionMs: () => this.config.jobRetentionMs,
    });
  }

  readonly store = {
    snapshot: (organisationId: string): ProvisioningSnapshot => {
      const nowMs = this.clock.now();
      const snapshot = { organisationId } as ProvisioningSnapshot;
      for (const resource of RESOURCE_NAMES) {
        snapshot[resource] = this.data.values(organisationId, resource).map((object) =>
          renderObject(resource, object, {
            nowMs,
            inUse: this.data.isInUse(organisationId, resource, object.id),
          }),
        );
      }
      return snapshot;
    },
    organisations: (): string[] => this.data.organisations(),
  };

  readonly jobs = {
    list: (organisationId: string): JobView[] =>
      this.engine.list(organisationId).map((job) => toJobView(job, this.urls.provisioning)),
    idle: (): Promise<void> => this.engine.idle(),
  };

  /** Forgets one organisation's data and jobs, or everything (faults and config stay). */
  reset(organisationId?: string): void {
    this.data.clear(organisationId);
    this.lifecycle.reset(organisationId);
    if (organisationId === undefined) this.engine.reset();
    else this.engine.forget(organisationId);
  }

  /** Stops the job timers. */
  close(): void {
    this.engine.reset();
    this.lifecycle.reset();
  }
}
