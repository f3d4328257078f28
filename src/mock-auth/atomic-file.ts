// Crash- and race-safe file writes: temp file + rename, directories created whole, and a simple lock file.
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

/** Writes `data` to `path` so readers see either the old or the new content, never a half-written file. */
export function writeFileAtomic(path: string, data: string, mode = 0o644): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temp, data, { mode });
  renameSync(temp, path);
}

/**
 * Creates directory `path` with its content in one step: `fill` writes into a temporary sibling, which is
 * renamed into place. When another process got there first, its directory wins and this returns false.
 */
export function createDirectoryAtomic(path: string, fill: (tempDir: string) => void): boolean {
  const parent = dirname(path);
  mkdirSync(parent, { recursive: true });
  const temp = mkdtempSync(join(parent, '.tmp-'));
  try {
    fill(temp);
    renameSync(temp, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // rename() onto a non-empty directory fails: someone else created it meanwhile (EPERM on Windows).
    if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'EPERM') return false;
    throw error;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

const STALE_LOCK_MS = 10_000;

/**
 * Runs `fn` while holding `<path>.lock` (exclusive create), so concurrent read-modify-write cycles of one
 * file (e.g. two `certs issue` runs appending to the federation file) do not lose updates.
 * Wall time is used on purpose: this coordinates processes on one file system, not mock time.
 */
export async function withFileLock<T>(path: string, fn: () => T | Promise<T>): Promise<T> {
  const lock = `${path}.lock`;
  mkdirSync(dirname(lock), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      closeSync(openSync(lock, 'wx'));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = lockAge(lock);
      if (age !== undefined && age > STALE_LOCK_MS) rmSync(lock, { force: true });
      if (attempt > 400)
        throw new Error(`Timed out waiting for lock ${lock}; remove it if no other process runs`);
      await delay(25);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { force: true });
  }
}

function lockAge(lock: string): number | undefined {
  try {
    return Date.now() - statSync(lock).mtimeMs;
  } catch {
    return undefined;
  }
}
