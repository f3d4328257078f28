// What every probe of a pull scenario shares: the vendor, the mock's services, the limits, and the evidence so far.
import type { MockServices } from '../../../app.js';
import type { RegisteredApi } from '../../../mock-ss12000-client/index.js';
import type {
  AuthProbeRecord,
  ChangeRecord,
  DeletionProbeRecord,
  ExchangeRecord,
  FilterProbeRecord,
  IncrementalProbeRecord,
  ListWalk,
  SubscriptionProbeRecord,
  TokenFilterProbeRecord,
} from '../evidence/pull-evidence.js';
import type { ChangeDriver } from '../probe/change-driver.js';

/** Limits and waits of a pull run (CLI flags and runner options set them; tests shorten them). */
export interface PullRunSettings {
  /** Real-time limit of one call to the vendor, body included. */
  requestTimeoutMs: number;
  /** Largest answer body read from the vendor. */
  maxResponseBytes: number;
  /** Most pages one walk follows when the runner cannot tell how many to expect. */
  pageLimit: number;
  /** Longest one walk may take in all. */
  walkBudgetMs: number;
  /** How long the runner watches the target for a webhook after a change. */
  webhookTimeoutMs: number;
  /** After the first webhook, how long more webhooks are collected (to count them). */
  webhookSettleMs: number;
  /** Time limit of one --change-hook run. */
  hookTimeoutMs: number;
  /** Longest wait for the SS12000 client's own sync (registration, webhook fetch) to settle. */
  syncTimeoutMs: number;
  /** T − lookback of the incremental fetch (Skolverket: 5 minutes). */
  lookbackMs: number;
  /** Allowance between the runner's clock and the vendor's, for deletedEntities' `after`. */
  clockSkewMs: number;
  /** Pause between creating a subscription and renewing it, so a renewal counted from now moves `expires`. */
  renewDelayMs: number;
}

export const DEFAULT_PULL_RUN_SETTINGS: PullRunSettings = {
  requestTimeoutMs: 30_000,
  maxResponseBytes: 33_554_432,
  pageLimit: 1000,
  walkBudgetMs: 300_000,
  webhookTimeoutMs: 60_000,
  webhookSettleMs: 2000,
  hookTimeoutMs: 120_000,
  syncTimeoutMs: 120_000,
  lookbackMs: 300_000,
  clockSkewMs: 2000,
  renewDelayMs: 1100,
};

/** The mutable evidence of the scenario while it runs; `collect-pull-evidence.ts` freezes it. */
export interface EvidenceDraft {
  fetches: ListWalk[];
  auth: AuthProbeRecord[];
  subscription?: SubscriptionProbeRecord;
  tokenFilter: TokenFilterProbeRecord[];
  filters: FilterProbeRecord[];
  changes: ChangeRecord[];
  incremental: IncrementalProbeRecord[];
  deletions: DeletionProbeRecord[];
  reports: ExchangeRecord[];
  /** Changes already followed by an incremental or a deletion probe. */
  followed: Set<number>;
  /** Ids a change of this scenario touched (not picked again). */
  touched: Set<string>;
  /** Problems of the run's own configuration (a change hook that failed): the scenario ends in `error`. */
  harnessErrors: string[];
}

export function emptyDraft(): EvidenceDraft {
  return {
    fetches: [],
    auth: [],
    tokenFilter: [],
    filters: [],
    changes: [],
    incremental: [],
    deletions: [],
    reports: [],
    followed: new Set(),
    touched: new Set(),
    harnessErrors: [],
  };
}

export interface PullProbeContext {
  readonly scenarioId: string;
  /** The vendor's base URL, without a trailing slash. */
  readonly vendorUrl: string;
  /** The huvudman's 10-digit organisation number. */
  readonly organisationNumber: string;
  readonly services: MockServices;
  readonly settings: PullRunSettings;
  readonly draft: EvidenceDraft;
  /** Skolverket's valid `ss12000-api` token for the vendor URL. */
  readonly validToken: () => Promise<string>;
  readonly changeDriver: ChangeDriver;
  /** The vendor registered with the mock's SS12000 client (set by the `register` step). */
  registration?: RegisteredApi;
  progress(phase: string, message: string): void;
}
