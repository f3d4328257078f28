// Starts the mock (real clock, free ports) and an SS 12000 API (the reference, or a mutant) for pull runner tests.
import type { Dataset } from '../../../../examples/ss12000-api/dataset.js';
import { createHookDriver } from '../../../../src/conformance/pull/probe/change-driver.js';
import type { PullRunSettings } from '../../../../src/conformance/pull/runner/probe-context.js';
import type { PullScenario } from '../../../../src/conformance/pull/scenario/pull-scenario.js';
import { loadBuiltinScenarios } from '../../../../src/conformance/scenario/find-scenarios.js';
import { generateDataset, toSs12000Dataset } from '../../../../src/generator/index.js';
import { issueDevClient } from '../../../../src/mock-auth/index.js';
import { type RunningMock, startMock } from '../../../../src/server.js';
import {
  type RunningVendor,
  type Ss12000Mutant,
  startSs12000Vendor,
} from '../../../fixtures/mutants/ss12000-mutant.js';
import { makeTempDir, removeTempDir } from '../../../support/pki.js';

export const ORG = '5567044268';
export const HOOK_COMMAND = 'node examples/ss12000-api/change-hook.mjs';

/** Short limits: small data comes at once; the reference API's webhooks arrive in milliseconds, so a missing one is given up on after 1 s. */
export const FAST_PULL_SETTINGS: Partial<PullRunSettings> = {
  requestTimeoutMs: 3000,
  walkBudgetMs: 20_000,
  webhookTimeoutMs: 1000,
  webhookSettleMs: 150,
  hookTimeoutMs: 15_000,
  syncTimeoutMs: 10_000,
  // The reference API keeps expires to the millisecond: a short pause is enough for a renewal to move it.
  renewDelayMs: 20,
};

/** The built-in pull scenarios (scenarios/ss12000-*.yaml). */
export function loadPullLibrary(): PullScenario[] {
  return loadBuiltinScenarios(undefined, 'ss12000');
}

/** A small valid dataset of the huvudman (generator, ss12000 format), made once per process. */
let dataset: Dataset | undefined;
export function smallDataset(): Dataset {
  dataset ??= toSs12000Dataset(
    generateDataset({ organisationNumber: ORG, pupils: 24, seed: 'pull-conformance' }),
  ) as unknown as Dataset;
  return dataset;
}

export interface PullHarness {
  mock: RunningMock;
  stateDir: string;
  startVendor(mutant?: Ss12000Mutant): Promise<RunningVendor>;
  hookDriver(): ReturnType<typeof createHookDriver>;
  close(): Promise<void>;
}

export async function startPullHarness(): Promise<PullHarness> {
  const stateDir = makeTempDir('pull-conformance-');
  const mock = await startMock({
    settings: {
      port: 0,
      httpsPort: 0,
      stateDir,
      journalSize: 200_000,
      ss12000RetryBackoff: 0,
      ss12000RequestTimeout: 3000,
    },
  });
  const client = await issueDevClient({ stateDir, organisation: ORG });
  const vendors: RunningVendor[] = [];
  return {
    mock,
    stateDir,
    async startVendor(mutant) {
      const vendor = await startSs12000Vendor(mutant, {
        jwksUrl: `${mock.localHttpUrl}/.well-known/jwks.json`,
        transactionUrl: `${mock.localHttpsUrl}/transaction`,
        credentials: { certPem: client.certPem, keyPem: client.keyPem, caPem: client.caPem },
        dataset: smallDataset(),
      });
      vendors.push(vendor);
      return vendor;
    },
    hookDriver: () =>
      createHookDriver({
        command: HOOK_COMMAND,
        timeoutMs: 15_000,
        cwd: new URL('../../../../', import.meta.url).pathname,
      }),
    async close() {
      await Promise.all(vendors.map((v) => v.close()));
      await mock.close();
      removeTempDir(stateDir);
    },
  };
}
