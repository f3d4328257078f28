// `provtjanst-mock conform ss12000` end to end: fixed ports and state the vendor trusts, a change hook, exit codes.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../src/cli/main.js';
import { issueDevClient } from '../../../src/mock-auth/index.js';
import { type RunningVendor, startSs12000Vendor } from '../../fixtures/mutants/ss12000-mutant.js';
import { HOOK_COMMAND, ORG, smallDataset } from './support/pull-harness.js';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function cli(args: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  const stderr: string[] = [];
  const stdout: string[] = [];
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => stderr.push(String(chunk)) > 0);
  const errLog = vi
    .spyOn(console, 'error')
    .mockImplementation((...parts) => void stderr.push(parts.join(' ')));
  const log = vi.spyOn(console, 'log').mockImplementation((...parts) => void stdout.push(parts.join(' ')));
  try {
    const code = await runCli(['conform', 'ss12000', ...args]);
    return { code, stderr: stderr.join(''), stdout: stdout.join('\n') };
  } finally {
    err.mockRestore();
    errLog.mockRestore();
    log.mockRestore();
  }
}

describe('provtjanst-mock conform ss12000', () => {
  const dir = mkdtempSync(join(tmpdir(), 'conform-ss12000-'));
  const stateDir = join(dir, 'state');
  let vendor: RunningVendor;
  let port: number;
  let httpsPort: number;

  beforeAll(async () => {
    port = await freePort();
    httpsPort = await freePort();
    // As a vendor would: a certificate from the state directory, and the mock's fixed ports in its configuration.
    const client = await issueDevClient({
      stateDir,
      organisation: ORG,
      outDir: join(stateDir, 'clients', ORG),
    });
    vendor = await startSs12000Vendor(undefined, {
      jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`,
      transactionUrl: `https://127.0.0.1:${httpsPort}/transaction`,
      credentials: { certPem: client.certPem, keyPem: client.keyPem, caPem: client.caPem },
      dataset: smallDataset(),
    });
  });

  afterAll(async () => {
    await vendor?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes the reference API through its change hook, writes the JWKS it trusts, and exits 0', async () => {
    const jwks = join(dir, 'reports', 'conformance', 'jwks.json'); // a folder no one has made yet
    const { code, stderr } = await cli([
      '--url',
      vendor.url,
      '--change-hook',
      HOOK_COMMAND,
      '--port',
      String(port),
      '--https-port',
      String(httpsPort),
      '--host',
      '127.0.0.1',
      '--state-dir',
      stateDir,
      '--jwks-out',
      jwks,
      '--scenario',
      'ss12000-auth-matrix,ss12000-deletions',
      '--reporter',
      'json',
      '--out',
      join(dir, 'reports'),
      '--quiet',
    ]);
    expect(stderr).toContain(`JWKS to trust:     http://localhost:${port}/.well-known/jwks.json`);
    expect(code, stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'reports', 'conformance.json'), 'utf8'));
    expect(report).toMatchObject({ target: 'ss12000', client: vendor.url, exitCode: 0 });
    expect(report.scenarios.map((s: { id: string }) => s.id)).toEqual([
      'ss12000-auth-matrix',
      'ss12000-deletions',
    ]);
    const keys = JSON.parse(readFileSync(jwks, 'utf8')).keys;
    expect(Object.keys(keys[0]).sort()).toEqual(['crv', 'kid', 'kty', 'x', 'y']);
  }, 60_000);

  it('lists the pull scenarios with the rules each checks', async () => {
    const { code, stdout } = await cli(['--list']);
    expect(code).toBe(0);
    expect(stdout).toContain('ss12000-auth-matrix — The auth matrix');
    expect(stdout).toMatch(/PULL-AUTH-006\s+Refuses a token for another organization_id/);
  });

  it.each([
    [[], /--url <base URL> is required/],
    [['--url', 'http://x.test', '--interactive'], /--interactive needs a terminal/],
    [
      ['--url', 'http://x.test', '--scenario', 'happy-path'],
      /"happy-path" is a push scenario; run it with `conform push`/,
    ],
    [['--url', 'http://x.test', '--scenario', 'nope'], /no ss12000 scenario with the id "nope"/],
    [['--url', 'http://x.test?a=1'], /not an http\(s\) base URL/],
  ])('exits 2 for %j', async (args, message) => {
    const { code, stderr } = await cli(args as string[]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
