// The evidence a push scenario leaves behind: a plain, read-only object that every rule reads and nothing else.
import type { JournalEntry } from '../../../journal/index.js';
import type { ResourceName } from '../../../model/resource.js';

/** A JSON object as sent or stored (a person, duty, group or activity). */
export type JsonObject = Readonly<Record<string, unknown>>;

/** Objects per resource: what a dataset holds, or what the store holds at the end. */
export type ResourceSets = { readonly [R in ResourceName]: readonly JsonObject[] };

/** Status of one item of a bulk job (`AsynchronousResponse.responses[].response.status`). */
export type JobItemStatus = 'Pending' | 'Success' | 'Error' | 'Warning' | 'TemporaryError';

export interface JobItemRecord {
  /** Lower-case UUID of the object (or of the deleted object). */
  readonly id: string;
  readonly status: JobItemStatus;
  /** When the mock settled the item (epoch ms); absent while Pending. */
  readonly settledMs?: number;
}

/** One bulk job as the mock's job engine kept it. */
export interface JobRecord {
  readonly jobId: string;
  readonly resource: ResourceName;
  readonly operation: 'create' | 'update' | 'delete';
  readonly updateIfExists: boolean;
  /** Correlates with the journal entry of the call that created it. */
  readonly requestId: string;
  readonly submittedMs: number;
  readonly completedMs?: number;
  readonly items: readonly JobItemRecord[];
}

/** One token the mock's /transaction handed out. */
export interface IssuedTokenRecord {
  /** Same fingerprint as `JournalEntry.tokenId`. */
  readonly tokenId: string;
  readonly issuedMs: number;
  readonly expiresMs: number;
  readonly organisationId?: string;
  readonly kid?: string;
  /**
   * The faults the mock put into it on purpose (mock-auth's TokenFault names: expired, not-yet-valid,
   * wrong-location, wrong-organisation, unknown-kid, bad-signature). Any fault makes it a token a verifying
   * client must refuse; empty for a good token.
   */
  readonly faults: readonly string[];
}

/** One run of the vendor's command. */
export interface ClientRunRecord {
  /** 0-based position among the scenario's runs. */
  readonly index: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly timedOut: boolean;
  /** Index into `Evidence.datasets` of the dataset this run was given. */
  readonly datasetIndex: number;
}

/** The mock settings the rules need, resolved for this scenario. */
export interface EvidenceSettings {
  /** Largest request body in bytes; 0 when the limit is off. */
  readonly payloadLimit: number;
  /** Write+status calls per window the mock allowed (may be lowered by the scenario). */
  readonly rateLimitWrite: number;
  readonly rateLimitRead: number;
  readonly rateLimitWindowMs: number;
  readonly tokenLifetimeSeconds: number;
  readonly jobDelayMs: number;
}

/** Everything a scenario run observed. Rules are pure functions of this object and their parameters. */
export interface Evidence {
  readonly scenarioId: string;
  /** `SE` + organisation number of the scenario's huvudman. */
  readonly organisationId: string;
  readonly settings: EvidenceSettings;
  /** Inbound exchanges with the auth and provisioning components, oldest first. */
  readonly journal: readonly Readonly<JournalEntry>[];
  readonly tokens: readonly IssuedTokenRecord[];
  readonly jobs: readonly JobRecord[];
  /** The organisation's store when the last run ended (and jobs settled). */
  readonly store: ResourceSets;
  readonly runs: readonly ClientRunRecord[];
  /** Every dataset the client was given, in order; runs point into it. */
  readonly datasets: readonly ResourceSets[];
  /** Ids the scenario's dataset made invalid on purpose: the mock must answer them with Error. */
  readonly expectedErrorIds: readonly string[];
}
