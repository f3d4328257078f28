// Read-only views over pull evidence that several rules share: every walk, every exchange, refs and ids.
import { RESOURCE_PATHS } from '../../../mock-ss12000-client/index.js';
import type { RequestRef } from '../../result/request-ref.js';
import type { ExchangeRecord, JsonObject, ListWalk, PullEvidence } from './pull-evidence.js';

/** Every walk of the scenario: fetches, filter probes, incremental fetches and deletion probes. */
export function allWalks(evidence: PullEvidence): ListWalk[] {
  return [
    ...evidence.fetches,
    ...evidence.filters.map((f) => f.walk),
    ...evidence.incremental.map((i) => i.walk),
    ...evidence.deletions.flatMap((d) => [
      d.since.walk,
      d.otherTypes.walk,
      d.later.walk,
      ...(d.dependants ? [d.dependants.walk] : []),
    ]),
  ];
}

/** Every single call and every page of every walk, in the order the probes made them (roughly). */
export function allExchanges(evidence: PullEvidence): ExchangeRecord[] {
  const sub = evidence.subscription;
  return [
    ...evidence.auth.map((a) => a.exchange),
    ...(sub ? [sub.create, sub.renew, sub.remove].filter((e): e is ExchangeRecord => e !== undefined) : []),
    ...evidence.tokenFilter.flatMap((t) => (t.probe ? [t.firstPage, t.probe] : [t.firstPage])),
    ...evidence.deletions.flatMap((d) => [...d.byId, ...(d.dependants?.byId ?? [])]),
    ...evidence.reports,
    ...allWalks(evidence).flatMap((w) => w.pages.map((p) => p.exchange)),
  ];
}

/** The refs of some exchanges (those the journal kept). */
export function refsOf(exchanges: readonly (ExchangeRecord | undefined)[]): RequestRef[] {
  return exchanges.flatMap((e) => (e?.ref ? [e.ref] : []));
}

/** Lower-case id of an object, or undefined when it has none. */
export function idOf(object: unknown): string | undefined {
  if (typeof object !== 'object' || object === null) return undefined;
  const id = (object as { id?: unknown }).id;
  return typeof id === 'string' ? id.toLowerCase() : undefined;
}

/** The ids of persons a group's memberships name (lower-case). */
export function memberIds(group: JsonObject): string[] {
  const memberships = Array.isArray(group.groupMemberships) ? group.groupMemberships : [];
  return memberships.flatMap((m) => {
    const person = typeof m === 'object' && m !== null ? (m as { person?: unknown }).person : undefined;
    const id = idOf(person);
    return id ? [id] : [];
  });
}

/** Every id a walk served, in order, duplicates kept. */
export function walkIds(walk: ListWalk): string[] {
  return walk.pages.flatMap((p) => p.ids);
}

/** The ids listed more than once in a walk. */
export function duplicateIds(walk: ListWalk): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const id of walkIds(walk)) {
    if (id && seen.has(id)) twice.add(id);
    seen.add(id);
  }
  return [...twice];
}

/** `GET /persons?limit=3` → "GET /persons?limit=3 → 200"; for messages that name a call without a journal ref. */
export function describeExchange(exchange: ExchangeRecord): string {
  let shown = exchange.url;
  try {
    const url = new URL(exchange.url);
    shown = `${url.pathname}${url.search}`;
  } catch {
    // Keep the raw text.
  }
  const answer = exchange.failure ? exchange.failure.code : String(exchange.status ?? 'no answer');
  return `${exchange.method} ${shown} → ${answer}`;
}

/** The objects of the last complete fetch of each resource (largest limit wins), or undefined when none completed. */
export function fetchedObjects(evidence: PullEvidence): Map<ListWalk['resource'], readonly JsonObject[]> {
  const best = new Map<ListWalk['resource'], ListWalk>();
  for (const walk of evidence.fetches) {
    if (walk.end !== 'complete') continue;
    const current = best.get(walk.resource);
    if (!current || (walk.limit ?? Number.MAX_SAFE_INTEGER) >= (current.limit ?? Number.MAX_SAFE_INTEGER)) {
      best.set(walk.resource, walk);
    }
  }
  return new Map([...best].map(([resource, walk]) => [resource, walk.items]));
}

/** A short, readable list: the first `max` entries and how many more. */
export function listSome(values: readonly string[], max = 5): string {
  const shown = values.slice(0, max).join(', ');
  return values.length > max ? `${shown} and ${values.length - max} more` : shown;
}

/** The list path of a walk's resource: `/persons`, `/deletedEntities`. */
export function pathOf(resource: ListWalk['resource']): string {
  return resource === 'DeletedEntities' ? '/deletedEntities' : `/${RESOURCE_PATHS[resource]}`;
}
