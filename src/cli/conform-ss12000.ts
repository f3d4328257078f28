// `provtjanst-mock conform ss12000`: runs pull scenarios against a vendor's SS 12000 API and reports rule by rule.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ALL_SETTINGS, loadConfigFile, resolveSettings, type Settings } from '../config/index.js';
import { packageVersion } from '../conformance/package-info.js';
import { createHookDriver, createInteractiveDriver } from '../conformance/pull/probe/change-driver.js';
import { findPullRule } from '../conformance/pull/rules/pull-catalogue.js';
import type { PullRunSettings } from '../conformance/pull/runner/probe-context.js';
import {
  DEFAULT_ORGANISATION,
  type PullMockInfo,
  PullRunError,
  runSs12000Conformance,
} from '../conformance/pull/runner/run-ss12000-conformance.js';
import { createProgressReporter } from '../conformance/reporters/progress-reporter.js';
import { createReporters, isReporterName, REPORTER_NAMES } from '../conformance/reporters/registry.js';
import { resolveScenarios } from '../conformance/scenario/find-scenarios.js';
import { ScenarioError } from '../conformance/scenario/scenario-error.js';
import { ensureClientFiles, parseOrganisationNumber } from '../mock-auth/index.js';
import { normaliseApiUrl } from '../mock-ss12000-client/index.js';
import { CliUsageError, helpPointer, parseCommandArgs, secondsFlag, settingOptions } from './args.js';
import { portInUse, portInUseMessage } from './port-in-use.js';

export const CONFORM_SS12000_USAGE = `Usage: provtjanst-mock conform ss12000 --url <your API's base URL> [options]

Plays Skolverket's SS12000 client against your SS 12000 API: starts the mock (authorization server,
JWKS, webhook receiver), runs the pull scenarios (scenarios/ss12000-*.yaml) and judges what comes back
with the PULL rules of docs/rules.md. See docs/conformance-ss12000.md.

Options:
  --url <url>               Your API's base URL, exactly as a huvudman would register it. Required.
  --org <number>            The huvudman whose data the API serves (default ${DEFAULT_ORGANISATION}).
  --change-hook <command>   A command that makes your system change data, for the webhook and deletion
                            scenarios; it gets PROVTJANST_CHANGE, PROVTJANST_CHANGE_ID(S), … Without it
                            (and without --interactive) those rules are reported as skipped.
  --interactive             Ask a person at the keyboard to make each change instead (stdin must be a terminal).
  --scenario <id|file>      A built-in scenario id or a YAML file; repeat or comma-separate. Default: all ss12000 ones.
  --reporter <names>        Comma-separated: ${REPORTER_NAMES.join(', ')} (default: console). Chooses
                            which files are written: json, junit, html and har write into --out.
  --out <dir>               Folder for the file reports (default: reports/conformance). A run that writes
                            any replaces the whole set there (conformance.json, junit.xml, conformance.html, har/).
  --jwks-out <file>         Write the mock's JWKS (the keys Skolverket's tokens are signed with) to this file
                            (default: not written).
  --webhook-timeout <s>     How long to wait for a webhook after a change (default 60).
  --request-timeout <s>     Time limit of each call to your API (default 30).
  --list                    List the scenarios and the rules each checks; run nothing (default off).
  --verbose                 Echo the change hook's output to stderr (default off).
  --quiet                   No progress lines on stderr (default off).
  --config <file>           JSON config file of mock settings, as for "serve" (default none).
  -h, --help                Show this help.

The mock takes every "serve" setting as a flag (provtjanst-mock serve --help), notably:
  --port <n>                HTTP: JWKS, open data, webhook targets (default 8080; 0 picks a free one).
  --https-port <n>          HTTPS with client certificates: /transaction for your webhook tokens (default 8443).
  --state-dir <dir>         CA, signing keys and client certificates (default ./.provtjanst-mock, as serve):
                            the same keys every run, so an API that trusted them once keeps trusting them.
  --public-url <url>        The mock's URL as your API reaches it (e.g. from a container).

Exit codes: 0 every rule passed; 1 a rule failed; 2 the harness or the configuration is at fault.`;

