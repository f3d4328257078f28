// `provtjanst-mock conform push|ss12000`: runs scenarios against a vendor's push client (or SS 12000 API) and reports rule by rule.
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { packageVersion } from '../conformance/package-info.js';
import { findRule } from '../conformance/push/rules/catalogue.js';
import { runConformance } from '../conformance/push/runner/run-conformance.js';
import { createProgressReporter } from '../conformance/reporters/progress-reporter.js';
import { createReporters, isReporterName, REPORTER_NAMES } from '../conformance/reporters/registry.js';
import { resolveScenarios } from '../conformance/scenario/find-scenarios.js';
import { ScenarioError } from '../conformance/scenario/scenario-error.js';
import { CliUsageError, helpPointer, parseCommandArgs, secondsFlag } from './args.js';
import { runConformSs12000Command } from './conform-ss12000.js';

const USAGE = `Usage: provtjanst-mock conform push --client "<command>" [options]
       provtjanst-mock conform ss12000 --url <your API's base URL> [options]   (see conform ss12000 --help)

Runs scenarios (scenarios/*.yaml) against your push client: starts the mock, gives your command the
PROVTJANST_* environment (docs/conformance.md), and judges its traffic with the rules in docs/rules.md.

Options:
  --client <command>     The command that runs your push client (run by the shell). Required.
  --scenario <id|file>   A built-in scenario id or a YAML file; repeat or comma-separate. Default: all built-in.
  --reporter <names>     Comma-separated: ${REPORTER_NAMES.join(', ')} (default: console). Chooses which
                         files are written: json, junit, html and har write into --out, console writes none.
  --out <dir>            Folder for the file reports (default: reports/conformance). A run that writes any
                         replaces the whole set there (conformance.json, junit.xml, conformance.html, har/).
  --timeout <seconds>    Time limit of each client run (default: each scenario's own).
  --jobs <n>             Scenarios run at once, each with its own mock, ports and folders; reports keep
                         the scenarios' order (default here: ${defaultJobs()}; 1 with --verbose).
  --list                 List the scenarios and the rules each checks; run nothing (default off).
  --verbose              Echo the client's output to stderr (default off).
  --quiet                No progress lines on stderr (default off).
  -h, --help             Show this help.

Exit codes: 0 every rule passed; 1 a rule failed; 2 the harness or the configuration is at fault.`;

const EXIT_USAGE = 2;

/**
 * Scenarios spend most of their time waiting (client start-up, job delays, rate windows): the whole default
 * suite uses about 11 s of CPU in 20 s. So three per core, at most 6 (6 on 2 cores, where 6 brings the
 * suite near its longest scenario and more gains little; bench/README.md, docs/conformance.md).
 */
export function defaultJobs(): number {
  return Math.max(1, Math.min(6, availableParallelism() * 3));
}

class UsageError extends Error {}

function splitList(values: readonly string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

function parse(argv: string[]) {
  const { values, positionals } = parseCommandArgs(argv, {
    client: { type: 'string' },
    scenario: { type: 'string', multiple: true },
    reporter: { type: 'string', multiple: true },
    out: { type: 'string' },
    timeout: { type: 'string' },
    jobs: { type: 'string' },
    list: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  return {
    values: values as {
      client?: string;
      scenario?: string[];
      reporter?: string[];
      out?: string;
      timeout?: string;
      jobs?: string;
      list: boolean;
      verbose: boolean;
      quiet: boolean;
      help: boolean;
    },
    positionals,
  };
}

function listScenarios(scenarioArgs: string[]): number {
  const scenarios = resolveScenarios(scenarioArgs, undefined, 'push');
  for (const scenario of scenarios) {
    console.log(`${scenario.id} — ${scenario.title}`);
    for (const line of scenario.description.trim().split('\n')) console.log(`  ${line}`);
    console.log('  checks:');
    for (const { ruleId } of scenario.rules)
      console.log(`    ${ruleId.padEnd(16)} ${findRule(ruleId)?.title ?? ''}`);
    console.log('');
  }
  return 0;
}

/** Runs the command and returns its exit code: 0 passed, 1 a rule failed, 2 harness or configuration fault. */
export async function runConformCommand(argv: string[]): Promise<number> {
  if (argv[0] === 'ss12000') return runConformSs12000Command(argv.slice(1));
  try {
    const { values, positionals } = parse(argv);
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    const [target, ...extra] = positionals;
    if (target !== 'push')
      throw new UsageError(
        target
          ? `unknown target "${target}" (push or ss12000)`
          : 'say what to check: conform push, or conform ss12000',
      );
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
    const scenarioArgs = splitList(values.scenario);
    if (values.list) return listScenarios(scenarioArgs);
    const client = values.client?.trim();
    if (!client)
      throw new UsageError('--client "<command>" is required (the command that runs your push client)');
    const timeoutSeconds = secondsFlag('timeout', values.timeout);
    // --verbose echoes the client's output, which stays readable only one client at a time.
    let jobs = values.verbose ? 1 : defaultJobs();
    if (values.jobs !== undefined) {
      jobs = Number(values.jobs);
      if (!Number.isInteger(jobs) || jobs < 1)
        throw new UsageError(`--jobs must be a whole number of at least 1, got "${values.jobs}"`);
    }
    const reporterNames = splitList(values.reporter);
    const unknown = reporterNames.find((name) => !isReporterName(name));
    if (unknown) throw new UsageError(`unknown reporter "${unknown}" (known: ${REPORTER_NAMES.join(', ')})`);
    const scenarios = resolveScenarios(scenarioArgs, undefined, 'push');
    if (scenarios.length === 0) throw new UsageError('no scenarios to run');
    const options = {
      outDir: resolve(values.out ?? 'reports/conformance'),
      stdout: process.stdout,
      stderr: process.stderr,
    };
    const reporters = createReporters(reporterNames.length > 0 ? reporterNames : ['console'], options);
    if (!values.quiet) reporters.unshift(createProgressReporter(options));
    const report = await runConformance({
      client,
      scenarios,
      reporters,
      version: packageVersion(),
      jobs,
      ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
      ...(values.verbose ? { onClientOutput: (text: string) => process.stderr.write(text) } : {}),
    });
    for (const scenario of report.scenarios) {
      if (scenario.harnessError)
        console.error(`provtjanst-mock conform: harness error in ${scenario.id}: ${scenario.harnessError}`);
    }
    return report.exitCode;
  } catch (error) {
    if (error instanceof ScenarioError) {
      console.error(
        error.code === 'scenario_not_found'
          ? `provtjanst-mock conform: ${error.message}`
          : `provtjanst-mock conform: invalid scenario\n${error.message}`,
      );
      return EXIT_USAGE;
    }
    if (error instanceof UsageError || error instanceof CliUsageError) {
      console.error(`provtjanst-mock conform: ${(error as Error).message}\n${helpPointer('conform push')}`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
