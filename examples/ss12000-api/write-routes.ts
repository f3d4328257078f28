// Write handlers of the subset spec: subscriptions (POST, PATCH, DELETE), /log and /statistics.
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { z } from 'zod';
import type { ReferenceApiBehaviour } from './behaviour.js';
import { RESOURCE_TYPE, type ReferenceStore, type Subscription } from './store.js';

const endpoint = z.enum(Object.values(RESOURCE_TYPE) as [string, ...string[]]);
const dateTime = z.iso.datetime({ offset: true });

const subscriptionPost = z.object({
  name: z.string(),
  target: z.url({ protocol: /^https?$/ }),
  resourceTypes: z.array(z.object({ resource: endpoint })),
});

const logEntry = z.object({
  message: z.string(),
  messageType: z.string().optional(),
  resourceType: endpoint.optional(),
  resourceId: z.guid().optional(),
  resourceUrl: z.url().optional(),
  severityLevel: z.enum(['Info', 'Warning', 'Error']),
  timeOfOccurance: dateTime.optional(),
});

const statisticsEntry = z.object({
  resourceType: endpoint,
  newCount: z.int(),
  updatedCount: z.int(),
  deletedCount: z.int(),
  resourceUrl: z.url().optional(),
  timeOfOccurance: dateTime.optional(),
});

async function body(c: Context): Promise<unknown> {
  return c.req.json().catch(() => undefined);
}

function invalid(c: Context, error: z.ZodError) {
  const issue = error.issues[0];
  return c.json(
    { code: 'bad_request', message: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}` },
    400,
  );
}

export function subscriptionHandlers(
  store: ReferenceStore,
  behaviour: ReferenceApiBehaviour,
  now: () => number,
) {
  const notFound = (c: Context) => c.json({ code: 'not_found', message: 'Subscription not found' }, 404);
  return {
    async create(c: Context) {
      const parsed = subscriptionPost.safeParse(await body(c));
      if (!parsed.success) return invalid(c, parsed.error);
      const subscription: Subscription = {
        id: randomUUID(),
        ...parsed.data,
        expires: new Date(now() + behaviour.subscriptionLifetimeMs).toISOString(),
      };
      store.subscriptions.set(subscription.id, subscription);
      return c.json(subscription, 201);
    },
    /** Renews: the asked-for `expires` if it is in the future and within the lifetime, else a full lifetime. */
    async renew(c: Context) {
      const subscription = store.subscriptions.get(c.req.param('id') ?? '');
      if (!subscription) return notFound(c);
      const asked = z.object({ expires: dateTime }).safeParse(await body(c));
      const longest = now() + behaviour.subscriptionLifetimeMs;
      const wanted = asked.success ? Date.parse(asked.data.expires) : longest;
      subscription.expires = new Date(wanted > now() && wanted < longest ? wanted : longest).toISOString();
      return c.json(subscription, 200);
    },
    remove(c: Context) {
      return store.subscriptions.delete(c.req.param('id') ?? '') ? c.body(null, 204) : notFound(c);
    },
  };
}

export function reportHandlers(store: ReferenceStore) {
  return {
    async log(c: Context) {
      const parsed = logEntry.safeParse(await body(c));
      if (!parsed.success) return invalid(c, parsed.error);
      store.logEntries.push(parsed.data);
      return c.body(null, 201);
    },
    async statistics(c: Context) {
      const parsed = statisticsEntry.safeParse(await body(c));
      if (!parsed.success) return invalid(c, parsed.error);
      store.statistics.push(parsed.data);
      return c.body(null, 201);
    },
  };
}
