// Per-IP rate limits in 1-second windows on the clock: 5/s for writes and job status, 10/s for reads.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRateWindowState, takeCall } from '../../src/mock-provisioning/rate-limiter.js';
import { pupil } from './fixtures.js';
import { call, type Harness, startHarness } from './provisioning-harness.js';

const PERSON_ID = pupil().id as string;

describe('takeCall (window arithmetic)', () => {
  it('counts per key within a window and forgets everything when the window changes', () => {
    const state = createRateWindowState();
    const results = [1, 2, 3].map(() => takeCall(state, 'a', 10_250, 2, 1000));
    expect(results.map((r) => [r.allowed, r.remaining])).toEqual([
      [true, 1],
      [true, 0],
      [false, 0],
    ]);
    expect(takeCall(state, 'b', 10_999, 2, 1000)).toMatchObject({
      allowed: true,
      remaining: 1,
      resetSeconds: 1,
    });
    expect(takeCall(state, 'a', 11_000, 2, 1000)).toMatchObject({ allowed: true, remaining: 1 });
  });

  it('reports the reset in decimal seconds to the millisecond when fractional (0.5 half a second before the end)', () => {
    expect(takeCall(createRateWindowState(), 'a', 10_500, 5, 1000, true).resetSeconds).toBe(0.5);
    expect(takeCall(createRateWindowState(), 'a', 10_000, 5, 1000, true).resetSeconds).toBe(1);
    expect(takeCall(createRateWindowState(), 'a', 10_999, 5, 1000, true).resetSeconds).toBe(0.001);
  });

  it('reports the reset in whole seconds, rounded up', () => {
    expect(takeCall(createRateWindowState(), 'a', 0, 5, 10_000).resetSeconds).toBe(10);
    expect(takeCall(createRateWindowState(), 'a', 9_001, 5, 10_000).resetSeconds).toBe(1);
  });
});

