// Hand-built evidence for rule tests: journal entries, tokens, jobs and datasets in a few lines each.

import type {
  ClientRunRecord,
  Evidence,
  IssuedTokenRecord,
  JobItemStatus,
  JobRecord,
  JsonObject,
  ResourceSets,
} from '../../../src/conformance/push/evidence/evidence.js';
import type { JournalEntry } from '../../../src/journal/index.js';

export const T0 = Date.UTC(2026, 8, 1, 8, 0, 0);
export const API = '/provtjanst/provisioning/v1';

let seq = 0;

export interface CallOptions {
  at: number;
  method?: string;
  path: string;
  status?: number;
  token?: string | null;
  size?: number;
  durationMs?: number;
  responseHeaders?: Record<string, string>;
  responseBody?: string;
  requestBody?: string;
  requestId?: string;
  https?: boolean;
}

/** One inbound journal entry; `at` is ms after T0, `path` relative to the Provisioning API unless it starts with `/transaction`. */
export function call(options: CallOptions): JournalEntry {
  seq += 1;
  const isAuth = options.path === '/transaction' || options.path.startsWith('/.well-known');
  const path = isAuth ? options.path : `${API}${options.path}`;
  const token = options.token === undefined ? 'tok-1' : options.token;
  const timeMs = T0 + options.at;
  return {
    seq,
    requestId: options.requestId ?? `req-${seq}`,
    direction: 'inbound',
    component: isAuth ? 'auth' : 'provisioning',
    time: new Date(timeMs).toISOString(),
    timeMs,
    durationMs: options.durationMs ?? 5,
    method: options.method ?? 'GET',
    url: `${options.https === false ? 'http' : 'https'}://localhost:8443${path}`,
    path,
    status: options.status ?? 200,
    ...(token && !isAuth ? { tokenId: token } : {}),
    requestHeaders: token && !isAuth ? { authorization: `Bearer [${token}]` } : {},
    responseHeaders: options.responseHeaders ?? {},
    requestBodySize: options.size ?? 0,
    responseBodySize: options.responseBody?.length ?? 0,
    ...(options.requestBody !== undefined ? { requestBody: options.requestBody } : {}),
    ...(options.responseBody !== undefined ? { responseBody: options.responseBody } : {}),
  };
}

export function token(
  id: string,
  issuedAt: number,
  lifetimeSeconds = 864_000,
  faults: readonly string[] = [],
): IssuedTokenRecord {
  return { tokenId: id, issuedMs: T0 + issuedAt, expiresMs: T0 + issuedAt + lifetimeSeconds * 1000, faults };
}

export function job(
  jobId: string,
  resource: JobRecord['resource'],
  submittedAt: number,
  items: Array<[string, JobItemStatus]>,
  options: {
    operation?: JobRecord['operation'];
    settleAfter?: number;
    updateIfExists?: boolean;
    requestId?: string;
  } = {},
): JobRecord {
  const settled = T0 + submittedAt + (options.settleAfter ?? 100);
  return {
    jobId,
    resource,
    operation: options.operation ?? 'create',
    updateIfExists: options.updateIfExists ?? false,
    requestId: options.requestId ?? `req-${jobId}`,
    submittedMs: T0 + submittedAt,
    completedMs: settled,
    items: items.map(([id, status]) => ({
      id,
      status,
      ...(status === 'Pending' ? {} : { settledMs: settled }),
    })),
  };
}

export function run(index: number, start: number, end: number, datasetIndex = index): ClientRunRecord {
  return {
    index,
    startMs: T0 + start,
    endMs: T0 + end,
    exitCode: 0,
    signal: null,
    timedOut: false,
    datasetIndex,
  };
}

export const P1 = '00000000-0000-4000-8000-000000000001';
export const P2 = '00000000-0000-4000-8000-000000000002';
export const D1 = '00000000-0000-4000-8000-0000000000d1';
export const G1 = '00000000-0000-4000-8000-0000000000a1';
export const A1 = '00000000-0000-4000-8000-0000000000b1';

export const person = (id: string, givenName = 'Anna'): JsonObject => ({ id, givenName, familyName: 'Berg' });
export const duty = (id: string, personId: string): JsonObject => ({
  id,
  person: { id: personId },
  dutyRole: 'Lärare',
});
export const group = (id: string, members: string[]): JsonObject => ({
  id,
  displayName: '6A',
  groupMemberships: members.map((m) => ({ person: { id: m } })),
});
export const activity = (id: string, groups: string[], duties: string[]): JsonObject => ({
  id,
  groups: groups.map((g) => ({ id: g })),
  teachers: duties.map((d) => ({ duty: { id: d } })),
});

export function sets(partial: Partial<ResourceSets>): ResourceSets {
  return { persons: [], duties: [], groups: [], activities: [], ...partial };
}

/** A small complete dataset: two pupils, a teacher with a duty, a group, an activity. */
export const SMALL = sets({
  persons: [person(P1), person(P2)],
  duties: [duty(D1, P2)],
  groups: [group(G1, [P1])],
  activities: [activity(A1, [G1], [D1])],
});

/** Evidence with sensible defaults: one run 0–60 s over SMALL, one token, nothing else. */
export function evidence(overrides: Partial<Evidence> = {}): Evidence {
  return {
    scenarioId: 'test',
    organisationId: 'SE5567044268',
    settings: {
      payloadLimit: 204_800,
      rateLimitWrite: 5,
      rateLimitRead: 10,
      rateLimitWindowMs: 1000,
      tokenLifetimeSeconds: 864_000,
      jobDelayMs: 100,
    },
    journal: [],
    tokens: [token('tok-1', 0)],
    jobs: [],
    store: SMALL,
    runs: [run(0, 0, 60_000, 0)],
    datasets: [SMALL],
    expectedErrorIds: [],
    ...overrides,
  };
}

/** A bulk call and the job it made, sharing a request id. */
export function submitted(
  resource: JobRecord['resource'],
  at: number,
  items: Array<[string, JobItemStatus]>,
  options: {
    operation?: JobRecord['operation'];
    settleAfter?: number;
    body?: unknown;
    updateIfExists?: boolean;
  } = {},
): { entry: JournalEntry; job: JobRecord } {
  const jobId = `job-${resource}-${at}`;
  const operation = options.operation ?? 'create';
  const entry = call({
    at,
    method: operation === 'update' ? 'PUT' : 'POST',
    path: operation === 'delete' ? `/${resource}/bulk/delete` : `/${resource}/bulk`,
    status: 202,
    requestId: `req-${jobId}`,
    responseBody: JSON.stringify({ jobId }),
    ...(options.body !== undefined ? { requestBody: JSON.stringify(options.body) } : {}),
  });
  return { entry, job: job(jobId, resource, at, items, { ...options, requestId: `req-${jobId}` }) };
}
