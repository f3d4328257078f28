// Reads and validates one scenario file (zod), reporting every problem with file, path and line.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { type Document, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { ALL_SETTINGS } from '../../config/index.js';
import { resolveGenerateOptions } from '../../generator/generate-options.js';
import { GeneratorError } from '../../generator/generator-error.js';
import { authFaultsInputSchema } from '../../mock-auth/index.js';
import { faultPatchSchema } from '../../mock-provisioning/faults.js';
import { normalisePullRules, type PullScenario } from '../pull/scenario/pull-scenario.js';
import { findRule } from '../push/rules/catalogue.js';
import type { RuleInvocation } from '../result/evaluate-rules.js';
import { formatPath, ScenarioError, type ScenarioProblem } from './scenario-error.js';
import { type PushScenarioFile, RUNNER_OWNED_SETTINGS, scenarioFileSchema } from './scenario-schema.js';
import { locate } from './yaml-location.js';

/** A validated push scenario with its file and normalised rule list. */
export interface PushScenario extends Omit<PushScenarioFile, 'rules'> {
  /** Absolute path of the YAML file. */
  file: string;
  /** Absolute path of the dataset fixture folder, when the scenario loads one. */
  fixtureDir?: string;
  rules: RuleInvocation[];
}

export type Scenario = PushScenario | PullScenario;

type Path = readonly PropertyKey[];

class ProblemList {
  readonly problems: ScenarioProblem[] = [];
  constructor(
    private readonly doc: Document,
    private readonly counter: LineCounter,
  ) {}

  add(path: Path, message: string): void {
    this.problems.push({ path: formatPath(path), message, ...locate(this.doc, this.counter, path) });
  }

  addZod(prefix: Path, error: z.ZodError): void {
    for (const issue of error.issues) this.addIssue(prefix, issue);
  }

  /** A union's issue is replaced by the issues of the branch that got furthest (the deepest path). */
  private addIssue(prefix: Path, issue: z.core.$ZodIssue): void {
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const depth = (branch: z.core.$ZodIssue[]) => Math.max(0, ...branch.map((i) => i.path.length));
      const best = [...issue.errors].sort((a, b) => depth(b) - depth(a))[0] ?? [];
      if (depth(best) > 0) {
        for (const inner of best) this.addIssue([...prefix, ...issue.path], inner);
        return;
      }
    }
    this.add([...prefix, ...issue.path], issue.message);
  }
}

const SETTINGS = ALL_SETTINGS as Record<string, { schema: z.ZodType }>;

function checkSettings(settings: Record<string, unknown>, problems: ProblemList): void {
  for (const [key, value] of Object.entries(settings)) {
    const path = ['mock', 'settings', key];
    if ((RUNNER_OWNED_SETTINGS as readonly string[]).includes(key)) {
      problems.add(path, `"${key}" is set by the conformance runner, not by a scenario`);
      continue;
    }
    const spec = SETTINGS[key];
    if (!spec) {
      problems.add(path, `unknown setting "${key}" (see docs/configuration.md)`);
      continue;
    }
    const parsed = spec.schema.safeParse(value);
    if (!parsed.success) problems.addZod(path, parsed.error);
  }
}

function normaliseRules(file: PushScenarioFile, problems: ProblemList): RuleInvocation[] {
  const seen = new Set<string>();
  return file.rules.flatMap((ref, i) => {
    const ruleId = typeof ref === 'string' ? ref : ref.id;
    const params = typeof ref === 'string' ? {} : ref.params;
    const path = typeof ref === 'string' ? ['rules', i] : ['rules', i, 'id'];
    const rule = findRule(ruleId);
    if (!rule) {
      problems.add(path, `unknown rule "${ruleId}" (see docs/rules.md)`);
      return [];
    }
    if (seen.has(ruleId)) problems.add(path, `rule "${ruleId}" is listed twice`);
    seen.add(ruleId);
    const parsed = rule.params.safeParse(params);
    if (!parsed.success) problems.addZod(['rules', i, 'params'], parsed.error);
    return [{ ruleId, params }];
  });
}

