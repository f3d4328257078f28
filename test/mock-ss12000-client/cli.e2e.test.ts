// `provtjanst-mock ss12000 register|list|sync|unregister` against a running mock and the reference API.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runSs12000Command } from '../../src/cli/ss12000.js';
import { closedPort } from '../cli/run-cli.js';
import {
  demoDataset,
  type MockHarness,
  ORG,
  startMockHarness,
  startVendor,
  type VendorHarness,
} from './harness.js';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args) => void out.push(args.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...args) => void err.push(args.join(' ')));
  try {
    return { code: await runSs12000Command(argv), out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe('ss12000 command', () => {
  let mock: MockHarness;
  let vendor: VendorHarness;
  let urlId: string;

  beforeAll(async () => {
    mock = await startMockHarness();
    vendor = await startVendor(mock, { dataset: demoDataset(mock, 10) });
  });

  afterAll(async () => {
    await vendor?.close();
    await mock?.close();
  });

  it('registers a URL and waits for the first sync', async () => {
    const { code, out } = await run([
      'register',
      '--org',
      ORG,
      '--url',
      vendor.url,
      '--mock-url',
      mock.mockUrl,
      '--wait',
      '--json',
    ]);
    expect(code).toBe(0);
    const view = JSON.parse(out) as { urlId: string; state: string; counts: Record<string, number> };
    expect(view).toMatchObject({ state: 'synced', counts: { Person: 10 } });
    urlId = view.urlId;
  });

  it('lists registrations in words', async () => {
    const { code, out } = await run(['list', '--mock-url', mock.mockUrl]);
    expect(code).toBe(0);
    expect(out).toContain(urlId);
    expect(out).toContain('last sync: succeeded');
  });

  it('runs a sync of one registration', async () => {
    const { code, out } = await run(['sync', '--url-id', urlId, '--mock-url', mock.mockUrl, '--wait']);
    expect(code).toBe(0);
    expect(out).toContain('state: synced');
    expect(mock.service.get(urlId)?.jobs()).toHaveLength(2);
  });

  it('says what is wrong: missing flags and unreachable mock (2), unknown registration (1)', async () => {
    expect((await run(['register', '--org', ORG, '--mock-url', mock.mockUrl])).code).toBe(2);
    const unknown = await run(['sync', '--url-id', 'nope', '--mock-url', mock.mockUrl]);
    expect(unknown).toMatchObject({ code: 1, err: expect.stringContaining('404') });
    const down = await run(['list', '--mock-url', `http://127.0.0.1:${await closedPort()}`]);
    expect(down).toMatchObject({ code: 2, err: expect.stringContaining('start it with `npm start`') });
  });

  it('register --wait prints why the sync failed, call by call', async () => {
    const port = await closedPort();
    const { code, out } = await run([
      'register',
      '--org',
      ORG,
      '--url',
      `http://127.0.0.1:${port}`,
      '--mock-url',
      mock.mockUrl,
      '--wait',
      '--timeout',
      '30',
    ]);
    expect(code).toBe(1);
    expect(out).toContain('last sync: failed');
    expect(out).toContain('  cause: POST /subscriptions: connection refused (3 tries)');
    expect(out).toContain('  cause: GET /organisations?limit=1000: connection refused (3 tries)');
    expect(out).toMatch(/^urlId [\w-]+ {2}organisation 5567044268 {2}http:\/\/127\.0\.0\.1:\d+/);
    const urlId = /^urlId ([\w-]+)/.exec(out)?.[1] as string;
    await run(['unregister', '--url-id', urlId, '--mock-url', mock.mockUrl]);
  }, 40_000);

  it('unregisters, deleting the subscription at the vendor', async () => {
    const { code, out } = await run(['unregister', '--url-id', urlId, '--mock-url', mock.mockUrl]);
    expect(code).toBe(0);
    expect(out).toContain('deleted');
    expect(vendor.api.store.subscriptions.size).toBe(0);
  });
});
