// Runs pull scenarios one after another against a vendor's SS 12000 API through one mock, and returns the report.
import { writeFileSync } from 'node:fs';
import type { Settings } from '../../../config/index.js';
import { normaliseApiUrl } from '../../../mock-ss12000-client/index.js';
import { type RunningMock, startMock } from '../../../server.js';
import type { Reporter } from '../../reporters/reporter.js';
import { broadcast } from '../../reporters/reporter.js';
import type { ConformanceReport, RunPlan, ScenarioResult } from '../../result/result-model.js';
import { summarise } from '../../result/summarise.js';
import { displayPath } from '../../scenario/load-scenario.js';
import { type ChangeDriver, createNoChangeDriver } from '../probe/change-driver.js';
import { inRunOrder, type PullScenario } from '../scenario/pull-scenario.js';
import type { PullRunSettings } from './probe-context.js';
import { runSs12000Scenario } from './run-ss12000-scenario.js';

/** The huvudman of the seeded open data (Testorganisation AB), the default everywhere. */
export const DEFAULT_ORGANISATION = '5567044268';

/** Where a vendor's API finds the mock: printed before the first scenario, and given to hooks. */
export interface PullMockInfo {
  root: string;
  jwksUrl: string;
  transactionUrl: string;
  webhookBase: string;
  stateDir: string;
  /** The file --jwks-out wrote, if any. */
  jwksFile?: string;
}

export interface Ss12000ConformanceOptions {
  /** The vendor's base URL, as it would be registered. */
  vendorUrl: string;
  organisationNumber?: string;
  /** Played in {@link inRunOrder}: scenarios that change data after those that only read. */
  scenarios: readonly PullScenario[];
  /** How changes are made (default: none, and the change scenarios' rules are skipped). */
  changeDriver?: ChangeDriver;
  /** A mock already running (tests); otherwise one is started with `mockSettings` and closed at the end. */
  mock?: RunningMock;
  /** Settings of the mock to start: port, httpsPort, host, publicUrl, stateDir… */
  mockSettings?: Partial<Settings>;
  settings?: Partial<PullRunSettings>;
  /** Write the mock's JWKS here once it runs. */
  jwksOut?: string;
  reporters?: readonly Reporter[];
  version?: string;
  /** Called once the mock listens, before the first scenario (print where it is). */
  onMockReady?: (info: PullMockInfo) => void;
}

/** Thrown for a bad vendor URL or a mock that cannot start: a problem of the run's configuration (exit 2). */
export class PullRunError extends Error {
  constructor(
    readonly code: 'invalid_url' | 'mock_start_failed',
    message: string,
  ) {
    super(message);
    this.name = 'PullRunError';
  }
}

/** The mock's settings for a pull run: the SS12000 client's guards follow the run's limits. */
function pullMockSettings(options: Ss12000ConformanceOptions): Partial<Settings> {
  const s = options.settings ?? {};
  return {
    ss12000RetryBackoff: 250,
    ...options.mockSettings,
    // The runner owns these: the journal keeps every exchange of a run, bodies whole enough to judge.
    journalSize: 200_000,
    journalMaxBytes: 1 << 30,
    journalBodyCap: 1 << 20,
    ...(s.requestTimeoutMs ? { ss12000RequestTimeout: s.requestTimeoutMs } : {}),
    ...(s.maxResponseBytes ? { ss12000MaxResponseBytes: s.maxResponseBytes } : {}),
    ...(s.lookbackMs !== undefined ? { ss12000WebhookLookback: s.lookbackMs } : {}),
  };
}

function mockInfo(mock: RunningMock, jwksFile: string | undefined): PullMockInfo {
  const { urls } = mock;
  return {
    root: urls.root,
    jwksUrl: `${urls.root}/.well-known/jwks.json`,
    transactionUrl: `https://localhost:${mock.httpsPort}/transaction`,
    webhookBase: `${urls.ss12000Client}/webhooks/`,
    stateDir: mock.mock.services.settings.stateDir,
    ...(jwksFile ? { jwksFile } : {}),
  };
}

/**
 * Starts the mock (unless given one), tells the vendor where it is, runs every scenario and returns the
 * report; its `exitCode` is the command's.
 * @throws PullRunError for a bad URL or a mock that cannot listen.
 */
export async function runSs12000Conformance(options: Ss12000ConformanceOptions): Promise<ConformanceReport> {
  const vendorUrl = normaliseApiUrl(options.vendorUrl);
  if (!vendorUrl)
    throw new PullRunError(
      'invalid_url',
      `"${options.vendorUrl}" is not an http(s) base URL without query or fragment`,
    );
  const reporters = options.reporters ?? [];
  const scenarios = inRunOrder(options.scenarios);
  let mock = options.mock;
  if (!mock) {
    try {
      mock = await startMock({ settings: pullMockSettings(options) });
    } catch (error) {
      throw new PullRunError('mock_start_failed', `the mock could not start: ${(error as Error).message}`);
    }
  }
  try {
    const services = mock.mock.services;
    if (options.jwksOut) writeFileSync(options.jwksOut, `${JSON.stringify(services.auth.jwks(), null, 2)}\n`);
    options.onMockReady?.(mockInfo(mock, options.jwksOut));
    const startedMs = services.clock.now();
    const plan: RunPlan = {
      target: 'ss12000',
      client: vendorUrl,
      scenarios: scenarios.map((s) => ({
        id: s.id,
        title: s.title,
        file: displayPath(s.file),
        ruleIds: s.rules.map((r) => r.ruleId),
      })),
    };
    await broadcast(reporters, 'onRunStart', plan);
    const results: ScenarioResult[] = [];
    for (const [index, scenario] of scenarios.entries()) {
      await broadcast(reporters, 'onScenarioStart', plan.scenarios[index] as RunPlan['scenarios'][number], {
        index,
        total: scenarios.length,
      });
      const outcome = await runSs12000Scenario(scenario, {
        vendorUrl,
        organisationNumber: options.organisationNumber ?? DEFAULT_ORGANISATION,
        services,
        changeDriver: options.changeDriver ?? createNoChangeDriver(() => services.clock.now()),
        ...(options.settings ? { settings: options.settings } : {}),
        onProgress: (phase, message) => {
          for (const reporter of reporters)
            reporter.onProgress?.({ scenarioId: scenario.id, phase, message });
        },
      });
      results.push(outcome.result);
      await broadcast(
        reporters,
        'onScenarioEnd',
        outcome.result,
        outcome.evidence ? { evidence: outcome.evidence } : {},
      );
    }
    const report = summarise({
      target: 'ss12000',
      client: vendorUrl,
      version: options.version ?? '0.1.0',
      startedMs,
      finishedMs: services.clock.now(),
      scenarios: results,
    });
    await broadcast(reporters, 'onRunEnd', report);
    return report;
  } finally {
    if (!options.mock) await mock.close();
  }
}
