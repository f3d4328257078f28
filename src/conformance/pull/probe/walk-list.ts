// Walks one list (or deletedEntities) through its pageTokens with the SS12000 client's paginate(), recording every page.
import { randomUUID } from 'node:crypto';
import {
  deletedExtractor,
  listExtractor,
  type PageExtractor,
  paginate,
  RESOURCE_PATHS,
  type Ss12000ResourceType,
  toSyncError,
} from '../../../mock-ss12000-client/index.js';
import { toRequestRef } from '../../result/request-ref.js';
import type { CallFailure, JsonObject, ListWalk, PageRecord, WalkEnd } from '../evidence/pull-evidence.js';
import { idOf } from '../evidence/pull-views.js';
import type { PullProbeContext } from '../runner/probe-context.js';
import { journalEntriesWith, probeHttp } from './probe-client.js';

export interface WalkRequest {
  purpose: string;
  resource: Ss12000ResourceType | 'DeletedEntities';
  /** Filters of the first call (repeated values for `entities`). */
  query?: Record<string, string | readonly string[]>;
  limit?: number;
  /** Most pages to follow (default: the run's page limit). */
  pageLimit?: number;
}

const END_OF: Partial<Record<string, WalkEnd>> = {
  repeated_page_token: 'repeated-token',
  page_limit: 'page-limit',
};

function pathOf(resource: WalkRequest['resource']): string {
  return resource === 'DeletedEntities' ? 'deletedEntities' : RESOURCE_PATHS[resource];
}

function firstQuery(request: WalkRequest): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(request.query ?? {})) {
    for (const v of typeof value === 'string' ? [value] : value) params.append(key, v);
  }
  if (request.limit !== undefined) params.set('limit', String(request.limit));
  const text = params.toString();
  return text ? `?${text}` : '';
}

function deletedIds(data: Record<string, unknown>, into: Record<string, string[]>): void {
  for (const [key, value] of Object.entries(data)) {
    if (!Array.isArray(value)) continue;
    into[key] = [
      ...(into[key] ?? []),
      ...value.filter((id): id is string => typeof id === 'string').map((id) => id.toLowerCase()),
    ];
  }
}

/**
 * Walks the list with Skolverket's valid token. The walk stops at a null pageToken, at a repeated token, past
 * `pageLimit` pages, at the run's walk budget, or at the first failed call; each of these is recorded, never thrown.
 */
export async function walkList(ctx: PullProbeContext, request: WalkRequest): Promise<ListWalk> {
  const walkId = randomUUID();
  const bookmark = ctx.services.journal.bookmark;
  const budget = AbortSignal.timeout(ctx.settings.walkBudgetMs);
  const http = probeHttp(ctx, { token: await ctx.validToken(), signal: budget });
  const listUrl = `${ctx.vendorUrl}/${pathOf(request.resource)}`;
  const operation = `/${pathOf(request.resource)}`;
  const pageLimit = request.pageLimit ?? ctx.settings.pageLimit;
  const bodies: unknown[] = [];
  const capture =
    <T>(extract: PageExtractor<T>): PageExtractor<T> =>
    (body, url) => {
      const content = extract(body, url);
      bodies.push(body);
      return content;
    };
  const pages: PageRecord[] = [];
  const items: JsonObject[] = [];
  const deleted: Record<string, string[]> = {};
  let end: WalkEnd = 'complete';
  let failure: CallFailure | undefined;
  try {
    const walk = paginate<unknown[] | Record<string, unknown>>({
      http,
      firstUrl: `${listUrl}${firstQuery(request)}`,
      nextUrl: (token) => `${listUrl}?${new URLSearchParams({ pageToken: token })}`,
      extract:
        request.resource === 'DeletedEntities'
          ? capture(deletedExtractor)
          : capture(listExtractor(request.resource)),
      pageLimit,
      notes: { probe: request.purpose, walkId },
    });
    for await (const page of walk) {
      let ids: string[] = [];
      if (Array.isArray(page.content)) {
        items.push(...(page.content as JsonObject[]));
        ids = page.content.map((item) => idOf(item) ?? '');
      } else {
        deletedIds(page.content, deleted);
      }
      pages.push({
        ids,
        pageToken: page.pageToken,
        exchange: {
          purpose: 'page',
          method: 'GET',
          url: page.url,
          operation,
          status: 200,
          body: bodies[pages.length],
        },
      });
    }
  } catch (error) {
    const syncError = toSyncError(error, listUrl);
    const outOfTime = budget.aborted;
    end = outOfTime ? 'deadline' : (END_OF[syncError.code] ?? 'failed');
    failure = outOfTime
      ? { code: 'deadline', message: `the walk took longer than ${ctx.settings.walkBudgetMs} ms` }
      : { code: syncError.code, message: syncError.message };
  }
  // Attach the journal's record of each page (and of the call that failed).
  const entries = journalEntriesWith(ctx, bookmark, 'walkId', walkId);
  for (const [index, page] of pages.entries()) {
    const entry = entries.find((e) => e.notes?.page === index + 1);
    if (entry) pages[index] = { ...page, exchange: { ...page.exchange, ref: toRequestRef(entry) } };
  }
  const failedEntry = failure
    ? (entries.find((e) => e.notes?.page === pages.length + 1) ?? entries.at(-1))
    : undefined;
  return {
    purpose: request.purpose,
    resource: request.resource,
    ...(request.limit !== undefined ? { limit: request.limit } : {}),
    query: request.query ?? {},
    pages,
    items,
    ...(request.resource === 'DeletedEntities' ? { deleted } : {}),
    end,
    ...(failure ? { failure } : {}),
    ...(failedEntry ? { failedRef: toRequestRef(failedEntry) } : {}),
    pageLimit,
  };
}
