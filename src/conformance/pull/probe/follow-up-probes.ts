// What the client does after a change: the incremental fetch after a webhook, and deletedEntities after a deletion.
import { RESOURCE_ORDER, RESOURCE_PATHS } from '../../../mock-ss12000-client/index.js';
import type { ChangeRecord, DeletionDependants } from '../evidence/pull-evidence.js';
import { idOf, memberIds } from '../evidence/pull-views.js';
import type { PullProbeContext } from '../runner/probe-context.js';
import { FULL_FETCH_LIMIT, latestObjects } from './fetch-probe.js';
import { sendProbe } from './probe-client.js';
import { walkList } from './walk-list.js';

function unfollowed(ctx: PullProbeContext, test: (change: ChangeRecord) => boolean): ChangeRecord[] {
  return ctx.draft.changes.filter((c) => c.made && !ctx.draft.followed.has(c.index) && test(c));
}

/** For each notified update: GET /R?meta.modified.after=T−lookback, T the first webhook's arrival (dnp-facts §4.4). */
export async function probeIncremental(ctx: PullProbeContext): Promise<void> {
  for (const change of unfollowed(ctx, (c) => !c.kind.endsWith('-delete') && c.webhooks.length > 0)) {
    ctx.draft.followed.add(change.index);
    const first = change.webhooks[0] as ChangeRecord['webhooks'][number];
    const after = new Date(first.timeMs - ctx.settings.lookbackMs).toISOString();
    const walk = await walkList(ctx, {
      purpose: 'incremental',
      resource: change.resource,
      query: { 'meta.modified.after': after },
      limit: FULL_FETCH_LIMIT,
    });
    ctx.draft.incremental.push({
      changeIndex: change.index,
      resource: change.resource,
      after,
      expectedIds: change.ids,
      walk,
    });
  }
}

/** After a person deletion: the groups that named the person, walked as changed and fetched one by one. */
async function probeDependants(
  ctx: PullProbeContext,
  change: ChangeRecord,
  since: string,
  token: string,
): Promise<DeletionDependants | undefined> {
  const groups = change.resource === 'Person' ? latestObjects(ctx, 'Group') : undefined;
  if (!groups) return undefined;
  const deleted = new Set(change.ids);
  const groupIds = groups
    .filter((g) => memberIds(g).some((id) => deleted.has(id)))
    .flatMap((g) => idOf(g) ?? []);
  const walk = await walkList(ctx, {
    purpose: 'groups changed by the deletion',
    resource: 'Group',
    query: { 'meta.modified.after': since },
    limit: FULL_FETCH_LIMIT,
  });
  const byId = await Promise.all(
    groupIds.map((id) =>
      sendProbe(ctx, {
        purpose: 'dependant:by-id',
        method: 'GET',
        path: `/groups/${id}`,
        operation: '/groups/{id}',
        token,
      }),
    ),
  );
  return { groupIds, modifiedAfter: since, walk, byId };
}

/** For each deletion: deletedEntities since just before it (its type, then the others), after it, and GET by id. */
export async function probeDeletions(ctx: PullProbeContext): Promise<void> {
  const token = await ctx.validToken();
  for (const change of unfollowed(ctx, (c) => c.kind.endsWith('-delete'))) {
    ctx.draft.followed.add(change.index);
    const since = new Date(change.startMs - ctx.settings.clockSkewMs).toISOString();
    const later = new Date(change.endMs + ctx.settings.clockSkewMs).toISOString();
    const others = RESOURCE_ORDER.filter((r) => r !== change.resource);
    const walk = (purpose: string, after: string, entities: readonly string[]) =>
      walkList(ctx, {
        purpose,
        resource: 'DeletedEntities',
        query: { after, entities },
        limit: FULL_FETCH_LIMIT,
      });
    const path = `/${RESOURCE_PATHS[change.resource]}`;
    const dependants = await probeDependants(ctx, change, since, token);
    ctx.draft.deletions.push({
      ...(dependants ? { dependants } : {}),
      changeIndex: change.index,
      resource: change.resource,
      ids: change.ids,
      since: { after: since, walk: await walk('deleted since', since, [change.resource]) },
      otherTypes: { entities: others, walk: await walk('deleted, other types', since, others) },
      later: { after: later, walk: await walk('deleted after', later, [change.resource]) },
      byId: await Promise.all(
        change.ids.map((id) =>
          sendProbe(ctx, {
            purpose: 'deleted:by-id',
            method: 'GET',
            path: `${path}/${id}`,
            operation: `${path}/{id}`,
            token,
          }),
        ),
      ),
    });
  }
}
