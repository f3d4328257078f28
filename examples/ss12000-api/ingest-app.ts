// The ingest API (no auth, never exposed): create, change and delete data; each call is one change batch, one webhook.
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import {
  DATASET_KEYS,
  type DatasetKey,
  type DatasetObject,
  datasetObjectSchema,
  parseDataset,
} from './dataset.js';
import type { Notifier } from './notifier.js';
import type { ChangeSet, ReferenceStore } from './store.js';

export interface IngestAppOptions {
  store: ReferenceStore;
  notifier: Notifier;
}

const objects = z.union([
  z.array(datasetObjectSchema),
  z.object({ data: z.array(datasetObjectSchema) }),
  datasetObjectSchema,
]);
const ids = z.union([z.array(z.string()), z.object({ data: z.array(z.string()) })]);
const batch = z.object({
  upsert: z.partialRecord(z.enum(DATASET_KEYS), z.array(datasetObjectSchema)).optional(),
  delete: z.partialRecord(z.enum(DATASET_KEYS), z.array(z.string())).optional(),
});

const isKey = (value: string): value is DatasetKey => (DATASET_KEYS as readonly string[]).includes(value);
const newChanges = (): ChangeSet => ({ modified: new Set(), deleted: new Set() });

async function readBody<T>(
  c: Context,
  schema: z.ZodType<T>,
): Promise<{ ok: true; value: T } | { ok: false; message: string }> {
  const parsed = schema.safeParse(await c.req.json().catch(() => undefined));
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, message: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}` };
}

function asList(value: z.output<typeof objects>): DatasetObject[] {
  if (Array.isArray(value)) return value;
  return 'data' in value && Array.isArray(value.data)
    ? (value.data as DatasetObject[])
    : [value as DatasetObject];
}

/**
 * `POST|PUT /{resource}` (one object, an array, or `{data: [...]}`; upsert), `PATCH /{resource}/{id}` (merge),
 * `DELETE /{resource}/{id}`, `POST /{resource}/delete` (ids), `POST /batch` (`{upsert, delete}`), `POST /seed`
 * (replace everything, no webhook), and `GET /log|statistics|subscriptions|webhooks|snapshot` to look inside.
 * Answers say what changed and how each webhook went.
 */
export function createIngestApp({ store, notifier }: IngestAppOptions) {
  const app = new Hono();
  const finish = async (c: Context, changes: ChangeSet, counts: Record<string, number>) =>
    c.json({ ...counts, webhooks: await notifier.notify(changes) });

  app.post('/seed', async (c) => {
    try {
      store.seed(parseDataset(await c.req.json().catch(() => undefined), 'body'));
    } catch (error) {
      return c.json({ code: 'bad_request', message: (error as Error).message }, 400);
    }
    return c.json(Object.fromEntries(DATASET_KEYS.map((key) => [key, store.collections[key].size])));
  });

  app.post('/batch', async (c) => {
    const body = await readBody(c, batch);
    if (!body.ok) return c.json({ code: 'bad_request', message: body.message }, 400);
    const changes = newChanges();
    let created = 0;
    let updated = 0;
    let deleted = 0;
    for (const key of DATASET_KEYS) {
      const result = store.upsert(key, body.value.upsert?.[key] ?? [], changes);
      created += result.created;
      updated += result.updated;
    }
    for (const key of [...DATASET_KEYS].reverse())
      deleted += store.remove(key, body.value.delete?.[key] ?? [], changes);
    return finish(c, changes, { created, updated, deleted });
  });

  for (const method of ['post', 'put'] as const) {
    app[method]('/:resource', async (c) => {
      const resource = c.req.param('resource');
      if (!isKey(resource)) return c.notFound();
      const body = await readBody(c, objects);
      if (!body.ok) return c.json({ code: 'bad_request', message: body.message }, 400);
      const changes = newChanges();
      return finish(c, changes, store.upsert(resource, asList(body.value), changes));
    });
  }

  app.patch('/:resource/:id', async (c) => {
    const resource = c.req.param('resource');
    if (!isKey(resource)) return c.notFound();
    const current = store.collections[resource].get(c.req.param('id'));
    if (!current) return c.json({ code: 'not_found', message: 'no such object' }, 404);
    const patch = await readBody(c, z.record(z.string(), z.unknown()));
    if (!patch.ok) return c.json({ code: 'bad_request', message: patch.message }, 400);
    const changes = newChanges();
    const merged = { ...current.item, ...patch.value, id: current.item.id };
    return finish(c, changes, store.upsert(resource, [merged], changes));
  });

  app.delete('/:resource/:id', async (c) => {
    const resource = c.req.param('resource');
    if (!isKey(resource)) return c.notFound();
    const changes = newChanges();
    const deleted = store.remove(resource, [c.req.param('id')], changes);
    if (deleted === 0) return c.json({ code: 'not_found', message: 'no such object' }, 404);
    return finish(c, changes, { deleted });
  });

  app.post('/:resource/delete', async (c) => {
    const resource = c.req.param('resource');
    if (!isKey(resource)) return c.notFound();
    const body = await readBody(c, ids);
    if (!body.ok) return c.json({ code: 'bad_request', message: body.message }, 400);
    const list = Array.isArray(body.value) ? body.value : body.value.data;
    const changes = newChanges();
    return finish(c, changes, { deleted: store.remove(resource, list, changes) });
  });

  app.get('/log', (c) => c.json({ entries: store.logEntries }));
  app.get('/statistics', (c) => c.json({ entries: store.statistics }));
  app.get('/subscriptions', (c) => c.json({ subscriptions: [...store.subscriptions.values()] }));
  app.get('/webhooks', (c) => c.json({ deliveries: notifier.deliveries }));
  app.get('/snapshot', (c) => c.json(store.snapshot()));

  return app;
}
