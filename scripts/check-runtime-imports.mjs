#!/usr/bin/env node
// CI check: every package dist/ and bin/ import at run time is a dependency (never a devDependency) or a Node builtin.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const dependencies = new Set(Object.keys(manifest.dependencies ?? {}));
const builtins = new Set(builtinModules);
/** Static imports and re-exports at the start of a line, side-effect imports, and dynamic import('…'). */
const IMPORT =
  /^\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

function* jsFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* jsFiles(path);
    else if (/\.(m?js)$/.test(name)) yield path;
  }
}

/** `@scope/pkg/sub` → `@scope/pkg`, `pkg/sub` → `pkg`. */
const packageOf = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

const problems = [];
for (const folder of ['dist', 'bin', 'examples/push-client']) {
  for (const file of jsFiles(join(root, folder))) {
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? match[3];
      if (specifier.startsWith('.') || specifier.startsWith('node:') || builtins.has(specifier)) continue;
      if (!dependencies.has(packageOf(specifier)))
        problems.push(`${file.slice(root.length + 1)} imports "${specifier}", which is not a dependency`);
    }
  }
}
if (problems.length > 0) {
  console.error(`Run-time imports outside "dependencies":\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('check-runtime-imports: every run-time import is a dependency or a Node builtin');
