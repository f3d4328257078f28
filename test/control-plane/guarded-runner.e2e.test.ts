// The pull runner works against a mock bound to 0.0.0.0 (control plane guarded), and its change hook gets the token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHookDriver } from '../../src/conformance/pull/probe/change-driver.js';
import { runSs12000Conformance } from '../../src/conformance/pull/runner/run-ss12000-conformance.js';
import { issueDevClient } from '../../src/mock-auth/index.js';
import { type RunningMock, startMock } from '../../src/server.js';
import {
  FAST_PULL_SETTINGS,
  HOOK_COMMAND,
  loadPullLibrary,
  ORG,
  smallDataset,
} from '../conformance/pull/support/pull-harness.js';
import { type RunningVendor, startSs12000Vendor } from '../fixtures/mutants/ss12000-mutant.js';
import { makeTempDir, removeTempDir } from '../support/pki.js';

/** Fails the hook unless the control plane answers it with the token the runner handed over. */
const CONTROL_PROBE =
  "node -e \"fetch(process.env.PROVTJANST_MOCK_URL.replace('localhost','127.0.0.1')+'/_mock/info'," +
  "{headers:{authorization:'Bearer '+process.env.PROVTJANST_CONTROL_TOKEN}})" +
  '.then(r=>process.exit(r.status===200?0:3),()=>process.exit(4))"';

describe('the pull runner against a guarded mock', () => {
  let stateDir: string;
  let mock: RunningMock;
  let vendor: RunningVendor;

  beforeAll(async () => {
    stateDir = makeTempDir('guarded-runner-');
    mock = await startMock({
      settings: {
        host: '0.0.0.0',
        port: 0,
        httpsPort: 0,
        stateDir,
        journalSize: 200_000,
        ss12000RetryBackoff: 0,
      },
    });
    const client = await issueDevClient({ stateDir, organisation: ORG });
    vendor = await startSs12000Vendor(undefined, {
      jwksUrl: `http://127.0.0.1:${mock.httpPort}/.well-known/jwks.json`,
      transactionUrl: `https://127.0.0.1:${mock.httpsPort}/transaction`,
      credentials: { certPem: client.certPem, keyPem: client.keyPem, caPem: client.caPem },
      dataset: smallDataset(),
    });
  });

  afterAll(async () => {
    await vendor?.close();
    await mock?.close();
    removeTempDir(stateDir);
  });

  it('judges the reference API as on loopback, while /_mock refuses callers without the token', async () => {
    expect(mock.mock.services.control.guarded).toBe(true);
    const refused = await fetch(`http://127.0.0.1:${mock.httpPort}/_mock/journal`);
    expect(refused.status).toBe(401);

    const report = await runSs12000Conformance({
      vendorUrl: vendor.url,
      organisationNumber: ORG,
      scenarios: loadPullLibrary().filter((s) =>
        ['ss12000-full-sync', 'ss12000-webhook-incremental'].includes(s.id),
      ),
      changeDriver: createHookDriver({
        command: `${CONTROL_PROBE} && ${HOOK_COMMAND}`,
        timeoutMs: 15_000,
        cwd: new URL('../../', import.meta.url).pathname,
      }),
      mock,
      settings: FAST_PULL_SETTINGS,
    });
    const notPassed = report.scenarios.flatMap((s) =>
      s.rules
        .filter((r) => r.status !== 'passed')
        .map((r) => `${s.id} ${r.ruleId} ${r.status}: ${r.skipReason ?? r.error ?? ''}`),
    );
    expect(report.scenarios.map((s) => s.harnessError)).toEqual([undefined, undefined]);
    expect(notPassed).toEqual([]);
    expect(report.exitCode).toBe(0);
  }, 120_000);
});
