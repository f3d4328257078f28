// Fetches one resource page by page, judges every item, updates the mirror, and reports /log and /statistics.
import type { Clock } from '../clock/clock.js';
import type { RuleContext } from '../model/index.js';
import { asMirrorItem, judgeItem } from './judge-item.js';
import type { Mirror } from './mirror.js';
import { listExtractor, paginate } from './paginate.js';
import { RESOURCE_PATHS, type Ss12000ResourceType } from './resources.js';
import { toSyncError } from './sync-error.js';
import type { ResourceOutcome } from './sync-job.js';
import type { VendorHttp } from './vendor-http.js';
import { findingLogEntry, type VendorReporter } from './vendor-reporter.js';

/** What every step of a sync job shares. */
export interface SyncContext {
  /** The vendor's registered base URL, without a trailing slash. */
  baseUrl: string;
  http: VendorHttp;
  mirror: Mirror;
  reporter: VendorReporter;
  ruleContext: RuleContext;
  clock: Clock;
  pageSize: number;
  pageLimit: number;
}

/**
 * `replace` (full sync): once the whole list has been read, items the mirror holds but the list no longer
 * names are dropped. `upsert` (webhook): items are only added or replaced. Items refused by the rules leave
 * the mirror's earlier version in place, and count as listed.
 */
export type SyncMode = 'replace' | 'upsert';

export async function syncResource(
  ctx: SyncContext,
  resourceType: Ss12000ResourceType,
  filter: Record<string, string>,
  mode: SyncMode,
): Promise<ResourceOutcome> {
  const listUrl = `${ctx.baseUrl}/${RESOURCE_PATHS[resourceType]}`;
  const query = new URLSearchParams({ ...filter, limit: String(ctx.pageSize) });
  const outcome: ResourceOutcome = {
    resourceType,
    url: `${listUrl}?${query}`,
    state: 'succeeded',
    pages: 0,
    received: 0,
    stored: 0,
    rejected: 0,
    removed: 0,
  };
  const listed = mode === 'replace' ? new Set<string>() : undefined;
  try {
    const pages = paginate({
      http: ctx.http,
      firstUrl: outcome.url,
      nextUrl: (token) => `${listUrl}?${new URLSearchParams({ pageToken: token })}`,
      extract: listExtractor(resourceType),
      pageLimit: ctx.pageLimit,
      notes: { resourceType },
    });
    for await (const page of pages) {
      outcome.pages += 1;
      for (const raw of page.content) {
        outcome.received += 1;
        const judgement = judgeItem(resourceType, raw, ctx.ruleContext);
        if (judgement.id !== undefined) listed?.add(judgement.id);
        if (judgement.accepted && judgement.id !== undefined) {
          ctx.mirror.put(resourceType, asMirrorItem(raw, judgement.id));
          outcome.stored += 1;
        } else {
          outcome.rejected += 1;
        }
        for (const finding of judgement.findings) {
          const resourceUrl = judgement.id ? `${listUrl}/${encodeURIComponent(judgement.id)}` : listUrl;
          await ctx.reporter.log(
            findingLogEntry(finding, {
              resourceType,
              resourceId: judgement.id,
              resourceUrl,
              now: ctx.clock.date(),
            }),
          );
        }
      }
    }
  } catch (error) {
    const failure = toSyncError(error, outcome.url);
    outcome.state = 'failed';
    outcome.error = failure.toJSON();
    if (failure.code !== 'cancelled') await ctx.reporter.failure(resourceType, failure);
    return outcome;
  }
  if (listed) {
    for (const id of ctx.mirror.ids(resourceType)) {
      if (!listed.has(id) && ctx.mirror.remove(resourceType, id)) outcome.removed += 1;
    }
  }
  await ctx.reporter.statistics(resourceType, outcome.stored, listUrl);
  return outcome;
}
