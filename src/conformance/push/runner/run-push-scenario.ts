// Runs one push scenario end to end: mock, certificate, dataset, client runs and steps, evidence, rules.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildSettings, type Settings } from '../../../config/index.js';
import type { Journal } from '../../../journal/index.js';
import { type AuthFaultsInput, issueDevClient } from '../../../mock-auth/index.js';
import type { FaultPatch } from '../../../mock-provisioning/index.js';
import { type RunningMock, startMock } from '../../../server.js';
import { type ClientProcessResult, runClientProcess } from '../../client-process/run-client.js';
import { evaluateRules, harnessErrorResults } from '../../result/evaluate-rules.js';
import type { ClientRunResult, ScenarioResult } from '../../result/result-model.js';
import { scenarioStatus } from '../../result/summarise.js';
import { trafficItems } from '../../result/traffic-items.js';
import { displayPath, type PushScenario } from '../../scenario/load-scenario.js';
import type { ClientRunRecord, Evidence, ResourceSets } from '../evidence/evidence.js';
import { clientEnv } from './client-env.js';
import { collectEvidence } from './collect-evidence.js';
import { applyChange } from './dataset-change.js';
import { prepareDataset, writeSets } from './scenario-dataset.js';

export interface PushScenarioOptions {
  /** The vendor's command, run by the shell. */
  client: string;
  cwd?: string;
  /** Overrides every run's time limit (seconds). */
  timeoutSeconds?: number;
  onProgress?: (phase: string, message: string) => void;
  /** Each chunk the client writes, e.g. to echo it with --verbose. */
  onClientOutput?: (text: string) => void;
  /** Longest wait, after the last run, for submitted jobs to settle before the store is read. */
  settleTimeoutMs?: number;
}

export interface PushScenarioOutcome {
  result: ScenarioResult;
  evidence?: Evidence;
}

/** Body cap for the journal: whole bodies up to twice the payload limit, so rules can read what was sent. */
function journalBodyCap(payloadLimit: number): number {
  return Math.max(1 << 20, payloadLimit * 2);
}

/** Inbound calls to the mock (auth or provisioning) recorded between the two times. */
function callsDuring(journal: Pick<Journal, 'entries'>, startMs: number, endMs: number): number {
  return journal
    .entries()
    .filter(
      (e) =>
        e.direction === 'inbound' &&
        (e.component === 'auth' || e.component === 'provisioning') &&
        e.timeMs >= startMs &&
        e.timeMs <= endMs,
    ).length;
}

/** The shell's own "could not run it" exit codes (POSIX: 126 not executable, 127 not found). */
const SHELL_NOT_EXECUTABLE = 126;
const SHELL_NOT_FOUND = 127;

/**
 * A harness fault when the shell could not start the command at all: exit 126/127 with no call made.
 * (A client that called the mock and then exited 127 did start; its exit code is its own.)
 */
function shellCouldNotStart(outcome: ClientProcessResult): string | undefined {
  if (outcome.exitCode !== SHELL_NOT_FOUND && outcome.exitCode !== SHELL_NOT_EXECUTABLE) return undefined;
  const what = outcome.exitCode === SHELL_NOT_FOUND ? 'command not found' : 'not executable';
  const said = outcome.outputTail.trim().split('\n').slice(-1)[0]?.trim();
  return `could not start the client command: the shell answered ${outcome.exitCode} (${what})${said ? `: ${said}` : ''}`;
}

interface SilentRun {
  index: number;
  outcome: ClientProcessResult;
}

/** "your command exited 0 after 0.1 s without calling the mock: is `--client` right?" */
function silentRunHeadline({ index, outcome }: SilentRun, runCount: number): string {
  const seconds = `${((outcome.endMs - outcome.startMs) / 1000).toFixed(1)} s`;
  const how = outcome.timedOut
    ? `was stopped at its time limit after ${seconds}`
    : outcome.exitCode !== null
      ? `exited ${outcome.exitCode} after ${seconds}`
      : `was ended by ${outcome.signal} after ${seconds}`;
  const prefix = runCount > 1 ? `run ${index + 1}: ` : '';
  return `${prefix}your command ${how} without calling the mock: is \`--client\` right?`;
}

/** Waits until no job is pending, or `timeoutMs`, whichever comes first (never holding the process open). */
async function settle(mock: RunningMock, timeoutMs: number): Promise<void> {
  const abort = new AbortController();
  const timeout = sleep(timeoutMs, undefined, { ref: false, signal: abort.signal }).catch(() => undefined);
  await Promise.race([mock.mock.services.provisioning.jobs.idle(), timeout]);
  abort.abort();
}

/**
 * Runs a push scenario against the vendor's command. Never throws: a problem of the harness (the mock
 * would not start, the dataset could not be made, the shell could not be spawned) becomes a result with
 * status `error` and every rule `error`.
 */
