// Settles one bulk item against the organisation's store: existence, the model's rules, references, faults.
import type { LogEntry } from '../model/log-entry.js';
import { RESOURCE_TYPES, type ResourceName } from '../model/resource.js';
import type { Finding } from '../model/rule.js';
import type { RuleContext, RuleSettings } from '../model/rule-context.js';
import { toLogEntry } from '../model/to-log-entry.js';
import { validateItem } from '../model/validate-item.js';
import type { FaultInjector } from './faults.js';
import {
  alreadyExistsEntry,
  duplicateEntry,
  notFoundEntry,
  stillReferencedEntries,
  temporaryEntry,
} from './item-problems.js';
import { type Job, type JobItem, NO_ENTRIES } from './job.js';
import type { ItemSettler } from './job-engine.js';
import type { ProvisioningLifecycle } from './lifecycle.js';
import { withoutReference } from './references.js';
import { civicNoOf, type ProvisioningStore } from './store.js';
import { type CatalogueReader, createStoreRuleContext } from './store-rule-context.js';
import type { JsonObject } from './stored-object.js';

/** Deleting an object others still refer to: refuse the item (409), or remove the references too. */
export type DeleteReferencedPolicy = 'reject' | 'cascade';

export interface ItemSettlerOptions {
  store: ProvisioningStore;
  catalogue: CatalogueReader;
  faults: FaultInjector;
  transferDelayMs: () => number;
  deleteReferenced: () => DeleteReferencedPolicy;
  populationRegister?: ReadonlySet<string>;
  ruleSettings?: Partial<RuleSettings>;
  /** The civic-number deadlines and night-time transfer (dnp-facts §7). */
  lifecycle?: ProvisioningLifecycle;
}

/** How one item ends: what the job answer shows for it. */
interface Outcome {
  status: Exclude<JobItem['status'], 'Pending'>;
  statusCode: number;
  errors: LogEntry[];
  warnings?: LogEntry[];
  created?: boolean;
}

const refused = (statusCode: number, errors: LogEntry[]): Outcome => ({
  status: 'Error',
  statusCode,
  errors,
});

export class StoreItemSettler implements ItemSettler {
  private cachedContext: { org: string; nowMs: number; ctx: RuleContext } | undefined;

  constructor(private readonly options: ItemSettlerOptions) {}

  settle(job: Job, item: JobItem, nowMs: number): void {
    const outcome = this.outcomeOf(job, item, nowMs);
    item.status = outcome.status;
    item.statusCode = outcome.statusCode;
    item.errors = outcome.errors.length > 0 ? outcome.errors : NO_ENTRIES;
    item.warnings = outcome.warnings && outcome.warnings.length > 0 ? outcome.warnings : NO_ENTRIES;
    if (outcome.created) item.created = true;
  }

  private outcomeOf(job: Job, item: JobItem, nowMs: number): Outcome {
    const { resource } = job;
    if (item.duplicate) return refused(400, [duplicateEntry(resource, item.id, nowMs)]);
    if (this.options.faults.isTemporaryError(item.id)) {
      return {
        status: 'TemporaryError',
        statusCode: 503,
        errors: [temporaryEntry(resource, item.id, nowMs)],
      };
    }
    return job.operation === 'delete'
      ? this.deleteOutcome(job, item, nowMs)
      : this.writeOutcome(job, item, nowMs);
  }

