// Outbound recording: each call the mock makes is one journal entry, bodies capped, cancelled and failed calls too.
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createControlledClock } from '../../src/clock/index.js';
import { createJournaledFetch, Journal } from '../../src/journal/index.js';
import { closeServer, listen } from './harness.js';

describe('createJournaledFetch', () => {
  let server: Server;
  let url: string;

  beforeAll(async () => {
    ({ server, url } = await listen(async (request) => {
      const path = new URL(request.url).pathname;
      if (path === '/big')
        return new Response('x'.repeat(200_000), { headers: { 'content-type': 'application/json' } });
      if (path === '/empty') return new Response(null, { status: 204 });
      return Response.json({ echo: await request.text(), id: request.headers.get('x-request-id') });
    }));
  });

  afterAll(() => closeServer(server));

  const setup = () => {
    const journal = new Journal({ bodyCapBytes: 1000 });
    const clock = createControlledClock();
    return { journal, fetchJ: createJournaledFetch({ journal, clock }) };
  };

  it('records method, url, status, headers (token fingerprinted), bodies and notes once the body is read', async () => {
    const { journal, fetchJ } = setup();
    const res = await fetchJ(`${url}/echo?x=1`, {
      method: 'POST',
      headers: { authorization: 'Bearer secret.token.value', 'content-type': 'application/json' },
      body: '{"a":1}',
      requestId: 'req-1',
      journal: { organisationId: 'SE5567044268', notes: { step: 'test' } },
    });
    expect(journal.entries()).toHaveLength(0);
    const body = (await res.json()) as { echo: string; id: string };
    expect(body).toEqual({ echo: '{"a":1}', id: 'req-1' });
    const [entry] = journal.entries();
    expect(entry).toMatchObject({
      direction: 'outbound',
      component: 'ss12000-client',
      method: 'POST',
      path: '/echo',
      status: 200,
      requestId: 'req-1',
      organisationId: 'SE5567044268',
      requestBody: '{"a":1}',
      notes: { step: 'test' },
    });
    expect(entry?.url).toBe(`${url}/echo?x=1`);
    expect(entry?.requestHeaders.authorization).toMatch(/^Bearer \[.{16}\]$/);
    expect(entry?.tokenId).toHaveLength(16);
    expect(JSON.parse(entry?.responseBody ?? '')).toEqual(body);
  });

  it('keeps at most the body cap of a large answer, with its true size', async () => {
    const { journal, fetchJ } = setup();
    const res = await fetchJ(`${url}/big`);
    expect((await res.text()).length).toBe(200_000);
    const [entry] = journal.entries();
    expect(entry?.responseBodySize).toBe(200_000);
    expect(entry?.responseBody).toHaveLength(1000);
    expect(entry?.responseBodyTruncated).toBe(true);
  });

  it('records a cancelled body with what was read so far', async () => {
    const { journal, fetchJ } = setup();
    const res = await fetchJ(`${url}/big`);
    const reader = res.body?.getReader();
    await reader?.read();
    await reader?.cancel('enough');
    const [entry] = journal.entries();
    expect(entry?.notes).toMatchObject({ bodyCancelled: true, cancelReason: 'enough' });
    expect(entry?.responseBodySize).toBeLessThan(200_000);
  });

  it('records bodiless answers at once, and failed calls with status 0 and the reason', async () => {
    const { journal, fetchJ } = setup();
    expect((await fetchJ(`${url}/empty`)).status).toBe(204);
    expect(journal.entries()[0]).toMatchObject({ status: 204, responseBodySize: 0 });
    await expect(fetchJ('http://127.0.0.1:1/nothing-listens')).rejects.toThrow();
    expect(journal.entries()[1]).toMatchObject({ status: 0, error: expect.stringContaining('fetch failed') });
  });
});
