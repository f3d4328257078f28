// The full fetch, resource by resource in Skolverket's order, and the latest complete objects of a resource.
import { RESOURCE_ORDER, type Ss12000ResourceType } from '../../../mock-ss12000-client/index.js';
import type { JsonObject, ListWalk } from '../evidence/pull-evidence.js';
import type { PullProbeContext } from '../runner/probe-context.js';
import { walkList } from './walk-list.js';

/** Default page size of a full fetch: large enough that small datasets come in one page. */
export const FULL_FETCH_LIMIT = 1000;

/** How many pages a walk with `limit` may take, when an earlier complete walk says how many objects there are. */
function pageLimitFor(
  ctx: PullProbeContext,
  resource: Ss12000ResourceType,
  limit: number,
): number | undefined {
  const known = latestObjects(ctx, resource);
  return known ? Math.ceil(known.length / limit) * 2 + 5 : undefined;
}

export interface FetchStep {
  /** Page size asked for (default {@link FULL_FETCH_LIMIT}). */
  limit?: number;
  /** Instead of a limit: about this many pages, the limit worked out from the latest complete fetch. */
  pages?: number;
  resources?: readonly Ss12000ResourceType[];
}

/** The limit of a walk meant to take about `pages` pages (the list is fetched whole first when its size is unknown). */
async function limitForPages(
  ctx: PullProbeContext,
  resource: Ss12000ResourceType,
  pages: number,
): Promise<number> {
  const count = (await currentObjects(ctx, resource)).length;
  return Math.max(1, Math.ceil(count / pages));
}

/** Walks each resource (default: all five, in fetch order) and keeps the walks as the scenario's fetches. */
export async function probeFetch(ctx: PullProbeContext, options: FetchStep = {}): Promise<ListWalk[]> {
  const walks: ListWalk[] = [];
  for (const resource of options.resources ?? RESOURCE_ORDER) {
    const limit = options.pages
      ? await limitForPages(ctx, resource, options.pages)
      : (options.limit ?? FULL_FETCH_LIMIT);
    const pageLimit = pageLimitFor(ctx, resource, limit);
    const walk = await walkList(ctx, {
      purpose: `fetch limit=${limit}`,
      resource,
      limit,
      ...(pageLimit ? { pageLimit } : {}),
    });
    ctx.progress(
      'fetch',
      `${resource}: ${walk.items.length} object(s) in ${walk.pages.length} page(s), ${walk.end}`,
    );
    ctx.draft.fetches.push(walk);
    walks.push(walk);
  }
  return walks;
}

/** The objects of the scenario's latest complete fetch of a resource. */
export function latestObjects(
  ctx: PullProbeContext,
  resource: Ss12000ResourceType,
): readonly JsonObject[] | undefined {
  return ctx.draft.fetches.findLast((w) => w.resource === resource && w.end === 'complete')?.items;
}

/** The latest complete objects of a resource, fetching them first when the scenario has none yet. */
export async function currentObjects(
  ctx: PullProbeContext,
  resource: Ss12000ResourceType,
): Promise<readonly JsonObject[]> {
  return latestObjects(ctx, resource) ?? (await probeFetch(ctx, { resources: [resource] }))[0]?.items ?? [];
}
