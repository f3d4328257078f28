// The control plane is open on loopback and needs the control token anywhere else; the CLI and the runner still work.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderBanner } from '../../src/cli/serve-banner.js';
import { runSs12000Command } from '../../src/cli/ss12000.js';
import { changeHookEnv } from '../../src/conformance/pull/probe/change-driver.js';
import { clientEnv } from '../../src/conformance/push/runner/client-env.js';
import { isLoopbackHost } from '../../src/control-plane/index.js';
import {
  demoDataset,
  type MockHarness,
  ORG,
  startMockHarness,
  startVendor,
  type VendorHarness,
} from '../mock-ss12000-client/harness.js';

async function runCli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
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

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.0.0.2', true],
    ['127.255.255.254', true],
    ['::1', true],
    ['[::1]', true],
    ['0:0:0:0:0:0:0:1', true],
    ['::ffff:127.0.0.1', true],
    ['localhost', true],
    ['LOCALHOST', true],
    ['0.0.0.0', false],
    ['::', false],
    ['10.0.0.5', false],
    ['192.168.1.20', false],
    ['128.0.0.1', false],
    ['::ffff:10.0.0.1', false],
    ['mock.example.org', false],
    ['localhost.example.org', false],
  ])('%s → %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });
});

describe('on loopback without --control-token', () => {
  let mock: MockHarness;
  beforeAll(async () => {
    mock = await startMockHarness({ host: '127.0.0.2' });
  });
  afterAll(async () => mock?.close());

  it('the control plane is open', async () => {
    expect(mock.running.mock.services.control).toEqual({ guarded: false });
    const res = await fetch(`http://127.0.0.2:${mock.running.httpPort}/_mock/info`);
    expect(res.status).toBe(200);
  });

  it('the banner says plainly that it is open', () => {
    expect(renderBanner(mock.running)).toContain(
      'control token         none: the control plane is open, as the mock listens on loopback only',
    );
  });
});

describe('bound to 0.0.0.0 (every interface)', () => {
  let mock: MockHarness;
  let vendor: VendorHarness;
  let token: string;
  let base: string;

  beforeAll(async () => {
    mock = await startMockHarness({ host: '0.0.0.0' });
    vendor = await startVendor(mock, { dataset: demoDataset(mock, 3) });
    const control = mock.running.mock.services.control;
    if (!control.guarded) throw new Error('expected a guarded control plane');
    token = control.token;
    base = `http://127.0.0.1:${mock.running.httpPort}`;
  });
  afterAll(async () => {
    await vendor?.close();
    await mock?.close();
  });

  it('generates a control token and prints it in the banner', () => {
    expect(mock.running.mock.services.control).toMatchObject({ guarded: true, generated: true });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(renderBanner(mock.running)).toContain(`control token         ${token}`);
  });

  it.each([
    ['GET', '/_mock'],
    ['GET', '/_mock/info'],
    ['GET', '/_mock/journal'],
    ['GET', '/_mock/journal.har'],
    ['DELETE', '/_mock/journal'],
    ['GET', '/_mock/provisioning/organisations'],
    ['DELETE', '/_mock/provisioning/data'],
    ['POST', '/_mock/auth/rotate'],
    ['PUT', '/_mock/auth/faults'],
    ['POST', '/_mock/admin/ss12000-apis'],
    ['GET', '/_mock/open-data'],
  ])('refuses %s %s without the token: 401 control_token_required', async (method, path) => {
    const res = await fetch(`${base}${path}`, { method });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(await res.json()).toMatchObject({ code: 'control_token_required' });
  });

  it('refuses a wrong token: 401 control_token_invalid', async () => {
    const res = await fetch(`${base}/_mock/info`, { headers: { authorization: `Bearer ${token}x` } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'control_token_invalid' });
  });

  it("answers with the token, as a Bearer header or as the pages' cookie", async () => {
    const byHeader = await fetch(`${base}/_mock/info`, { headers: { authorization: `Bearer ${token}` } });
    expect(byHeader.status).toBe(200);
    const byCookie = await fetch(`${base}/_mock/journal?limit=1`, {
      headers: { cookie: `provtjanst_control_token=${token}` },
    });
    expect(byCookie.status).toBe(200);
  });

  it("leaves Skolverket's APIs as they are", async () => {
    expect((await fetch(`${base}/provtjanst/open-data/v1/alive`)).status).toBe(200);
    expect((await fetch(`${base}/.well-known/jwks.json`)).status).toBe(200);
  });

  it('the CLI fails clearly without the token and works with it', async () => {
    const refused = await runCli(['list', '--mock-url', base]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('answered 401');
    expect(refused.err).toContain('--control-token');

    const registered = await runCli([
      'register',
      '--org',
      ORG,
      '--url',
      vendor.url,
      '--mock-url',
      base,
      '--control-token',
      token,
      '--wait',
      '--json',
    ]);
    expect(registered.code).toBe(0);
    expect(JSON.parse(registered.out)).toMatchObject({ state: 'synced', counts: { Person: 3 } });

    vi.stubEnv('PROVTJANST_CONTROL_TOKEN', token);
    try {
      const listed = await runCli(['list', '--mock-url', base]);
      expect(listed.code).toBe(0);
      expect(listed.out).toContain(vendor.url);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("the runner hands the token to the vendor's client and change hook", () => {
    const env = clientEnv(
      {
        mock: mock.running,
        controlToken: token,
        certFile: 'c',
        keyFile: 'k',
        caFile: 'a',
        dataDir: 'd',
        scenarioId: 's',
        payloadLimit: 0,
      },
      {},
    );
    expect(env.PROVTJANST_CONTROL_TOKEN).toBe(token);
    const hook = changeHookEnv(
      {
        kind: 'person-update',
        resource: 'Person',
        ids: ['x'],
        labels: ['Person x'],
        vendorUrl: vendor.url,
        organisationNumber: ORG,
        target: 't',
        mockUrl: base,
        scenarioId: 's',
        controlToken: token,
      },
      {},
    );
    expect(hook.PROVTJANST_CONTROL_TOKEN).toBe(token);
  });
});

describe('with --control-token on loopback', () => {
  let mock: MockHarness;
  const given = 'a-token-of-my-own-choosing-0123456789';
  beforeAll(async () => {
    mock = await startMockHarness({ controlToken: given });
  });
  afterAll(async () => mock?.close());

  it('guards the control plane with the given token, which the banner does not repeat', async () => {
    expect(renderBanner(mock.running)).not.toContain(given);
    expect(mock.running.mock.services.control).toEqual({ guarded: true, token: given, generated: false });
    expect((await fetch(`${mock.mockUrl}/_mock/info`)).status).toBe(401);
    const ok = await fetch(`${mock.mockUrl}/_mock/info`, { headers: { authorization: `Bearer ${given}` } });
    expect(ok.status).toBe(200);
  });
});
