// One guarded call to the vendor for a probe: the SS12000 client's VendorHttp, any status accepted, never throws.
import { randomUUID } from 'node:crypto';
import type { JournalEntry } from '../../../journal/index.js';
import type { JournaledFetch, JournaledRequestInit } from '../../../journal/journaled-fetch.js';
import { createJournaledFetch } from '../../../journal/journaled-fetch.js';
import { toOrganisationId } from '../../../mock-auth/index.js';
import { toSyncError, VendorHttp } from '../../../mock-ss12000-client/index.js';
import { toRequestRef } from '../../result/request-ref.js';
import type { ExchangeRecord } from '../evidence/pull-evidence.js';
import type { PullProbeContext } from '../runner/probe-context.js';

/** Every status counts as an answer: the probe judges it, VendorHttp must not turn it into an error. */
const ANY_STATUS: readonly number[] = Array.from({ length: 500 }, (_, i) => i + 100);

/** VendorHttp always sends `Bearer <token>`; this token means "send no Authorization header at all". */
const NO_TOKEN = 'provtjanst-mock.no-token';

/** The journaled fetch of the SS12000 client's component, dropping the Authorization header for {@link NO_TOKEN}. */
function probeFetch(ctx: PullProbeContext): JournaledFetch {
  const journaled = createJournaledFetch({
    journal: ctx.services.journal,
    clock: ctx.services.clock,
    component: 'ss12000-client',
  });
  return (url, init: JournaledRequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (headers.get('authorization') === `Bearer ${NO_TOKEN}`) headers.delete('authorization');
    return journaled(url, { ...init, headers });
  };
}

export interface VendorHttpOptions {
  /** The token to send, or null for none. */
  token: string | null;
  signal?: AbortSignal;
}

/** A VendorHttp with the run's limits, one attempt, and the probe's token. */
export function probeHttp(ctx: PullProbeContext, options: VendorHttpOptions): VendorHttp {
  return new VendorHttp({
    fetch: probeFetch(ctx),
    clock: ctx.services.clock,
    token: async () => options.token ?? NO_TOKEN,
    timeoutMs: ctx.settings.requestTimeoutMs,
    maxResponseBytes: ctx.settings.maxResponseBytes,
    attempts: 1,
    backoffMs: 0,
    organisationId: toOrganisationId(ctx.organisationNumber),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

/** Journal entries (outbound, since `afterSeq`) whose notes carry `key: value`. */
export function journalEntriesWith(
  ctx: PullProbeContext,
  afterSeq: number,
  key: string,
  value: string,
): JournalEntry[] {
  return ctx.services.journal
    .query({ direction: 'outbound', afterSeq })
    .filter((e) => e.notes?.[key] === value);
}

export interface ProbeRequest {
  purpose: string;
  method: string;
  /** Path and query relative to the vendor's base URL, e.g. `/persons?limit=1`. */
  path: string;
  /** The subset spec's path template (`/subscriptions/{subscriptionId}`). */
  operation: string;
  token: string | null;
  body?: unknown;
}

/** Makes one call and records what came back; any failure becomes part of the record. */
export async function sendProbe(ctx: PullProbeContext, request: ProbeRequest): Promise<ExchangeRecord> {
  const probeId = randomUUID();
  const bookmark = ctx.services.journal.bookmark;
  const url = `${ctx.vendorUrl}${request.path}`;
  const http = probeHttp(ctx, { token: request.token });
  let outcome: Pick<ExchangeRecord, 'status' | 'body' | 'failure'>;
  try {
    const answer = await http.call(request.method, url, {
      accept: ANY_STATUS,
      ...(request.body !== undefined ? { body: request.body } : {}),
      notes: { probe: request.purpose, probeId },
    });
    outcome = { status: answer.status, ...(answer.body !== undefined ? { body: answer.body } : {}) };
  } catch (error) {
    const failure = toSyncError(error, url);
    outcome = {
      ...(failure.status !== undefined ? { status: failure.status } : {}),
      failure: { code: failure.code, message: failure.message },
    };
  }
  const entry = journalEntriesWith(ctx, bookmark, 'probeId', probeId)[0];
  return {
    purpose: request.purpose,
    method: request.method,
    url,
    operation: request.operation,
    ...outcome,
    ...(entry ? { ref: toRequestRef(entry) } : {}),
  };
}
