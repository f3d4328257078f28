// The journal stays under its byte bound however large the traffic; its file is 0600; tokens are redacted at record.
import { chmodSync, statSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../../src/app-env.js';
import { createControlledClock } from '../../src/clock/index.js';
import { Journal, journalMiddleware, redactTokens, tokenFingerprint } from '../../src/journal/index.js';
import { makeTempDir, removeTempDir } from '../support/pki.js';

const MAX_BYTES = 1024 * 1024;
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) removeTempDir(dir);
});

describe('journal byte bound', () => {
  it('stays under --journal-max-bytes after 20,000 large requests over a real socket', async () => {
    const journal = new Journal({ capacity: 1_000_000, maxBytes: MAX_BYTES, bodyCapBytes: 4 * 1024 });
    const app = new Hono<AppEnv>();
    app.use('*', journalMiddleware({ journal, clock: createControlledClock() }));
    const answer = JSON.stringify({ echo: 'y'.repeat(4 * 1024) });
    app.post('/upload', async (c) => {
      await c.req.arrayBuffer();
      return c.body(answer, 200, { 'content-type': 'application/json' });
    });
    const server = createAdaptorServer({ fetch: app.fetch });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    const body = JSON.stringify({ data: 'x'.repeat(8 * 1024) });
    const post = () =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          {
            agent,
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/upload',
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    let sent = 0;
    let maxHeld = 0;
    const worker = async () => {
      while (sent < 20_000) {
        sent++;
        expect(await post()).toBe(200);
        if (journal.bytes > maxHeld) maxHeld = journal.bytes;
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    agent.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));

    expect(journal.bookmark).toBe(20_000);
    expect(maxHeld).toBeLessThanOrEqual(MAX_BYTES);
    expect(journal.bytes).toBeLessThanOrEqual(MAX_BYTES);
    // Each entry keeps 4 KB + 4 KB of bodies (counted as 16 KB): the bound holds about sixty, not 20,000.
    expect(journal.entries().length).toBeLessThan(100);
    expect(journal.entries().length).toBeGreaterThan(20);
    expect(journal.droppedCount).toBe(20_000 - journal.entries().length);
    const last = journal.entries().at(-1);
    expect(last?.requestBodySize).toBe(Buffer.byteLength(body));
    expect(last?.requestBodyTruncated).toBe(true);
    // An independent measure of what is held: the entries as JSON (one byte a character here).
    expect(JSON.stringify(journal.entries()).length).toBeLessThanOrEqual(MAX_BYTES);
  }, 180_000);

  it('drops the oldest entries first and keeps the newest even when it alone is large', () => {
    const journal = new Journal({ maxBytes: 100_000, bodyCapBytes: 1_000_000 });
    const base = {
      requestId: 'r',
      direction: 'inbound' as const,
      component: 'other' as const,
      time: '2026-09-01T08:00:00.000Z',
      timeMs: 0,
      durationMs: 0,
      method: 'GET',
      url: 'http://localhost/x',
      path: '/x',
      status: 200,
      requestHeaders: {},
      responseHeaders: {},
      requestBodySize: 0,
      responseBodySize: 0,
    };
    for (let i = 0; i < 10; i++) journal.record({ ...base, responseBody: 'z'.repeat(10_000) });
    expect(journal.bytes).toBeLessThanOrEqual(100_000);
    expect(journal.entries().at(-1)?.seq).toBe(10);
    expect(journal.entries()[0]?.seq).toBeGreaterThan(1);
    journal.record({ ...base, responseBody: 'z'.repeat(200_000) });
    expect(journal.entries().map((e) => e.seq)).toEqual([11]);
  });
});

describe('journal file and redaction', () => {
  const jwt = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
  const entry = {
    requestId: 'r',
    direction: 'outbound' as const,
    component: 'ss12000-client' as const,
    time: '2026-09-01T08:00:00.000Z',
    timeMs: 0,
    durationMs: 0,
    method: 'POST',
    url: `http://vendor.example/hook?access_token=${jwt}`,
    path: '/hook',
    status: 200,
    requestHeaders: {},
    responseHeaders: {},
    requestBodySize: 10,
    responseBodySize: 10,
    requestBody: `grant=${jwt}`,
    responseBody: JSON.stringify({ access_token: { value: jwt } }),
  };

  it('replaces a JWT by its fingerprint in bodies, URL, path and headers, and leaves other text alone', () => {
    const stored = new Journal().record({
      ...entry,
      path: `/hook/${jwt}`,
      requestId: jwt,
      requestHeaders: { 'x-request-id': jwt, accept: 'application/json' },
      responseHeaders: { location: `/next?t=${jwt}` },
    });
    const marker = `[${tokenFingerprint(jwt)}]`;
    expect(JSON.stringify(stored)).not.toContain('eyJ');
    expect(stored.path).toBe(`/hook/${marker}`);
    expect(stored.requestHeaders).toEqual({ 'x-request-id': marker, accept: 'application/json' });
    expect(stored.url).toBe(`http://vendor.example/hook?access_token=${marker}`);
    expect(stored.requestBody).toBe(`grant=${marker}`);
    expect(stored.responseBody).toBe(`{"access_token":{"value":"${marker}"}}`);
    expect(redactTokens('{"data":[{"id":"eyJ-not-a-token"}]}')).toBe('{"data":[{"id":"eyJ-not-a-token"}]}');
    // A token cut by the body cap is caught too.
    expect(redactTokens(jwt.slice(0, 40))).not.toContain('eyJ');
  });

  it('creates the NDJSON file 0600 and narrows an existing world-readable one', () => {
    const dir = makeTempDir('journal-mode-');
    dirs.push(dir);
    const fresh = join(dir, 'fresh.ndjson');
    const journal = new Journal({ ndjsonFile: fresh });
    journal.record(entry);
    journal.close();
    expect(statSync(fresh).mode & 0o777).toBe(0o600);

    const existing = join(dir, 'existing.ndjson');
    writeFileSync(existing, '');
    chmodSync(existing, 0o644);
    new Journal({ ndjsonFile: existing }).close();
    expect(statSync(existing).mode & 0o777).toBe(0o600);
  });
});