function checkFaults(file: PushScenarioFile, problems: ProblemList): void {
  if (file.mock.authFaults) {
    const parsed = authFaultsInputSchema.safeParse(file.mock.authFaults);
    if (!parsed.success) problems.addZod(['mock', 'authFaults'], parsed.error);
  }
  file.steps.forEach((step, i) => {
    if (step.faults?.auth) {
      const parsed = authFaultsInputSchema.safeParse(step.faults.auth);
      if (!parsed.success) problems.addZod(['steps', i, 'faults', 'auth'], parsed.error);
    }
    if (step.faults?.provisioning) {
      const parsed = faultPatchSchema.safeParse(step.faults.provisioning);
      if (!parsed.success) problems.addZod(['steps', i, 'faults', 'provisioning'], parsed.error);
    }
  });
  if (!file.steps.some((s) => s.run)) problems.add(['steps'], 'a scenario runs the client at least once');
}

/** The CLI flag a GeneratorError names (`--pupils`) as the scenario key (`pupils`). */
const FLAG_TO_KEY: Record<string, string> = { '--defect': 'defectKinds', '--org': 'organisation' };

function checkGenerate(file: PushScenarioFile, problems: ProblemList): void {
  if (!file.dataset.generate) return;
  try {
    resolveGenerateOptions({ organisationNumber: file.organisation, ...file.dataset.generate });
  } catch (error) {
    if (!(error instanceof GeneratorError)) throw error;
    const key = error.option ? (FLAG_TO_KEY[error.option] ?? error.option.replace(/^--/, '')) : undefined;
    const path = key === 'organisation' ? ['organisation'] : ['dataset', 'generate', ...(key ? [key] : [])];
    problems.add(path, error.message);
  }
}

/** Shown in messages: relative to the working directory when that is shorter. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

/**
 * Loads and validates a scenario file.
 * @throws ScenarioError naming the file, the path inside it and the line, for YAML and schema problems alike.
 * @example const scenario = loadScenarioFile('scenarios/happy-path.yaml');
 */
export function loadScenarioFile(path: string): Scenario {
  const file = resolve(path);
  const shown = displayPath(file);
  if (!existsSync(file))
    throw new ScenarioError('scenario_not_found', shown, [
      { path: '', line: 1, column: 1, message: 'no such file' },
    ]);
  return parseScenario(readFileSync(file, 'utf8'), file);
}

/** Validates scenario text as if read from `file` (relative fixture paths resolve against its folder). */
export function parseScenario(text: string, file: string): Scenario {
  const shown = displayPath(file);
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ScenarioError(
      'scenario_yaml',
      shown,
      doc.errors.map((e) => {
        const { line, col } = counter.linePos(e.pos[0]);
        return { path: '', line, column: col, message: e.message.split('\n')[0] ?? e.message };
      }),
    );
  }
  const problems = new ProblemList(doc, counter);
  const parsed = scenarioFileSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    problems.addZod([], parsed.error);
    throw new ScenarioError('scenario_invalid', shown, problems.problems);
  }
  const data = parsed.data;
  if (data.target === 'ss12000') {
    const pullRules = normalisePullRules(
      data,
      (p, m) => problems.add(p, m),
      (p, e) => problems.addZod(p, e),
    );
    if (problems.problems.length > 0) throw new ScenarioError('scenario_invalid', shown, problems.problems);
    return { ...data, file, rules: pullRules };
  }
  checkSettings(data.mock.settings, problems);
  checkFaults(data, problems);
  const rules = normaliseRules(data, problems);
  let fixtureDir: string | undefined;
  if (data.dataset.generate) checkGenerate(data, problems);
  if (data.dataset.fixture) {
    fixtureDir = resolve(dirname(file), data.dataset.fixture);
    if (!existsSync(fixtureDir) || !statSync(fixtureDir).isDirectory()) {
      problems.add(['dataset', 'fixture'], `no folder ${displayPath(fixtureDir)}`);
    }
  }
  if (problems.problems.length > 0) throw new ScenarioError('scenario_invalid', shown, problems.problems);
  return { ...data, file, rules, ...(fixtureDir ? { fixtureDir } : {}) };
}
