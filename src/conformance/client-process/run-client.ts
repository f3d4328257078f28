// Runs the vendor's command in a shell, in its own process group, with a time limit; keeps the tail of its output.
import { spawn } from 'node:child_process';

export interface ClientProcessOptions {
  command: string;
  env: NodeJS.ProcessEnv;
  cwd?: string;
  timeoutMs: number;
  /** Called with each chunk of output (stdout and stderr interleaved), e.g. for --verbose. */
  onOutput?: (text: string) => void;
  /** How many characters of output to keep. */
  tailChars?: number;
}

export interface ClientProcessResult {
  startMs: number;
  endMs: number;
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  outputTail: string;
  /** Set when the shell could not be started at all (a harness problem, not the client's). */
  spawnError?: string;
}

/** Grace between SIGTERM and SIGKILL of the process group at the time limit. */
const KILL_GRACE_MS = 2000;

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    // A negative pid addresses the whole process group: the shell and everything it started.
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** Process groups of clients still running: stopped with the runner if it is interrupted. */
const active = new Set<number>();

function stopActiveAndExit(signal: NodeJS.Signals): void {
  for (const pid of active) killGroup(pid, 'SIGKILL');
  active.clear();
  process.removeListener('SIGINT', stopActiveAndExit);
  process.removeListener('SIGTERM', stopActiveAndExit);
  // Re-raise so the runner ends as the signal intended (its default action, now that our listeners are gone).
  process.kill(process.pid, signal);
}

function track(pid: number | undefined): void {
  if (pid === undefined) return;
  if (active.size === 0) {
    process.on('SIGINT', stopActiveAndExit);
    process.on('SIGTERM', stopActiveAndExit);
  }
  active.add(pid);
}

function untrack(pid: number | undefined): void {
  if (pid === undefined || !active.delete(pid) || active.size > 0) return;
  process.removeListener('SIGINT', stopActiveAndExit);
  process.removeListener('SIGTERM', stopActiveAndExit);
}

/**
 * Runs `command` through the shell and resolves when it exits or its time limit ends it (SIGTERM to the
 * process group, SIGKILL after a grace period). Never rejects.
 */
export function runClientProcess(options: ClientProcessOptions): Promise<ClientProcessResult> {
  const tailChars = options.tailChars ?? 4000;
  const startMs = Date.now();
  let tail = '';
  let timedOut = false;
  return new Promise((resolve) => {
    const child = spawn(options.command, {
      shell: true,
      detached: true,
      env: options.env,
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The client runs in its own process group (detached), so an interrupted runner must stop it itself.
    track(child.pid);
    const keep = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      options.onOutput?.(text);
      tail = (tail + text).slice(-tailChars);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    let killTimer: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid, 'SIGTERM');
      killTimer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), KILL_GRACE_MS);
    }, options.timeoutMs);
    let settled = false;
    const finish = (result: Omit<ClientProcessResult, 'startMs' | 'endMs' | 'outputTail' | 'timedOut'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (killTimer) clearTimeout(killTimer);
      // Whatever the shell left running (background jobs) goes with it.
      killGroup(child.pid, 'SIGKILL');
      untrack(child.pid);
      resolve({ startMs, endMs: Date.now(), timedOut, outputTail: tail, ...result });
    };
    child.on('error', (error) => finish({ exitCode: null, signal: null, spawnError: error.message }));
    child.on('close', (code, signal) => finish({ exitCode: code, signal }));
  });
}
