// Fetches `deletedEntities` after a time and removes the listed ids from the mirror.
import { deletedExtractor, paginate } from './paginate.js';
import { DELETED_KEYS, RESOURCE_ORDER, type Ss12000ResourceType } from './resources.js';
import { SyncError, toSyncError } from './sync-error.js';
import type { DeletionOutcome } from './sync-job.js';
import type { SyncContext } from './sync-resource.js';

function idsAt(data: Record<string, unknown>, resourceType: Ss12000ResourceType, url: string): string[] {
  const ids: string[] = [];
  for (const key of DELETED_KEYS[resourceType]) {
    const value = data[key];
    if (value === undefined || value === null) continue;
    if (!Array.isArray(value) || value.some((id) => typeof id !== 'string')) {
      throw new SyncError('invalid_answer', `data.${key} is not an array of ids`, { url, status: 200 });
    }
    ids.push(...(value as string[]));
  }
  return ids;
}

/**
 * `GET {url}/deletedEntities?after=…&entities=…` for every resource (the webhook's `deletedEntities: true`
 * does not say which), `entities` repeated as OpenAPI's default form style for arrays has it.
 */
export async function syncDeletions(ctx: SyncContext, after: string): Promise<DeletionOutcome> {
  const listUrl = `${ctx.baseUrl}/deletedEntities`;
  const query = new URLSearchParams({ after });
  for (const resource of RESOURCE_ORDER) query.append('entities', resource);
  query.set('limit', String(ctx.pageSize));
  const outcome: DeletionOutcome = {
    url: `${listUrl}?${query}`,
    state: 'succeeded',
    pages: 0,
    listed: {},
    removed: 0,
  };
  try {
    const pages = paginate({
      http: ctx.http,
      firstUrl: outcome.url,
      nextUrl: (token) => `${listUrl}?${new URLSearchParams({ pageToken: token })}`,
      extract: deletedExtractor,
      pageLimit: ctx.pageLimit,
      notes: { resourceType: 'DeletedEntities' },
    });
    for await (const page of pages) {
      outcome.pages += 1;
      for (const resourceType of RESOURCE_ORDER) {
        const ids = idsAt(page.content, resourceType, page.url);
        if (ids.length === 0) continue;
        outcome.listed[resourceType] = (outcome.listed[resourceType] ?? 0) + ids.length;
        for (const id of ids) if (ctx.mirror.remove(resourceType, id)) outcome.removed += 1;
      }
    }
  } catch (error) {
    const failure = toSyncError(error, outcome.url);
    outcome.state = 'failed';
    outcome.error = failure.toJSON();
    if (failure.code !== 'cancelled') await ctx.reporter.failure(undefined, failure);
  }
  return outcome;
}
