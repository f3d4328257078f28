// The journal captures request bodies only as handlers read them (fast path, chunked through a body limit, unread).
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../../src/app-env.js';
import { createControlledClock } from '../../src/clock/index.js';
import { Journal, journalMiddleware } from '../../src/journal/index.js';

function send(
  port: number,
  path: string,
  body: string,
  chunked: boolean,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { 'content-type': 'application/json' };
    if (!chunked) headers['content-length'] = Buffer.byteLength(body);
    const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    if (chunked) for (let i = 0; i < body.length; i += 7) req.write(body.slice(i, i + 7));
    req.end(chunked ? undefined : body);
  });
}

describe('lazy request-body capture', () => {
  const journal = new Journal({ bodyCapBytes: 64 });
  const app = new Hono<AppEnv>();
  app.use('*', journalMiddleware({ journal, clock: createControlledClock() }));
  app.post('/json', async (c) => c.json({ n: ((await c.req.json()) as { n: number }).n + 1 }));
  app.post('/text', async (c) => c.text((await c.req.text()).toUpperCase()));
  app.post('/limited', bodyLimit({ maxSize: 1000 }), async (c) => c.json(await c.req.json()));
  app.post('/unread', (c) => c.json({ refused: true }, 403));
  const server = createAdaptorServer({ fetch: app.fetch });
  let port = 0;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const last = () => journal.entries().at(-1);

  it.each([false, true])(
    'json(), chunked %s: the handler gets the body and the journal keeps it',
    async (chunked) => {
      const res = await send(port, '/json', '{"n":41}', chunked);
      expect(JSON.parse(res.text)).toEqual({ n: 42 });
      expect(last()).toMatchObject({
        requestBody: '{"n":41}',
        requestBodySize: 8,
        requestBodyTruncated: false,
      });
    },
  );

  it('text() sees UTF-8 as sent', async () => {
    const res = await send(port, '/text', '"åäö"', false);
    expect(res.text).toBe('"ÅÄÖ"');
    expect(last()?.requestBody).toBe('"åäö"');
  });

  it.each([false, true])('through bodyLimit, chunked %s: read whole, kept up to the cap', async (chunked) => {
    const body = JSON.stringify({ data: 'x'.repeat(100) });
    const res = await send(port, '/limited', body, chunked);
    expect(JSON.parse(res.text)).toEqual({ data: 'x'.repeat(100) });
    expect(last()).toMatchObject({
      requestBody: body.slice(0, 64),
      requestBodySize: Buffer.byteLength(body),
      requestBodyTruncated: true,
    });
  });

  it('a body over the limit is refused, chunked, and known by the bytes read', async () => {
    const res = await send(port, '/limited', JSON.stringify({ data: 'y'.repeat(2000) }), true);
    expect(res.status).toBe(413);
    expect(last()?.status).toBe(413);
    expect(last()?.requestBodySize).toBeGreaterThan(1000);
  });

  it('an unread body is known only by its declared length', async () => {
    const res = await send(port, '/unread', '{"secret":"never read"}', false);
    expect(res.status).toBe(403);
    expect(last()).toMatchObject({ status: 403, requestBodySize: 23 });
    expect(last()?.requestBody).toBeUndefined();
  });
});
