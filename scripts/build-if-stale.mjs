#!/usr/bin/env node
// `npm start`'s prestart: runs `npm run build` only when a source file is newer than dist/ (or dist/ is missing).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Written by every build (tsc rewrites every output), so its time is the build's. */
const builtMarker = join(root, 'dist', 'cli', 'main.js');
const inputs = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];

/** The newest modification time under a file or folder, in ms. */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const name of readdirSync(path)) latest = Math.max(latest, newest(join(path, name)));
  return latest;
}

function staleReason() {
  if (!existsSync(builtMarker)) return 'dist/ is missing';
  const builtAt = statSync(builtMarker).mtimeMs;
  const changed = inputs.find(
    (input) => existsSync(join(root, input)) && newest(join(root, input)) > builtAt,
  );
  return changed ? `${changed} changed since the last build` : undefined;
}

const reason = staleReason();
if (reason) {
  console.error(`provtjanst-mock: building (${reason})`);
  const build = spawnSync('npm', ['run', '--silent', 'build'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  process.exit(build.status ?? 1);
}
