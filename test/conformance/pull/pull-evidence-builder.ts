// Builds hand-made pull evidence for the rule tests: exchanges, walks, probes, changes and webhooks.

import {
  type ChangeRecord,
  type ExchangeRecord,
  emptyPullEvidence,
  type JsonObject,
  type ListWalk,
  type PullEvidence,
  type WebhookRecord,
} from '../../../src/conformance/pull/evidence/pull-evidence.js';
import type { PullRule } from '../../../src/conformance/pull/rules/pull-rule.js';
import type { RequestRef } from '../../../src/conformance/result/request-ref.js';
import type { Finding } from '../../../src/conformance/rule/rule.js';

export const T0 = Date.parse('2026-09-01T08:00:00.000Z');
let seq = 0;

export function ref(path: string, status = 200, method = 'GET', at = T0): RequestRef {
  seq += 1;
  return {
    seq,
    time: new Date(at).toISOString(),
    timeMs: at,
    method,
    path,
    status,
    requestBytes: 0,
    responseBytes: 0,
  };
}

export function exchange(partial: Partial<ExchangeRecord> & { url?: string } = {}): ExchangeRecord {
  const method = partial.method ?? 'GET';
  const url = partial.url ?? 'http://vendor.test/persons?limit=1';
  const status = 'status' in partial ? partial.status : 200;
  return {
    purpose: 'test',
    method,
    url,
    operation: new URL(url).pathname,
    ...(status !== undefined ? { status } : {}),
    ...partial,
    ref: partial.ref ?? ref(new URL(url).pathname, status ?? 0, method),
  };
}

/** Objects `{id}` for ids. */
export function objects(ids: readonly string[], extra: Record<string, unknown> = {}): JsonObject[] {
  return ids.map((id) => ({ id, ...extra }));
}

/** A walk whose pages hold these ids (one array per page); the last page's token is null unless `end` says otherwise. */
export function walk(
  pages: readonly (readonly string[])[],
  options: Partial<Omit<ListWalk, 'pages' | 'items'>> & { items?: JsonObject[] } = {},
): ListWalk {
  const resource = options.resource ?? 'Person';
  const path = resource === 'DeletedEntities' ? '/deletedEntities' : `/${resource.toLowerCase()}s`;
  return {
    purpose: 'fetch',
    resource,
    query: {},
    end: 'complete',
    pageLimit: 100,
    ...options,
    pages: pages.map((ids, i) => ({
      ids: ids.map((id) => id.toLowerCase()),
      pageToken: i < pages.length - 1 ? `t${i + 1}` : null,
      exchange: exchange({
        purpose: 'page',
        url: `http://vendor.test${path}`,
        body: { data: objects(ids), pageToken: null },
      }),
    })),
    items: options.items ?? objects(pages.flat()),
  };
}

export function webhook(partial: Partial<WebhookRecord> = {}): WebhookRecord {
  return {
    timeMs: T0 + 500,
    status: 200,
    body: JSON.stringify({ modifiedEntites: ['Person'], deletedEntities: false }),
    ref: ref('/provtjanst/ss12000/klient/v1/webhooks/u1', partial.status ?? 200, 'POST'),
    ...partial,
  };
}

export function change(partial: Partial<ChangeRecord> = {}): ChangeRecord {
  return {
    index: 0,
    kind: 'person-update',
    resource: 'Person',
    ids: ['p1'],
    driver: 'hook',
    made: true,
    startMs: T0,
    endMs: T0 + 100,
    watchedMs: 60_000,
    webhooks: [webhook()],
    ...partial,
  };
}

export function evidence(overrides: Partial<PullEvidence> = {}): PullEvidence {
  return emptyPullEvidence(overrides);
}

export function findings(rule: PullRule, e: PullEvidence, params: Record<string, unknown> = {}): Finding[] {
  const outcome = rule.evaluate(e, params);
  if (outcome.kind === 'skipped') throw new Error(`${rule.id} skipped: ${outcome.reason}`);
  return outcome.findings;
}

export function skipReason(
  rule: PullRule,
  e: PullEvidence,
  params: Record<string, unknown> = {},
): string | undefined {
  const outcome = rule.evaluate(e, params);
  return outcome.kind === 'skipped' ? outcome.reason : undefined;
}