const EXTRA_OPTIONS = {
  url: { type: 'string' },
  org: { type: 'string' },
  'change-hook': { type: 'string' },
  interactive: { type: 'boolean' },
  scenario: { type: 'string', multiple: true },
  reporter: { type: 'string', multiple: true },
  out: { type: 'string' },
  'jwks-out': { type: 'string' },
  'webhook-timeout': { type: 'string' },
  'request-timeout': { type: 'string' },
  list: { type: 'boolean' },
  verbose: { type: 'boolean' },
  quiet: { type: 'boolean' },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export class ConformUsageError extends Error {}

function splitList(value: unknown): string[] {
  const values = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  return values
    .flatMap((v: string) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

function seconds(flag: string, raw: unknown): number | undefined {
  const value = secondsFlag(flag, raw);
  return value === undefined ? undefined : Math.round(value * 1000);
}

function listScenarios(args: string[]): number {
  for (const scenario of resolveScenarios(args, undefined, 'ss12000')) {
    console.log(`${scenario.id} — ${scenario.title}`);
    for (const line of scenario.description.trim().split('\n')) console.log(`  ${line}`);
    console.log('  checks:');
    for (const { ruleId } of scenario.rules)
      console.log(`    ${ruleId.padEnd(16)} ${findPullRule(ruleId)?.title ?? ''}`);
    console.log('');
  }
  return 0;
}

function banner(info: PullMockInfo, certDir: string): string {
  return [
    `provtjanst-mock conform ss12000: Skolverket's side listens on ${info.root}`,
    `  JWKS to trust:     ${info.jwksUrl}${info.jwksFile ? ` (also written to ${info.jwksFile})` : ''}`,
    `  webhook tokens:    ${info.transactionUrl} (mTLS; client certificate in ${certDir})`,
    `  webhook targets:   ${info.webhookBase}… (sent in POST /subscriptions)`,
    `  keys and CA:       ${info.stateDir} (kept between runs)`,
    '',
  ].join('\n');
}

/** Runs the command and returns its exit code: 0 passed, 1 a rule failed, 2 harness or configuration fault. */
async function conformSs12000(argv: string[]): Promise<number> {
  const { values: flags, positionals } = parseCommandArgs(argv, settingOptions(ALL_SETTINGS, EXTRA_OPTIONS), {
    allowNegative: true,
  });
  if (flags.help) {
    console.log(CONFORM_SS12000_USAGE);
    return 0;
  }
  if (positionals.length > 0) throw new ConformUsageError(`unexpected argument "${positionals[0]}"`);
  const scenarioArgs = splitList(flags.scenario);
  if (flags.list) return listScenarios(scenarioArgs);
  const url = typeof flags.url === 'string' ? flags.url.trim() : '';
  if (!url) throw new ConformUsageError("--url <base URL> is required (your SS 12000 API's base URL)");
  if (!normaliseApiUrl(url))
    throw new ConformUsageError(`--url "${url}" is not an http(s) base URL without query or fragment`);
  const organisationNumber = parseOrganisationNumber(
    typeof flags.org === 'string' ? flags.org : DEFAULT_ORGANISATION,
  );
  if (!organisationNumber)
    throw new ConformUsageError(`--org must be a 10-digit organisation number, got "${String(flags.org)}"`);
  const hook = typeof flags['change-hook'] === 'string' ? flags['change-hook'].trim() : '';
  if (hook && flags.interactive) throw new ConformUsageError('give --change-hook or --interactive, not both');
  if (flags.interactive && !process.stdin.isTTY)
    throw new ConformUsageError('--interactive needs a terminal on stdin; use --change-hook in CI');
  const reporterNames = splitList(flags.reporter);
  const unknown = reporterNames.find((name) => !isReporterName(name));
  if (unknown)
    throw new ConformUsageError(`unknown reporter "${unknown}" (known: ${REPORTER_NAMES.join(', ')})`);
  const webhookTimeoutMs = seconds('webhook-timeout', flags['webhook-timeout']);
  const requestTimeoutMs = seconds('request-timeout', flags['request-timeout']);
  const scenarios = resolveScenarios(scenarioArgs, undefined, 'ss12000');
  if (scenarios.length === 0) throw new ConformUsageError('no scenarios to run');

  const configFile = typeof flags.config === 'string' ? flags.config : process.env.PROVTJANST_CONFIG;
  const mockSettings: Settings = resolveSettings(ALL_SETTINGS, {
    flags: flags as Record<string, string | boolean | string[] | undefined>,
    env: process.env,
    ...(configFile ? { file: loadConfigFile(configFile), fileName: configFile } : {}),
  });
  // --jwks-out may name a file in the report folder, which the reporters have not made yet.
  const jwksOut = typeof flags['jwks-out'] === 'string' ? resolve(flags['jwks-out']) : undefined;
  if (jwksOut) mkdirSync(dirname(jwksOut), { recursive: true });
  const certDir = (await ensureClientFiles(mockSettings.stateDir, organisationNumber)).dir;
  const options = {
    outDir: resolve(typeof flags.out === 'string' ? flags.out : 'reports/conformance'),
    stdout: process.stdout,
    stderr: process.stderr,
  };
  const reporters = createReporters(reporterNames.length > 0 ? reporterNames : ['console'], options);
  if (!flags.quiet) reporters.unshift(createProgressReporter(options));
  // The probes keep the SS12000 client's own guards (--ss12000-max-response-bytes, --ss12000-page-limit…).
  const settings: Partial<PullRunSettings> = {
    requestTimeoutMs: requestTimeoutMs ?? mockSettings.ss12000RequestTimeout,
    maxResponseBytes: mockSettings.ss12000MaxResponseBytes,
    pageLimit: mockSettings.ss12000PageLimit,
    lookbackMs: mockSettings.ss12000WebhookLookback,
    ...(webhookTimeoutMs ? { webhookTimeoutMs } : {}),
  };
  const changeDriver = hook
    ? createHookDriver({
        command: hook,
        timeoutMs: 120_000,
        ...(flags.verbose ? { onOutput: (text: string) => process.stderr.write(text) } : {}),
      })
    : flags.interactive
      ? createInteractiveDriver(process.stdin, process.stderr, Date.now)
      : undefined;
  try {
    const report = await runSs12000Conformance({
      vendorUrl: url,
      organisationNumber,
      scenarios,
      mockSettings,
      settings,
      reporters,
      version: packageVersion(),
      ...(changeDriver ? { changeDriver } : {}),
      ...(jwksOut ? { jwksOut } : {}),
      onMockReady: (info) => process.stderr.write(banner(info, certDir)),
    });
    for (const scenario of report.scenarios) {
      if (scenario.harnessError)
        console.error(`provtjanst-mock conform: harness error in ${scenario.id}: ${scenario.harnessError}`);
    }
    return report.exitCode;
  } catch (error) {
    if (error instanceof PullRunError) {
      const port = portInUse(error);
      console.error(`provtjanst-mock conform ss12000: ${port ? portInUseMessage(port) : error.message}`);
      return 2;
    }
    throw error;
  }
}

/** `conform ss12000 …`: the exit code; usage and scenario errors are printed and exit 2. */
export async function runConformSs12000Command(argv: string[]): Promise<number> {
  try {
    return await conformSs12000(argv);
  } catch (error) {
    if (error instanceof ScenarioError) {
      console.error(
        error.code === 'scenario_not_found'
          ? `provtjanst-mock conform ss12000: ${error.message}`
          : `provtjanst-mock conform ss12000: invalid scenario\n${error.message}`,
      );
      return 2;
    }
    if (error instanceof ConformUsageError || error instanceof CliUsageError) {
      console.error(`provtjanst-mock conform ss12000: ${error.message}\n${helpPointer('conform ss12000')}`);
      return 2;
    }
    throw error;
  }
}
