// The journal records inbound exchanges through the middleware, filters them, caps bodies, and exports HAR 1.2.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../src/app-env.js';
import { createControlledClock } from '../../src/clock/index.js';
import { createJournalApp, Journal, journalMiddleware, tokenFingerprint } from '../../src/journal/index.js';

function buildApp(journal: Journal) {
  const clock = createControlledClock(Date.UTC(2026, 8, 1, 8));
  const app = new Hono<AppEnv>();
  app.use('*', journalMiddleware({ journal, clock, skip: (p) => p.startsWith('/_mock/journal') }));
  app.post('/provtjanst/provisioning/v1/persons/bulk', async (c) => {
    const body = await c.req.json();
    c.get('journal').organisationId = 'SE5567044268';
    c.get('journal').tokenId = 'tok';
    return c.json({ jobId: 'j1', count: (body.data as unknown[]).length }, 202);
  });
  app.get('/provtjanst/open-data/v1/alive', (c) => c.text('ok'));
  app.route('/_mock', createJournalApp({ journal }));
  return { app, clock, server: createAdaptorServer({ fetch: app.fetch }) };
}

describe('journal middleware', () => {
  it('records method, path, status, sizes, organisation and component of each inbound request', async () => {
    const journal = new Journal();
    const { server } = buildApp(journal);
    const body = JSON.stringify({ data: [{ id: 1 }, { id: 2 }] });
    await request(server)
      .post('/provtjanst/provisioning/v1/persons/bulk')
      .set('content-type', 'application/json')
      .set('authorization', 'Bearer abc.def.ghi')
      .send(body)
      .expect(202);
    const [entry] = journal.entries();
    expect(entry).toMatchObject({
      direction: 'inbound',
      component: 'provisioning',
      method: 'POST',
      path: '/provtjanst/provisioning/v1/persons/bulk',
      status: 202,
      organisationId: 'SE5567044268',
      tokenId: 'tok',
      requestBodySize: Buffer.byteLength(body),
      requestBody: body,
      time: '2026-09-01T08:00:00.000Z',
    });
    expect(entry?.clientIp).toBe('127.0.0.1');
    expect(entry?.responseBody).toContain('"jobId":"j1"');
    // The bearer token itself is never stored, only its fingerprint.
    expect(entry?.requestHeaders.authorization).toBe(`Bearer [${tokenFingerprint('abc.def.ghi')}]`);
  });

  it('caps stored bodies but keeps the true size', async () => {
    const journal = new Journal({ bodyCapBytes: 10 });
    const { server } = buildApp(journal);
    const body = JSON.stringify({ data: Array.from({ length: 50 }, (_, i) => ({ id: i })) });
    await request(server)
      .post('/provtjanst/provisioning/v1/persons/bulk')
      .set('content-type', 'application/json')
      .send(body);
    const [entry] = journal.entries();
    expect(entry?.requestBody).toHaveLength(10);
    expect(entry?.requestBodyTruncated).toBe(true);
    expect(entry?.requestBodySize).toBe(Buffer.byteLength(body));
  });

  it('drops the oldest entries past its capacity', async () => {
    const journal = new Journal({ capacity: 2 });
    const { server } = buildApp(journal);
    for (let i = 0; i < 3; i++) await request(server).get('/provtjanst/open-data/v1/alive');
    expect(journal.entries().map((e) => e.seq)).toEqual([2, 3]);
  });

  it('appends every entry to an NDJSON file when asked', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ptm-journal-')), 'journal.ndjson');
    const journal = new Journal({ ndjsonFile: file });
    const { server } = buildApp(journal);
    await request(server).get('/provtjanst/open-data/v1/alive');
    await request(server).get('/provtjanst/open-data/v1/alive');
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => l.seq)).toEqual([1, 2]);
    expect(lines[0].component).toBe('open-data');
  });
});

describe('journal control routes', () => {
  it('filters by component, method and status, and does not record its own reads', async () => {
    const journal = new Journal();
    const { server } = buildApp(journal);
    await request(server).get('/provtjanst/open-data/v1/alive');
    await request(server)
      .post('/provtjanst/provisioning/v1/persons/bulk')
      .set('content-type', 'application/json')
      .send('{"data":[]}');
    const all = await request(server).get('/_mock/journal').expect(200);
    expect(all.body.count).toBe(2);
    const posts = await request(server).get('/_mock/journal?method=post&status=202').expect(200);
    expect(posts.body.entries.map((e: { path: string }) => e.path)).toEqual([
      '/provtjanst/provisioning/v1/persons/bulk',
    ]);
    const openData = await request(server).get('/_mock/journal?component=open-data').expect(200);
    expect(openData.body.count).toBe(1);
    expect(journal.entries()).toHaveLength(2);
  });

  it('rejects a malformed filter with 400', async () => {
    const { server } = buildApp(new Journal());
    const res = await request(server).get('/_mock/journal?status=abc').expect(400);
    expect(res.body.code).toBe('bad_filter');
  });

  it('exports HAR 1.2 with request, response and timings', async () => {
    const journal = new Journal();
    const { server } = buildApp(journal);
    await request(server)
      .post('/provtjanst/provisioning/v1/persons/bulk?x=1')
      .set('content-type', 'application/json')
      .send('{"data":[]}');
    const res = await request(server).get('/_mock/journal.har').expect(200);
    const har = res.body.log;
    expect(har.version).toBe('1.2');
    expect(har.creator.name).toBe('provtjanst-mock');
    const [entry] = har.entries;
    expect(entry.request.method).toBe('POST');
    expect(entry.request.queryString).toEqual([{ name: 'x', value: '1' }]);
    expect(entry.request.postData.text).toBe('{"data":[]}');
    expect(entry.response.status).toBe(202);
    expect(entry.response.statusText).toBe('Accepted');
    expect(entry.response.content.mimeType).toMatch(/application\/json/);
    expect(typeof entry.timings.wait).toBe('number');
    expect(entry.startedDateTime).toBe('2026-09-01T08:00:00.000Z');
  });
});
