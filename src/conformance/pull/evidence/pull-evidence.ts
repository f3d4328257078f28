// The evidence an SS 12000 (pull) scenario leaves behind: plain, read-only data that every PULL rule reads.
import type { JournalEntry } from '../../../journal/index.js';
import type {
  Ss12000ResourceType,
  SubscriptionState,
  SyncErrorCode,
} from '../../../mock-ss12000-client/index.js';
import type { ExamActivityFacts, SchoolUnitFacts } from '../../../model/index.js';
import type { RequestRef } from '../../result/request-ref.js';

/** A JSON object as the vendor served it. */
export type JsonObject = Readonly<Record<string, unknown>>;

/** Why a call got no usable answer: the SS12000 client's failure codes, plus the runner's own walk deadline. */
export type FailureCode = SyncErrorCode | 'deadline';

export interface CallFailure {
  code: FailureCode;
  message: string;
}

/** One call the runner made to the vendor's API and what came back. */
export interface ExchangeRecord {
  /** What the call was for, e.g. `auth:expired`, `subscription:create`, `page`. */
  readonly purpose: string;
  readonly method: string;
  readonly url: string;
  /** The subset spec's path template the call addresses (`/persons`, `/subscriptions/{subscriptionId}`). */
  readonly operation: string;
  /** HTTP status; undefined when no answer came. */
  readonly status?: number;
  /** The parsed JSON body, when there was one. */
  readonly body?: unknown;
  /** Set when the answer could not be used (timeout, too large, not JSON…). */
  readonly failure?: CallFailure;
  /** The journal's record of the call (absent only when the journal lost it). */
  readonly ref?: RequestRef;
}

/** One page of a list walk. */
export interface PageRecord {
  readonly exchange: ExchangeRecord;
  /** Ids of the page's items in order (lower-case); items without a string id count as ''. */
  readonly ids: readonly string[];
  readonly pageToken: string | null;
}

/** How a walk through `pageToken`s ended. */
export type WalkEnd =
  /** A page came with a null (or absent) pageToken. */
  | 'complete'
  /** A pageToken the API had handed out before in the same walk. */
  | 'repeated-token'
  /** More pages than the walk's page limit. */
  | 'page-limit'
  /** The walk's time budget ran out. */
  | 'deadline'
  /** A call failed (status, transport, shape). */
  | 'failed';

/** A walk through one list (`GET /persons?…`, following pageToken), or through `deletedEntities`. */
export interface ListWalk {
  readonly purpose: string;
  readonly resource: Ss12000ResourceType | 'DeletedEntities';
  /** The `limit` asked for, if any. */
  readonly limit?: number;
  /** Query parameters of the first call besides `limit`. */
  readonly query: Readonly<Record<string, string | readonly string[]>>;
  readonly pages: readonly PageRecord[];
  /** Every item in the order served (resource lists). */
  readonly items: readonly JsonObject[];
  /** DeletedEntities walks: ids per key of `data`, merged over the pages. */
  readonly deleted?: Readonly<Record<string, readonly string[]>>;
  readonly end: WalkEnd;
  /** The failing call, when `end` is not `complete`. */
  readonly failure?: CallFailure;
  readonly failedRef?: RequestRef;
  /** How many pages the walk would follow. */
  readonly pageLimit: number;
}

/** The ways the auth probe spoils Skolverket's token (plus the good one). */
export const TOKEN_VARIANTS = [
  'missing',
  'garbled',
  'unknown-key',
  'expired',
  'not-yet-valid',
  'other-organisation',
  'other-location',
  'lookalike-location',
  'other-access-type',
  'valid',
] as const;
export type TokenVariant = (typeof TOKEN_VARIANTS)[number];

export interface AuthProbeRecord {
  readonly variant: TokenVariant;
  /** What is wrong with the token, in words (`organization_id SE5567044268 instead of SE2021004185`). */
  readonly detail: string;
  readonly exchange: ExchangeRecord;
}

export interface SubscriptionProbeRecord {
  /** The `target` the runner posted. */
  readonly sentTarget: string;
  readonly create: ExchangeRecord;
  /** The `expires` the PATCH asked for. */
  readonly renewAsked?: string;
  readonly renew?: ExchangeRecord;
  readonly remove?: ExchangeRecord;
}

/** `GET /R?pageToken=…&meta.modified.after=…`: the token from a first page, sent with a filter. */
export interface TokenFilterProbeRecord {
  readonly resource: Ss12000ResourceType;
  readonly firstPage: ExchangeRecord;
  readonly probe?: ExchangeRecord;
  /** Why no probe was sent (the first page had no token…). */
  readonly notSentBecause?: string;
}

export const META_FILTERS = [
  'meta.modified.after',
  'meta.modified.before',
  'meta.created.after',
  'meta.created.before',
] as const;
export type MetaFilterParam = (typeof META_FILTERS)[number];

/** An object's id and meta times, as the unfiltered list showed it. */
export interface MetaSnapshot {
  readonly id: string;
  readonly created?: string;
  readonly modified?: string;
}

export interface FilterProbeRecord {
  readonly resource: Ss12000ResourceType;
  readonly param: MetaFilterParam;
  /** The filter value sent (RFC 3339). */
  readonly cut: string;
  /** Every object of the unfiltered list at the time, with its meta. */
  readonly baseline: readonly MetaSnapshot[];
  readonly walk: ListWalk;
}

