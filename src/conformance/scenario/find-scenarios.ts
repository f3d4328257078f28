// Finds scenario files: the built-in library (scenarios/ of this package) and --scenario ID|FILE arguments.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../package-info.js';
import { loadScenarioFile, type Scenario } from './load-scenario.js';
import { ScenarioError } from './scenario-error.js';

/** The package's scenarios/ folder, found from this module (works from src/ under tsx and from dist/). */
export function builtinScenarioDir(): string {
  return join(packageRoot(), 'scenarios');
}

/** The YAML files of a folder, sorted by name. */
export function scenarioFilesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/** The scenarios of one target: `push` gives PushScenario, `ss12000` PullScenario. */
export type ScenarioOf<T extends Scenario['target']> = Extract<Scenario, { target: T }>;

function ofTarget<T extends Scenario['target']>(target: T) {
  return (scenario: Scenario): scenario is ScenarioOf<T> => scenario.target === target;
}

/** Every built-in scenario (of one target, when given), validated, in file-name order. */
export function loadBuiltinScenarios(dir?: string): Scenario[];
export function loadBuiltinScenarios<T extends Scenario['target']>(
  dir: string | undefined,
  target: T,
): ScenarioOf<T>[];
export function loadBuiltinScenarios(dir = builtinScenarioDir(), target?: Scenario['target']): Scenario[] {
  const all = scenarioFilesIn(dir).map(loadScenarioFile);
  return target ? all.filter(ofTarget(target)) : all;
}

/**
 * Resolves `--scenario` arguments: a path to a YAML file, or the id of a built-in scenario.
 * @throws ScenarioError for an unknown id or a bad file.
 */
export function resolveScenarios(args: readonly string[], dir?: string): Scenario[];
export function resolveScenarios<T extends Scenario['target']>(
  args: readonly string[],
  dir: string | undefined,
  target: T,
): ScenarioOf<T>[];
export function resolveScenarios(
  args: readonly string[],
  dir = builtinScenarioDir(),
  target?: Scenario['target'],
): Scenario[] {
  if (args.length === 0) return target ? loadBuiltinScenarios(dir, target) : loadBuiltinScenarios(dir);
  let builtin: Scenario[] | undefined;
  const picked = args.map((arg) => {
    if (/\.ya?ml$/i.test(arg) || arg.includes('/') || arg.includes('\\')) return loadScenarioFile(arg);
    builtin ??= loadBuiltinScenarios(dir);
    const found = builtin.find((s) => s.id === arg);
    if (!found || (target && found.target !== target)) {
      const known = builtin.filter((s) => !target || s.target === target).map((s) => s.id);
      const kind = target ? `${target} scenario` : 'scenario';
      const why = found
        ? `"${arg}" is ${found.target === 'ss12000' ? 'an' : 'a'} ${found.target} scenario; run it with \`conform ${found.target}\``
        : `no ${kind} with the id "${arg}"`;
      throw new ScenarioError('scenario_not_found', arg, [
        { path: '', line: 0, column: 0, message: `${why} (known ${kind}s: ${known.join(', ')})` },
      ]);
    }
    return found;
  });
  const ids = new Set<string>();
  for (const scenario of picked) {
    if (target && scenario.target !== target) {
      throw new ScenarioError('scenario_invalid', scenario.file, [
        {
          path: 'target',
          line: 1,
          column: 1,
          message: `a "${scenario.target}" scenario cannot run as "${target}"`,
        },
      ]);
    }
    if (ids.has(scenario.id)) {
      throw new ScenarioError('scenario_invalid', scenario.file, [
        { path: 'id', line: 1, column: 1, message: `scenario id "${scenario.id}" is given twice` },
      ]);
    }
    ids.add(scenario.id);
  }
  return picked;
}
