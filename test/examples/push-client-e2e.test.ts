// End to end: `node examples/push-client/main.mjs` against the running mock (real TLS, real clock), twice.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../src/generator/generate-dataset.js';
import { type DevClient, issueDevClient } from '../../src/mock-auth/index.js';
import { type RunningMock, startMock } from '../../src/server.js';
import { makeTempDir, removeTempDir } from '../support/pki.js';
import { MAIN_SCRIPT } from './push-client-modules.js';

const ORGANISATION = '5567044268';

function runMain(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN_SCRIPT], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('reference push client against the running mock', () => {
  let stateDir: string;
  let mock: RunningMock;
  let client: DevClient;
  let env: Record<string, string>;
  let dataset: ReturnType<typeof generateDataset>;

  beforeAll(async () => {
    stateDir = makeTempDir('push-client-e2e-');
    mock = await startMock({
      settings: { port: 0, httpsPort: 0, host: '127.0.0.1', stateDir, jobDelay: 200 },
    });
    client = await issueDevClient({ stateDir, organisation: ORGANISATION, outDir: join(stateDir, 'client') });
    dataset = generateDataset({ organisationNumber: ORGANISATION, pupils: 3, seed: 7 });
    const dataDir = join(stateDir, 'data');
    mkdirSync(dataDir);
    for (const resource of ['persons', 'duties', 'groups', 'activities'] as const) {
      writeFileSync(join(dataDir, `${resource}.json`), JSON.stringify({ data: dataset[resource] }));
    }
    env = {
      PROVTJANST_AUTH_URL: mock.localHttpsUrl,
      PROVTJANST_PROVISIONING_URL: `${mock.localHttpUrl}/provtjanst/provisioning/v1`,
      PROVTJANST_OPEN_DATA_URL: `${mock.localHttpUrl}/provtjanst/open-data/v1`,
      PROVTJANST_CLIENT_CERT: client.files!.cert,
      PROVTJANST_CLIENT_KEY: client.files!.key,
      PROVTJANST_CA_CERT: client.files!.ca,
      PROVTJANST_DATA_DIR: dataDir,
      PROVTJANST_SCENARIO: 'e2e',
    };
  });

  afterAll(async () => {
    await mock?.close();
    if (stateDir) removeTempDir(stateDir);
  });

  it('pushes a small dataset, exits 0, and GET /persons lists exactly its persons; a re-run is idempotent', async () => {
    const first = await runMain(env);
    expect(first.stderr).toMatch(
      /^done: exit 0 \(Success=\d+ Warning=0 Error=0 TemporaryError=0 Pending=0 HeldBack=0 NotFollowed=0\)$/m,
    );
    expect(first.code).toBe(0);

    const second = await runMain(env);
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/persons: 0 stored item\(s\) no longer in the dataset to delete/);

    const api = env.PROVTJANST_PROVISIONING_URL!;
    const { value } = await mock.mock.services.auth.issueToken({
      organisationNumber: ORGANISATION,
      entityId: client.entityId,
      access: [{ type: 'provisioning-api', locations: [api] }],
      authSource: 'mtls',
    });
    const res = await fetch(`${api}/persons?limit=100`, { headers: { authorization: `Bearer ${value}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: Array<{ id: string }>; pageToken: string | null };
    expect(body.pageToken).toBeNull();
    expect(body.data.map((p) => p.id).sort()).toEqual(dataset.persons.map((p) => p.id).sort());

    // What the journal saw: a Bearer on every call, no refusals, two tokens (one per run), ≤ 5 writes a second.
    const calls = mock.mock.services.journal
      .entries()
      .filter((e) => e.component === 'provisioning' && e.requestHeaders.authorization !== `Bearer ${value}`);
    const clientCalls = calls.filter((e) => e.tokenId !== undefined || !e.requestHeaders.authorization);
    expect(clientCalls.every((e) => e.requestHeaders.authorization?.startsWith('Bearer '))).toBe(true);
    expect(clientCalls.filter((e) => e.status === 429 || e.status === 403 || e.status === 413)).toEqual([]);
    const writes = clientCalls.filter((e) => e.path.includes('/bulk')).map((e) => e.timeMs);
    const densest = Math.max(...writes.map((t) => writes.filter((u) => u >= t && u < t + 1000).length));
    expect(densest).toBeLessThanOrEqual(5);
    expect(mock.mock.services.auth.issuedTokens().filter((t) => t.via === 'transaction')).toHaveLength(2);
  }, 20_000);
});