export const CHANGE_KINDS = ['person-update', 'person-delete', 'group-update', 'person-bulk-update'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One webhook that reached the registration's target. */
export interface WebhookRecord {
  readonly timeMs: number;
  /** What the mock's receiver answered: 200 accepted; 401/403 token refused; 400 bad body. */
  readonly status: number;
  /** Why the receiver refused the token (`missing`, `expired`, `wrong_type`…), when it did. */
  readonly tokenError?: string;
  readonly organisationId?: string;
  /** The raw body as received. */
  readonly body?: string;
  readonly ref: RequestRef;
}

/** One change the runner asked the vendor's system to make, and the webhooks that followed. */
export interface ChangeRecord {
  readonly index: number;
  readonly kind: ChangeKind;
  readonly resource: Ss12000ResourceType;
  readonly ids: readonly string[];
  /** How the change was made: the --change-hook command, a person at the keyboard, or not at all. */
  readonly driver: 'hook' | 'interactive' | 'none';
  readonly made: boolean;
  readonly notMadeBecause?: string;
  readonly startMs: number;
  readonly endMs: number;
  /** How long after `startMs` the runner watched the target for webhooks. */
  readonly watchedMs: number;
  readonly webhooks: readonly WebhookRecord[];
}

/** The runner's fetch after a webhook: `meta.modified.after = T − lookback`, T being the webhook's arrival. */
export interface IncrementalProbeRecord {
  readonly changeIndex: number;
  readonly resource: Ss12000ResourceType;
  readonly after: string;
  /** The objects the change touched. */
  readonly expectedIds: readonly string[];
  readonly walk: ListWalk;
}

/**
 * What a deletion changed besides the deleted objects: groups that named a deleted person lose the membership,
 * and must then be fetchable as changed (meta.modified bumped, Group named in the webhook).
 */
export interface DeletionDependants {
  /** Groups that named a deleted person in the scenario's fetch before the deletion (lower-case ids). */
  readonly groupIds: readonly string[];
  /** `GET /groups?meta.modified.after=<just before the deletion>`: what an incremental fetch would find. */
  readonly modifiedAfter: string;
  readonly walk: ListWalk;
  /** `GET /groups/{id}` of each such group, after the deletion. */
  readonly byId: readonly ExchangeRecord[];
}

export interface DeletionProbeRecord {
  readonly changeIndex: number;
  readonly resource: Ss12000ResourceType;
  readonly ids: readonly string[];
  /** `deletedEntities?after=<before the change>&entities=<resource>`. */
  readonly since: { readonly after: string; readonly walk: ListWalk };
  /** The same, asking for every other type. */
  readonly otherTypes: { readonly entities: readonly Ss12000ResourceType[]; readonly walk: ListWalk };
  /** `deletedEntities?after=<after the change>&entities=<resource>`: must not list the ids. */
  readonly later: { readonly after: string; readonly walk: ListWalk };
  /** `GET /R/{id}` of each deleted object. */
  readonly byId: readonly ExchangeRecord[];
  /** Person deletions: the groups that named the person (absent when no group fetch came before the deletion). */
  readonly dependants?: DeletionDependants;
}

/** What the mock's open data says of the ids the data references (looked up when the evidence was collected). */
export interface OpenDataFacts {
  readonly schoolUnits: Readonly<Record<string, SchoolUnitFacts>>;
  readonly examActivities: Readonly<Record<string, ExamActivityFacts>>;
  /** Education codes (GY programmes) that may be used today. */
  readonly validEducationCodes: readonly string[];
}

/** The vendor registered with the mock's SS12000 client for the scenario (subscription and webhook target). */
export interface RegistrationRecord {
  readonly urlId: string;
  readonly target: string;
  readonly subscription: SubscriptionState;
}

export interface PullEvidenceSettings {
  /** How long the runner watched for a webhook after each change. */
  readonly webhookTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly maxResponseBytes: number;
  /** T − lookback of the incremental fetch (Skolverket: 5 minutes). */
  readonly lookbackMs: number;
}

/** Everything a pull scenario observed. Rules are pure functions of this object and their parameters. */
export interface PullEvidence {
  readonly scenarioId: string;
  /** The vendor's base URL, as given to --url. */
  readonly vendorUrl: string;
  /** The huvudman's 10-digit organisation number. */
  readonly organisationNumber: string;
  readonly settings: PullEvidenceSettings;
  /** When the scenario ran (ISO), the "today" of the rules on data. */
  readonly today: string;
  /** Every exchange of the scenario, in and out, oldest first. */
  readonly journal: readonly Readonly<JournalEntry>[];
  /** Full walks of the `fetch` steps, in order. */
  readonly fetches: readonly ListWalk[];
  readonly auth: readonly AuthProbeRecord[];
  readonly subscription?: SubscriptionProbeRecord;
  readonly tokenFilter: readonly TokenFilterProbeRecord[];
  readonly filters: readonly FilterProbeRecord[];
  readonly registration?: RegistrationRecord;
  readonly changes: readonly ChangeRecord[];
  readonly incremental: readonly IncrementalProbeRecord[];
  readonly deletions: readonly DeletionProbeRecord[];
  /** POST /log and /statistics: the runner's own, and those of the SS12000 client's syncs. */
  readonly reports: readonly ExchangeRecord[];
  readonly openData: OpenDataFacts;
}

/** Evidence with nothing in it (a starting point for tests). */
export function emptyPullEvidence(overrides: Partial<PullEvidence> = {}): PullEvidence {
  return {
    scenarioId: 'test',
    vendorUrl: 'http://vendor.test',
    organisationNumber: '5567044268',
    settings: {
      webhookTimeoutMs: 60_000,
      requestTimeoutMs: 30_000,
      maxResponseBytes: 33_554_432,
      lookbackMs: 300_000,
    },
    today: '2026-09-01T08:00:00.000Z',
    journal: [],
    fetches: [],
    auth: [],
    tokenFilter: [],
    filters: [],
    changes: [],
    incremental: [],
    deletions: [],
    reports: [],
    openData: { schoolUnits: {}, examActivities: {}, validEducationCodes: [] },
    ...overrides,
  };
}
