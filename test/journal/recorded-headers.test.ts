// The journal's header record is the same whether read from Node's raw headers and the handler's plain object, or from Headers.
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../../src/app-env.js';
import { createControlledClock } from '../../src/clock/index.js';
import { Journal, journalMiddleware, tokenFingerprint } from '../../src/journal/index.js';
import {
  pickRecordedHeaders,
  pickRecordedPlainHeaders,
  pickRecordedRawHeaders,
  plainHeader,
} from '../../src/journal/recorded-headers.js';

const TOKEN = 'aaa.bbb.ccc';
/** Repeated, mixed-case and padded names and values, plus headers the journal does not keep. */
const RAW = [
  'Accept',
  'application/json',
  'accept',
  ' text/plain ',
  'X-Request-Id',
  'req-1',
  'Authorization',
  `Bearer ${TOKEN}`,
  'User-Agent',
  'bench/1.0',
  'Cookie',
  'secret=1',
  'X-Other',
  'x',
];

describe('recorded headers', () => {
  it('picks the same record from raw pairs, a plain object and Headers', () => {
    const headers = new Headers();
    for (let i = 0; i < RAW.length; i += 2) headers.append(RAW[i] as string, RAW[i + 1] as string);
    const expected = {
      accept: 'application/json, text/plain',
      authorization: `Bearer [${tokenFingerprint(TOKEN)}]`,
      'user-agent': 'bench/1.0',
      'x-request-id': 'req-1',
    };
    expect(pickRecordedHeaders(headers)).toEqual(expected);
    expect(Object.keys(pickRecordedHeaders(headers))).toEqual(Object.keys(expected));
    const raw = pickRecordedRawHeaders([...RAW, ':authority', 'example']);
    expect(raw).toEqual(expected);
    expect(Object.keys(raw)).toEqual(Object.keys(expected));
    const plain = pickRecordedPlainHeaders({
      'X-Request-Id': 'req-1',
      Accept: ['application/json', ' text/plain '],
      authorization: `Bearer ${TOKEN}`,
      'User-Agent': 'bench/1.0',
      Cookie: 'secret=1',
    });
    expect(plain).toEqual(expected);
    expect(Object.keys(plain)).toEqual(Object.keys(expected));
    expect(plainHeader({ 'Content-Type': ' application/json ' }, 'content-type')).toBe('application/json');
    expect(plainHeader({ Location: '/a' }, 'content-type')).toBeNull();
  });

  describe('through the middleware', () => {
    const journal = new Journal();
    const app = new Hono<AppEnv>();
    app.use('*', journalMiddleware({ journal, clock: createControlledClock() }));
    app.get('/json', (c) => c.json({ ok: true }));
    app.get(
      '/plain',
      () => new Response('moved', { headers: { 'Content-Type': 'text/plain', Location: '/a' } }),
    );
    app.get('/none', () => new Response('default type'));
    app.get('/headers', (c) => {
      c.header('Retry-After', '3');
      return c.json({ ok: false }, 503);
    });
    const server = createAdaptorServer({ fetch: app.fetch });
    let port = 0;
    beforeAll(async () => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    /** One GET over a real socket with RAW's headers, repeats and all; resolves with the status. */
    const get = (path: string) =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          { host: '127.0.0.1', port, path, method: 'GET', headers: ['Host', `127.0.0.1:${port}`, ...RAW] },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', reject);
        req.end();
      });

    it('records over a socket what app.request records from Headers, for every kind of answer', async () => {
      for (const path of ['/json', '/plain', '/none', '/headers']) {
        const status = await get(path);
        const headers = new Headers();
        for (let i = 0; i < RAW.length; i += 2) headers.append(RAW[i] as string, RAW[i + 1] as string);
        const viaRequest = await app.request(path, { headers });
        expect(viaRequest.status).toBe(status);
        const [overSocket, inProcess] = journal.entries().slice(-2);
        expect(overSocket?.requestHeaders).toEqual(inProcess?.requestHeaders);
        expect(overSocket?.requestHeaders.accept).toBe('application/json, text/plain');
        expect(overSocket?.requestHeaders).not.toHaveProperty('cookie');
        expect(overSocket?.responseHeaders).toEqual(inProcess?.responseHeaders);
        // And what reading the answer's Headers gives (the journal avoids building them).
        expect(overSocket?.responseHeaders).toEqual(pickRecordedHeaders(viaRequest.headers));
        expect(Object.keys(overSocket?.responseHeaders ?? {})).toEqual(
          Object.keys(inProcess?.responseHeaders ?? {}),
        );
        expect(overSocket?.responseBody).toBe(inProcess?.responseBody);
      }
      const byPath = (path: string) => journal.entries().find((entry) => entry.path === path);
      expect(byPath('/json')?.responseHeaders).toEqual({ 'content-type': 'application/json' });
      expect(byPath('/plain')?.responseHeaders).toEqual({ 'content-type': 'text/plain', location: '/a' });
      expect(byPath('/none')?.responseHeaders).toEqual({ 'content-type': 'text/plain; charset=UTF-8' });
      expect(byPath('/headers')?.responseHeaders).toMatchObject({ 'retry-after': '3' });
    });
  });
});