describe('rate limits over HTTP', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ rateLimit: true });
  });
  afterEach(async () => h.close());

  const expectHeaders = (res: { headers: Record<string, string> }, limit: number, remaining: number) => {
    expect(res.headers['x-ratelimit-limit']).toBe(String(limit));
    expect(res.headers['x-ratelimit-remaining']).toBe(String(remaining));
    expect(res.headers['x-ratelimit-reset']).toBe('1');
  };

  it('answers the 6th write in a window with 429 [5021] and the headers; writes pass again 1 s later', async () => {
    for (let n = 1; n <= 5; n += 1) {
      const res = await call(h, 'post', '/persons/bulk?updateIfExists=true', { body: { data: [pupil()] } });
      expect(res.status).toBe(202);
      expectHeaders(res, 5, 5 - n);
    }
    const refused = await call(h, 'post', '/persons/bulk', { body: { data: [pupil()] } });
    expect(refused.status).toBe(429);
    expectHeaders(refused, 5, 0);
    expect(refused.body).toEqual([
      expect.objectContaining({
        id: '5021',
        statusCode: 429,
        message: 'Den högsta tillåtna antal förfrågningar har uppnåtts för den specifika URL:en.',
      }),
    ]);
    h.clock.advance(1000);
    const again = await call(h, 'post', '/persons/bulk?updateIfExists=true', { body: { data: [pupil()] } });
    expect(again.status).toBe(202);
    expectHeaders(again, 5, 4);
  });

  it('counts job-status and isCompleted calls against the write quota', async () => {
    const job = await call(h, 'post', '/persons/bulk', { body: { data: [pupil()] } });
    await call(h, 'put', '/persons/bulk', { body: { data: [pupil()] } });
    await call(h, 'post', '/persons/bulk/delete', { body: { data: [] } });
    expect((await call(h, 'get', `/persons/bulk/jobs/${job.body.jobId}`)).status).toBe(200);
    expect((await call(h, 'get', `/persons/bulk/jobs/${job.body.jobId}/isCompleted`)).status).toBe(200);
    const refused = await call(h, 'get', `/persons/bulk/jobs/${job.body.jobId}`);
    expect(refused.status).toBe(429);
    // Reads have their own quota, untouched by the writes.
    const read = await call(h, 'get', '/persons');
    expect(read.status).toBe(200);
    expectHeaders(read, 10, 9);
  });

  it('answers the 11th read in a window with 429; reads pass again 1 s later', async () => {
    const reads = [
      () => call(h, 'get', '/persons'),
      () => call(h, 'get', `/persons/${PERSON_ID}`),
      () => call(h, 'post', '/persons/lookup', { body: { ids: [PERSON_ID] } }),
      () => call(h, 'get', '/duties?limit=5'),
      () => call(h, 'post', '/groups/lookup', { body: {} }),
    ];
    for (let n = 1; n <= 10; n += 1) {
      const res = await (reads[n % reads.length] as () => ReturnType<typeof call>)();
      expect(res.status).not.toBe(429);
      expectHeaders(res, 10, 10 - n);
    }
    const refused = await call(h, 'get', `/activities/${PERSON_ID}`);
    expect(refused.status).toBe(429);
    expectHeaders(refused, 10, 0);
    h.clock.advance(1000);
    const again = await call(h, 'get', '/persons');
    expect(again.status).toBe(200);
    expectHeaders(again, 10, 9);
  });

  it('puts the quota headers on every kind of answer: 403, 400, 404 and 413 as well as 200', async () => {
    const refused = await call(h, 'get', `/persons/${PERSON_ID}`, { token: 'not-a-jwt' });
    expect(refused.status).toBe(403);
    expectHeaders(refused, 10, 9);
    const badId = await call(h, 'get', '/persons/not-a-uuid');
    expect(badId.status).toBe(400);
    expectHeaders(badId, 10, 8);
    const missing = await call(h, 'get', '/persons/b0000000-0000-4000-8000-0000000000ff');
    expect(missing.status).toBe(404);
    expectHeaders(missing, 10, 7);
    const tooLarge = await call(h, 'post', '/persons/bulk', {
      raw: JSON.stringify({ data: 'x'.repeat(300_000) }),
    });
    expect(tooLarge.status).toBe(413);
    expectHeaders(tooLarge, 5, 4);
  });

  it('counts refused calls too: five 403s use up the write quota', async () => {
    for (let n = 0; n < 5; n += 1) {
      expect(
        (await call(h, 'post', '/persons/bulk', { body: { data: [] }, token: 'not-a-jwt' })).status,
      ).toBe(403);
    }
    const res = await call(h, 'post', '/persons/bulk', { body: { data: [] } });
    expect(res.status).toBe(429);
  });

  it('keys the quota by socket address, ignoring X-Forwarded-For unless --trust-proxy', async () => {
    for (let n = 0; n < 5; n += 1) {
      await call(h, 'post', '/persons/bulk', {
        body: { data: [] },
        headers: { 'X-Forwarded-For': `10.0.0.${n}` },
      });
    }
    const res = await call(h, 'post', '/persons/bulk', {
      body: { data: [] },
      headers: { 'X-Forwarded-For': '10.0.0.9' },
    });
    expect(res.status).toBe(429);
  });

  it('keys the quota by the first X-Forwarded-For hop with --trust-proxy', async () => {
    const proxied = await startHarness({ rateLimit: true, trustProxy: true });
    try {
      for (let n = 0; n < 5; n += 1) {
        const res = await call(proxied, 'post', '/persons/bulk', {
          body: { data: [] },
          headers: { 'X-Forwarded-For': '10.0.0.1, 192.168.0.1' },
        });
        expect(res.status).toBe(202);
      }
      const sameClient = await call(proxied, 'post', '/persons/bulk', {
        body: { data: [] },
        headers: { 'X-Forwarded-For': '10.0.0.1' },
      });
      expect(sameClient.status).toBe(429);
      const otherClient = await call(proxied, 'post', '/persons/bulk', {
        body: { data: [] },
        headers: { 'X-Forwarded-For': '10.0.0.2' },
      });
      expect(otherClient.status).toBe(202);
    } finally {
      await proxied.close();
    }
  });

  it('sends no quota headers and refuses nothing when the limits are off', async () => {
    const off = await startHarness({ rateLimit: false });
    try {
      for (let n = 0; n < 12; n += 1) {
        const res = await call(off, 'post', '/persons/bulk', { body: { data: [] } });
        expect(res.status).toBe(202);
        expect(res.headers['x-ratelimit-limit']).toBeUndefined();
      }
    } finally {
      await off.close();
    }
  });

  it('takes custom limits from the settings', async () => {
    const custom = await startHarness({ rateLimit: true, rateLimitWrite: 1, rateLimitRead: 2 });
    try {
      expect((await call(custom, 'post', '/persons/bulk', { body: { data: [] } })).status).toBe(202);
      expect((await call(custom, 'post', '/persons/bulk', { body: { data: [] } })).status).toBe(429);
      expect((await call(custom, 'get', '/persons')).headers['x-ratelimit-limit']).toBe('2');
    } finally {
      await custom.close();
    }
  });
});

describe('rate limits with --rate-limit-reset-fractional', () => {
  it('sends X-RateLimit-Reset as decimal seconds: 0.5 half-way through the window', async () => {
    const h = await startHarness({ rateLimit: true, rateLimitWrite: 1, rateLimitResetFractional: true });
    try {
      h.clock.set(Math.ceil(h.clock.now() / 1000) * 1000 + 500);
      const first = await call(h, 'post', '/persons/bulk?updateIfExists=true', { body: { data: [pupil()] } });
      expect(first.headers['x-ratelimit-reset']).toBe('0.5');
      h.clock.advance(250);
      const refused = await call(h, 'post', '/persons/bulk', { body: { data: [pupil()] } });
      expect(refused.status).toBe(429);
      expect(refused.headers['x-ratelimit-reset']).toBe('0.25');
    } finally {
      await h.close();
    }
  });
});
