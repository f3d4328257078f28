// Makes the vendor's system change data: the --change-hook command, a person at the keyboard (--interactive), or nobody.
import { createInterface } from 'node:readline/promises';
import type { Readable, Writable } from 'node:stream';
import type { Ss12000ResourceType } from '../../../mock-ss12000-client/index.js';
import { runClientProcess } from '../../client-process/run-client.js';
import type { ChangeKind } from '../evidence/pull-evidence.js';

/** What the runner wants changed, and what the hook may need to know to do it. */
export interface ChangeRequest {
  kind: ChangeKind;
  resource: Ss12000ResourceType;
  ids: readonly string[];
  /** One line per object, for a person to find it (`Person 3f2… Alva Lind`). */
  labels: readonly string[];
  scenarioId: string;
  vendorUrl: string;
  organisationNumber: string;
  /** The registration's webhook target and the mock's URLs, for hooks that need them. */
  target: string;
  subscriptionId?: string;
  mockUrl: string;
  /** The mock's control token, when its control plane is guarded (it listens beyond loopback). */
  controlToken?: string;
}

export interface ChangeOutcome {
  made: boolean;
  notMadeBecause?: string;
  /** When the change was made (the hook started; the person confirmed). */
  startMs: number;
  endMs: number;
  /** Set when the hook itself failed: the run's configuration is at fault, not the vendor's API (exit 2). */
  harnessError?: string;
}

export interface ChangeDriver {
  readonly kind: 'hook' | 'interactive' | 'none';
  make(request: ChangeRequest): Promise<ChangeOutcome>;
}

/** The PROVTJANST_* variables a change hook gets (documented in docs/conformance-ss12000.md). */
export function changeHookEnv(
  request: ChangeRequest,
  base: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  return {
    ...base,
    PROVTJANST_CHANGE: request.kind,
    PROVTJANST_CHANGE_RESOURCE: request.resource,
    PROVTJANST_CHANGE_ID: request.ids[0] ?? '',
    PROVTJANST_CHANGE_IDS: request.ids.join(','),
    PROVTJANST_API_URL: request.vendorUrl,
    PROVTJANST_ORGANISATION: request.organisationNumber,
    PROVTJANST_WEBHOOK_TARGET: request.target,
    PROVTJANST_SUBSCRIPTION_ID: request.subscriptionId ?? '',
    PROVTJANST_MOCK_URL: request.mockUrl,
    ...(request.controlToken ? { PROVTJANST_CONTROL_TOKEN: request.controlToken } : {}),
    PROVTJANST_SCENARIO: request.scenarioId,
  };
}

export interface HookDriverOptions {
  command: string;
  timeoutMs: number;
  cwd?: string;
  onOutput?: (text: string) => void;
}

/** Runs the command once per change, through the shell, with the change in its environment. */
export function createHookDriver(options: HookDriverOptions): ChangeDriver {
  return {
    kind: 'hook',
    async make(request) {
      const result = await runClientProcess({
        command: options.command,
        env: changeHookEnv(request),
        timeoutMs: options.timeoutMs,
        ...(options.cwd ? { cwd: options.cwd } : {}),
        ...(options.onOutput ? { onOutput: options.onOutput } : {}),
      });
      const times = { startMs: result.startMs, endMs: result.endMs };
      const failed = result.spawnError
        ? `could not start: ${result.spawnError}`
        : result.timedOut
          ? `was stopped at its time limit of ${options.timeoutMs} ms`
          : result.exitCode !== 0
            ? `exited with ${result.exitCode ?? result.signal}`
            : undefined;
      if (!failed) return { made: true, ...times };
      const tail = result.outputTail.trim().split('\n').slice(-5).join(' | ');
      const message = `the change hook ${failed} for ${request.kind}${tail ? `: ${tail}` : ''}`;
      return { made: false, notMadeBecause: message, harnessError: message, ...times };
    },
  };
}

const INSTRUCTIONS: Record<ChangeKind, string> = {
  'person-update': 'Change something about this person (e.g. the given name) and save:',
  'person-delete': 'Delete this person (and what names it: group memberships, duties) and save:',
  'group-update': 'Change something about this group (e.g. its display name) and save:',
  'person-bulk-update': 'Change all of these persons in one go (one batch, e.g. an import) and save:',
};

/** Asks a person to make each change in their system, then waits for Enter (or "skip"). */
export function createInteractiveDriver(input: Readable, output: Writable, now: () => number): ChangeDriver {
  return {
    kind: 'interactive',
    async make(request) {
      const asked = now();
      const rl = createInterface({ input, output });
      try {
        output.write(`\n${INSTRUCTIONS[request.kind]}\n${request.labels.map((l) => `  ${l}`).join('\n')}\n`);
        const answer = await rl.question('Press Enter when done, or type "skip": ');
        const startMs = now();
        if (answer.trim().toLowerCase() === 'skip') {
          return { made: false, notMadeBecause: 'skipped at the keyboard', startMs: asked, endMs: startMs };
        }
        return { made: true, startMs, endMs: startMs };
      } finally {
        rl.close();
      }
    },
  };
}

/** No way to change data: every change is reported as not made (its rules are skipped, never passed). */
export function createNoChangeDriver(now: () => number): ChangeDriver {
  return {
    kind: 'none',
    async make() {
      const at = now();
      return {
        made: false,
        notMadeBecause: 'no --change-hook was given (nor --interactive)',
        startMs: at,
        endMs: at,
      };
    },
  };
}
