// Sends a pageToken together with a filter: the subset spec says the API must answer 400.
import { RESOURCE_PATHS, type Ss12000ResourceType } from '../../../mock-ss12000-client/index.js';
import type { PullProbeContext } from '../runner/probe-context.js';
import { sendProbe } from './probe-client.js';

/** The lists probed by default (organisations are often a single object: no second page, no token). */
export const DEFAULT_TOKEN_FILTER_RESOURCES: readonly Ss12000ResourceType[] = [
  'Person',
  'Group',
  'Duty',
  'Activity',
];

/** A filter value that matches everything, so only the combination with pageToken can be objected to. */
const EPOCH = '2000-01-01T00:00:00Z';

export async function probeTokenWithFilter(
  ctx: PullProbeContext,
  resources: readonly Ss12000ResourceType[] = DEFAULT_TOKEN_FILTER_RESOURCES,
): Promise<void> {
  const token = await ctx.validToken();
  for (const resource of resources) {
    const operation = `/${RESOURCE_PATHS[resource]}`;
    const firstPage = await sendProbe(ctx, {
      purpose: 'token-filter:first-page',
      method: 'GET',
      path: `${operation}?limit=1`,
      operation,
      token,
    });
    const pageToken = (firstPage.body as { pageToken?: unknown } | undefined)?.pageToken;
    if (typeof pageToken !== 'string' || pageToken === '') {
      ctx.draft.tokenFilter.push({
        resource,
        firstPage,
        notSentBecause: `GET ${operation}?limit=1 handed out no pageToken`,
      });
      continue;
    }
    const query = new URLSearchParams({ pageToken, 'meta.modified.after': EPOCH });
    const probe = await sendProbe(ctx, {
      purpose: 'token-filter',
      method: 'GET',
      path: `${operation}?${query}`,
      operation,
      token,
    });
    ctx.draft.tokenFilter.push({ resource, firstPage, probe });
  }
}