  private writeOutcome(job: Job, item: JobItem, nowMs: number): Outcome {
    const { store } = this.options;
    const { organisationId: org, resource } = job;
    const existing = store.get(org, resource, item.id);
    if (job.operation === 'create' && existing && !job.updateIfExists) {
      return refused(409, [alreadyExistsEntry(resource, item.id, nowMs)]);
    }
    if (job.operation === 'update' && !existing)
      return refused(404, [notFoundEntry(resource, item.id, nowMs)]);
    const successStatusCode = existing ? 200 : 201;
    const verdict = validateItem(resource, item.payload, this.contextFor(org, nowMs), { successStatusCode });
    const toEntries = (findings: Finding[]) =>
      findings.length === 0
        ? NO_ENTRIES
        : findings.map((f) =>
            toLogEntry(f, {
              resourceType: RESOURCE_TYPES[resource],
              resourceId: item.id,
              now: new Date(nowMs),
            }),
          );
    const errors = toEntries(verdict.errors);
    const warnings = toEntries(verdict.warnings);
    if (verdict.status === 'Error' || verdict.item === undefined) {
      return { status: 'Error', statusCode: verdict.statusCode, errors, warnings };
    }
    // The model's parsed item is plain JSON data (zod output of a JSON input).
    const body = verdict.item as unknown as JsonObject;
    store.save(org, resource, body, nowMs, this.transferDelay(org, resource, item.id, nowMs));
    if (resource === 'persons') {
      this.options.lifecycle?.afterPersonSaved(org, item.id, civicNoOf(body), verdict.warnings, nowMs);
    }
    return { status: verdict.status, statusCode: successStatusCode, errors, warnings, created: !existing };
  }

  private deleteOutcome(job: Job, item: JobItem, nowMs: number): Outcome {
    const { store } = this.options;
    const { organisationId: org, resource } = job;
    if (!store.get(org, resource, item.id)) return refused(404, [notFoundEntry(resource, item.id, nowMs)]);
    const referrers = store.referrersOf(org, resource, item.id);
    if (referrers.length > 0 && this.options.deleteReferenced() === 'reject') {
      return refused(409, stillReferencedEntries(resource, item.id, referrers, nowMs));
    }
    this.cascadeDelete(org, resource, item.id, nowMs);
    return { status: 'Success', statusCode: 204, errors: NO_ENTRIES };
  }

  /** Deletes the object; duties of a deleted person go too, other referrers only lose the reference. */
  private cascadeDelete(org: string, resource: ResourceName, id: string, nowMs: number): void {
    const { store } = this.options;
    for (const referrer of store.referrersOf(org, resource, id)) {
      const object = store.get(org, referrer.resource, referrer.id);
      if (!object) continue;
      const next = withoutReference(referrer.resource, object.body, { resource, id });
      if (next === undefined) this.cascadeDelete(org, referrer.resource, referrer.id, nowMs);
      else
        store.save(
          org,
          referrer.resource,
          next,
          nowMs,
          this.transferDelay(org, referrer.resource, referrer.id, nowMs),
        );
    }
    store.remove(org, resource, id);
    if (resource === 'persons') this.options.lifecycle?.afterPersonDeleted(org, id);
  }

  /** Removes a person as Skolverket does when the civic-number deadline runs out (whatever the delete policy). */
  removePerson(org: string, personId: string, nowMs: number): void {
    if (this.options.store.get(org, 'persons', personId)) this.cascadeDelete(org, 'persons', personId, nowMs);
  }

  private transferDelay(org: string, resource: ResourceName, id: string, nowMs: number): number {
    const delay = this.options.transferDelayMs();
    return this.options.lifecycle
      ? this.options.lifecycle.transferDelayMs(org, resource, id, nowMs, delay)
      : delay;
  }

  /** One rule context per organisation and instant (a chunk of a job settles at one instant). */
  private contextFor(org: string, nowMs: number): RuleContext {
    const cached = this.cachedContext;
    if (cached && cached.org === org && cached.nowMs === nowMs) return cached.ctx;
    const ctx = createStoreRuleContext({
      store: this.options.store,
      catalogue: this.options.catalogue,
      organisationId: org,
      now: new Date(nowMs),
      ...(this.options.populationRegister ? { populationRegister: this.options.populationRegister } : {}),
      ...(this.options.ruleSettings ? { settings: this.options.ruleSettings } : {}),
    });
    this.cachedContext = { org, nowMs, ctx };
    return ctx;
  }
}
