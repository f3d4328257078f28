// Gathers a scenario's evidence from the mock through its read-only views: journal, issued tokens, jobs, store.
import type { Settings } from '../../../config/index.js';
import type { Journal } from '../../../journal/index.js';
import type { AuthService } from '../../../mock-auth/index.js';
import type { JobView, ProvisioningView } from '../../../mock-provisioning/index.js';
import { RESOURCE_NAMES } from '../../../model/resource.js';
import type {
  ClientRunRecord,
  Evidence,
  EvidenceSettings,
  IssuedTokenRecord,
  JobItemRecord,
  JobItemStatus,
  JobRecord,
  JsonObject,
  ResourceSets,
} from '../evidence/evidence.js';

/** What the collector reads: the parts of the running mock's services it needs, read-only. */
export interface EvidenceSources {
  settings: Settings;
  journal: Pick<Journal, 'entries'>;
  auth: Pick<AuthService, 'issuedTokens'>;
  provisioning: Pick<ProvisioningView, 'jobs' | 'store'>;
}

export interface CollectInput {
  scenarioId: string;
  organisationNumber: string;
  runs: readonly ClientRunRecord[];
  datasets: readonly ResourceSets[];
  expectedErrorIds: readonly string[];
}

const STATUSES: readonly JobItemStatus[] = ['Pending', 'Success', 'Error', 'Warning', 'TemporaryError'];

function toJobRecord(view: JobView): JobRecord {
  const items: JobItemRecord[] = view.status.responses.map((r) => {
    const raw = String((r.response as { status?: unknown }).status);
    const status = STATUSES.find((s) => s === raw) ?? 'Pending';
    const modified = Date.parse(r.meta.modified);
    return {
      id: r.id.toLowerCase(),
      status,
      ...(status !== 'Pending'
        ? { settledMs: Number.isFinite(modified) ? modified : (view.completedMs ?? view.submittedMs) }
        : {}),
    };
  });
  return {
    jobId: view.jobId.toLowerCase(),
    resource: view.resource,
    operation: view.operation,
    updateIfExists: view.updateIfExists,
    requestId: view.requestId,
    submittedMs: view.submittedMs,
    ...(view.completedMs !== null ? { completedMs: view.completedMs } : {}),
    items,
  };
}

function settingsOf(settings: Settings): EvidenceSettings {
  return {
    payloadLimit: settings.payloadLimit,
    rateLimitWrite: settings.rateLimitWrite,
    rateLimitRead: settings.rateLimitRead,
    rateLimitWindowMs: settings.rateLimitWindow,
    tokenLifetimeSeconds: settings.tokenLifetime,
    jobDelayMs: settings.jobDelay,
  };
}

/** Freezes an object graph so rules cannot change the evidence they share. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Snapshot of everything the rules judge; a deep, frozen copy, independent of the mock from here on. */
export function collectEvidence(sources: EvidenceSources, input: CollectInput): Evidence {
  const organisationId = `SE${input.organisationNumber.replace('-', '')}`;
  const journal = sources.journal
    .entries()
    .filter((e) => e.direction === 'inbound' && (e.component === 'provisioning' || e.component === 'auth'));
  // Only tokens handed out at /transaction: tokens the mock mints for itself are not the client's.
  const issued = sources.auth.issuedTokens().filter((t) => t.via === 'transaction');
  const tokens: IssuedTokenRecord[] = issued.map((t) => ({
    tokenId: t.tokenId,
    issuedMs: Date.parse(t.issuedAt),
    expiresMs: t.exp * 1000,
    organisationId: t.organisationId,
    kid: t.kid,
    faults: [...t.faults],
  }));
  const snapshot = sources.provisioning.store.snapshot(organisationId);
  const store = Object.fromEntries(
    RESOURCE_NAMES.map((r) => [r, snapshot[r] as JsonObject[]]),
  ) as unknown as ResourceSets;
  return deepFreeze(
    structuredClone({
      scenarioId: input.scenarioId,
      organisationId,
      settings: settingsOf(sources.settings),
      journal,
      tokens,
      jobs: sources.provisioning.jobs.list(organisationId).map(toJobRecord),
      store,
      runs: [...input.runs],
      datasets: [...input.datasets],
      expectedErrorIds: [...input.expectedErrorIds],
    }),
  );
}