export async function runPushScenario(
  scenario: PushScenario,
  options: PushScenarioOptions,
): Promise<PushScenarioOutcome> {
  const startedMs = Date.now();
  const progress = options.onProgress ?? (() => {});
  const runs: ClientRunRecord[] = [];
  const runResults: ClientRunResult[] = [];
  const silentRuns: SilentRun[] = [];
  const base = {
    id: scenario.id,
    title: scenario.title,
    description: scenario.description,
    file: displayPath(scenario.file),
    target: 'push' as const,
    startedAt: new Date(startedMs).toISOString(),
  };
  const temp = await mkdtemp(join(tmpdir(), `provtjanst-conform-${scenario.id}-`));
  let mock: RunningMock | undefined;
  try {
    const stateDir = join(temp, 'state');
    progress('dataset', 'preparing the dataset');
    const first = await prepareDataset(scenario, join(temp, 'data-0'));
    const datasets: ResourceSets[] = [first.sets];
    const client = await issueDevClient({
      stateDir,
      organisation: scenario.organisation,
      outDir: join(temp, 'client'),
    });
    const files = client.files as NonNullable<typeof client.files>;
    const overrides = scenario.mock.settings as Partial<Settings>;
    const payloadLimit = buildSettings(overrides).payloadLimit;
    mock = await startMock({
      settings: {
        ...overrides,
        port: 0,
        httpsPort: 0,
        host: '127.0.0.1',
        stateDir,
        journalSize: 200_000,
        // The run's evidence must stay whole: a high byte bound, still a bound.
        journalMaxBytes: 1 << 30,
        journalBodyCap: journalBodyCap(payloadLimit),
      },
    });
    const services = mock.mock.services;
    progress('mock', `mock listening on https://localhost:${mock.httpsPort}`);
    if (scenario.mock.authFaults) services.auth.faults.set(scenario.mock.authFaults as AuthFaultsInput);

    for (const step of scenario.steps) {
      if (step.run) {
        const index = runs.length;
        const dataDir = join(temp, `data-${datasets.length - 1}`);
        const timeoutMs =
          (options.timeoutSeconds ?? step.run.timeoutSeconds ?? scenario.timeoutSeconds) * 1000;
        progress('run', `run ${index + 1}: starting the client`);
        const env = clientEnv({
          mock,
          certFile: files.cert,
          keyFile: files.key,
          caFile: files.ca,
          dataDir,
          scenarioId: scenario.id,
          payloadLimit: services.settings.payloadLimit,
          ...(services.control.guarded ? { controlToken: services.control.token } : {}),
        });
        const outcome = await runClientProcess({
          command: options.client,
          env,
          timeoutMs,
          ...(options.cwd ? { cwd: options.cwd } : {}),
          ...(options.onClientOutput ? { onOutput: options.onClientOutput } : {}),
        });
        if (outcome.spawnError) throw new Error(`could not start the client command: ${outcome.spawnError}`);
        const called = callsDuring(services.journal, outcome.startMs, outcome.endMs);
        const notStarted = called === 0 ? shellCouldNotStart(outcome) : undefined;
        const how = outcome.timedOut
          ? 'stopped at its time limit'
          : `exited with ${outcome.exitCode ?? outcome.signal}`;
        if (called === 0) silentRuns.push({ index, outcome });
        progress(
          'run',
          `run ${index + 1}: ${how} after ${((outcome.endMs - outcome.startMs) / 1000).toFixed(1)} s`,
        );
        const record: ClientRunRecord = {
          index,
          startMs: outcome.startMs,
          endMs: outcome.endMs,
          exitCode: outcome.exitCode,
          signal: outcome.signal,
          timedOut: outcome.timedOut,
          datasetIndex: datasets.length - 1,
        };
        runs.push(record);
        runResults.push({
          index,
          startedAt: new Date(outcome.startMs).toISOString(),
          durationMs: outcome.endMs - outcome.startMs,
          exitCode: outcome.exitCode,
          signal: outcome.signal,
          timedOut: outcome.timedOut,
          outputTail: outcome.outputTail,
        });
        if (notStarted) throw new Error(notStarted);
      } else if (step.change) {
        const previous = datasets[datasets.length - 1] as ResourceSets;
        const next = applyChange(previous, step.change, first.protectedIds);
        await writeSets(next, join(temp, `data-${datasets.length}`));
        datasets.push(next);
        progress('dataset', `dataset changed: ${JSON.stringify(step.change)}`);
      } else if (step.wait !== undefined) {
        progress('wait', `waiting ${step.wait} ms`);
        await sleep(step.wait);
      } else if (step.faults) {
        if (step.faults.auth) services.auth.faults.update(step.faults.auth as AuthFaultsInput);
        if (step.faults.provisioning)
          services.provisioning.faults.apply(step.faults.provisioning as FaultPatch);
        progress('faults', `faults armed: ${JSON.stringify(step.faults)}`);
      }
    }

    await settle(mock, options.settleTimeoutMs ?? 10_000);
    progress('evaluate', 'evaluating rules');
    const evidence = collectEvidence(services, {
      scenarioId: scenario.id,
      organisationNumber: scenario.organisation,
      runs,
      datasets,
      expectedErrorIds: first.expectedErrorIds,
    });
    const rules = evaluateRules(scenario.rules, evidence);
    const finishedMs = Date.now();
    const headlines = silentRuns.map((run) => silentRunHeadline(run, runs.length));
    return {
      result: {
        ...base,
        ...(headlines.length > 0 ? { headlines } : {}),
        status: scenarioStatus(rules),
        durationMs: finishedMs - startedMs,
        runs: runResults,
        rules,
        traffic: trafficItems(evidence, startedMs),
      },
      evidence,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      result: {
        ...base,
        status: 'error',
        durationMs: Date.now() - startedMs,
        runs: runResults,
        rules: harnessErrorResults(scenario.rules, `not evaluated: ${message}`),
        traffic: [],
        harnessError: message,
      },
    };
  } finally {
    await mock?.close();
    await rm(temp, { recursive: true, force: true });
  }
}
