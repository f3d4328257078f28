// Retries back off on the mock clock: nothing is retried until the controlled clock moves past the backoff.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HostileApi, startHostileApi } from '../fixtures/hostile-ss12000/hostile-api.js';
import { control, type MockHarness, ORG, startMockHarness } from './harness.js';

const POLL = { timeout: 10_000, interval: 5 };

describe('retry backoff', () => {
  let mock: MockHarness;
  let hostile: HostileApi;
  /** Delays of every timer set on the mock clock, to know when the client has started waiting. */
  const delays: number[] = [];

  beforeAll(async () => {
    mock = await startMockHarness({ ss12000RetryBackoff: 1000 });
    hostile = await startHostileApi();
    const setTimer = mock.clock.setTimer.bind(mock.clock);
    mock.clock.setTimer = (delayMs, fn) => {
      delays.push(delayMs);
      return setTimer(delayMs, fn);
    };
  });

  afterAll(async () => {
    await hostile?.close();
    await mock?.close();
  });

  it('waits 1 s, then 2 s of mock time between the three tries of a GET', async () => {
    const hits = () => hostile.hits('flaky', 'GET', '/persons');
    const answer = await control(mock, 'POST', '/admin/ss12000-apis', {
      organisationNumber: ORG,
      url: hostile.url('flaky'),
    });
    const registered = mock.service.get(answer.body.urlId as string);

    await expect.poll(() => delays.includes(1000), POLL).toBe(true);
    expect(hits()).toBe(1);
    mock.clock.advance(999);
    // I/O gets a chance to run; no retry may happen before the clock reaches the backoff.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(hits()).toBe(1);
    mock.clock.advance(1);
    await expect.poll(hits, POLL).toBe(2);

    await expect.poll(() => delays.includes(2000), POLL).toBe(true);
    mock.clock.advance(1999);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(hits()).toBe(2);
    mock.clock.advance(1);
    await expect.poll(hits, POLL).toBe(3);

    await registered?.idle();
    expect(registered?.jobs()[0]?.state).toBe('succeeded');
  });
});

describe('shutting down', () => {
  it('does not wait for a job sleeping in its backoff', async () => {
    const mock = await startMockHarness({ ss12000RetryBackoff: 60_000 });
    const hostile = await startHostileApi();
    try {
      const answer = await control(mock, 'POST', '/admin/ss12000-apis', {
        organisationNumber: ORG,
        url: hostile.url('status-500'),
      });
      await expect.poll(() => hostile.hits('status-500', 'GET', '/persons'), POLL).toBe(1);
      const registered = mock.service.get(answer.body.urlId as string);
      // The clock never moves: only the abort can end the backoff.
      await mock.service.unregister(answer.body.urlId as string);
      expect(registered?.jobs()[0]?.state).toBe('cancelled');
    } finally {
      await hostile.close();
      await mock.close();
    }
  });
});
