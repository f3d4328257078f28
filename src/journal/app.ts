// Control-plane routes for reading the journal: filtered JSON, a HAR 1.2 export, and clearing it.
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env.js';
import { toHar } from './har.js';
import type { Journal, JournalFilter } from './journal.js';

const filterQuerySchema = z.object({
  direction: z.enum(['inbound', 'outbound']).optional(),
  component: z.string().optional(),
  method: z.string().optional(),
  path: z.string().optional(),
  status: z.coerce.number().int().min(0).max(599).optional(),
  organisationId: z.string().optional(),
  afterSeq: z.coerce.number().int().min(0).optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(100_000).optional(),
});

export interface JournalAppOptions {
  journal: Journal;
}

/** Mounted under `/_mock`: `GET /journal`, `GET /journal.har`, `DELETE /journal`. */
export function createJournalApp({ journal }: JournalAppOptions) {
  const app = new Hono<AppEnv>();

  const readFilter = (query: Record<string, string>) => {
    const parsed = filterQuerySchema.safeParse(query);
    if (!parsed.success)
      return { error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
    const { since, ...rest } = parsed.data;
    const filter: JournalFilter = { ...rest, ...(since ? { sinceMs: Date.parse(since) } : {}) };
    return { filter };
  };

  app.get('/journal', (c) => {
    const result = readFilter(c.req.query());
    if ('error' in result)
      return c.json({ code: 'bad_filter', message: 'Invalid journal filter', details: result.error }, 400);
    const entries = journal.query(result.filter);
    return c.json({ count: entries.length, bookmark: journal.bookmark, entries });
  });

  app.get('/journal.har', (c) => {
    const result = readFilter(c.req.query());
    if ('error' in result)
      return c.json({ code: 'bad_filter', message: 'Invalid journal filter', details: result.error }, 400);
    c.header('content-disposition', 'attachment; filename="provtjanst-mock.har"');
    return c.json(toHar(journal.query(result.filter)));
  });

  app.delete('/journal', (c) => {
    journal.clear();
    return c.body(null, 204);
  });

  return app;
}
