// Exchanges recorded deferred are made into entries when first read: redacted, exactly measured, in seq order.
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../src/app-env.js';
import { createControlledClock } from '../../src/clock/index.js';
import { entryFootprint } from '../../src/journal/entry-footprint.js';
import { Journal, journalMiddleware, tokenFingerprint } from '../../src/journal/index.js';

const TOKEN =
  'eyJhbGciOiJFUzI1NiIsImtpZCI6ImsxIn0.eyJvcmdhbml6YXRpb25faWQiOiJTRTU1NjcwNDQyNjgifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ';

function serve(journal: Journal) {
  const app = new Hono<AppEnv>();
  app.use('*', journalMiddleware({ journal, clock: createControlledClock(Date.UTC(2026, 11, 2, 8)) }));
  app.get('/echo/:n', (c) => {
    c.get('journal').notes = { n: c.req.param('n'), echoed: true };
    return c.json({ n: c.req.param('n'), seen: c.req.header('authorization') });
  });
  return createAdaptorServer({ fetch: app.fetch });
}

describe('deferred journal entries', () => {
  it('holds an estimate at least the entry, and the exact footprint once read; no token in clear', async () => {
    const journal = new Journal();
    const server = serve(journal);
    await request(server).get('/echo/1').set('authorization', `Bearer ${TOKEN}`).expect(200);
    const estimated = journal.bytes;
    // Before any read, what the journal holds (its raw facts included) has no token in clear either.
    expect(JSON.stringify(journal)).not.toContain(TOKEN.slice(0, 40));
    expect(JSON.stringify(journal)).toContain(tokenFingerprint(TOKEN));
    const [entry] = journal.entries();
    expect(entry).toBeDefined();
    if (!entry) return;
    expect(entry.seq).toBe(1);
    expect(entry.requestHeaders.authorization).toBe(`Bearer [${tokenFingerprint(TOKEN)}]`);
    expect(entry.responseBody).toContain(`[${tokenFingerprint(TOKEN)}]`);
    expect(JSON.stringify(entry)).not.toContain(TOKEN);
    expect(entry.notes).toEqual({ n: '1', echoed: true });
    expect(entry.time).toBe('2026-12-02T08:00:00.000Z');
    expect(entry.responseBodySize).toBe(
      Buffer.byteLength(JSON.stringify({ n: '1', seen: `Bearer ${TOKEN}` })),
    );
    expect(journal.bytes).toBe(entryFootprint(entry));
    expect(estimated).toBeGreaterThanOrEqual(journal.bytes);
  });

  it('keeps seq order and the entry bound across drops, and answers afterSeq from the right place', async () => {
    const journal = new Journal({ capacity: 5 });
    const server = serve(journal);
    for (let n = 1; n <= 12; n += 1) await request(server).get(`/echo/${n}`).expect(200);
    // Read once in the middle: the rest stay deferred, and both kinds sit in one ring.
    expect(journal.query({ afterSeq: 10 }).map((e) => e.seq)).toEqual([11, 12]);
    for (let n = 13; n <= 14; n += 1) await request(server).get(`/echo/${n}`).expect(200);
    expect(journal.entries().map((e) => e.seq)).toEqual([10, 11, 12, 13, 14]);
    expect(journal.entries().map((e) => e.notes?.n)).toEqual(['10', '11', '12', '13', '14']);
    expect(journal.query({ afterSeq: 2 }).map((e) => e.seq)).toEqual([10, 11, 12, 13, 14]);
    expect(journal.query({ afterSeq: 14 })).toEqual([]);
    expect(journal.droppedCount).toBe(9);
    expect(journal.bookmark).toBe(14);
  });

  it('makes the entry at once for a listener, which sees it redacted', async () => {
    const journal = new Journal();
    const server = serve(journal);
    const seen: string[] = [];
    const off = journal.subscribe((entry) => seen.push(entry.requestHeaders.authorization ?? ''));
    await request(server).get('/echo/1').set('authorization', `Bearer ${TOKEN}`).expect(200);
    off();
    expect(seen).toEqual([`Bearer [${tokenFingerprint(TOKEN)}]`]);
  });
});
