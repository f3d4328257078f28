// `provtjanst-mock conform push`: argument handling, --list, exit codes 1 and 2, and the reports it writes.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { runConformCommand } from '../../../src/cli/conform.js';
import { runConformance } from '../../../src/conformance/push/runner/run-conformance.js';
import { resolveScenarios } from '../../../src/conformance/scenario/find-scenarios.js';
import { loadScenarioFile } from '../../../src/conformance/scenario/load-scenario.js';
import { conformanceReportSchema } from '../support/report-schema.js';
import { parseXml } from '../support/xml-parse.js';

let out: MockInstance;
let err: MockInstance;
let stderrWrite: MockInstance;

beforeEach(() => {
  out = vi.spyOn(console, 'log').mockImplementation(() => {});
  err = vi.spyOn(console, 'error').mockImplementation(() => {});
  stderrWrite = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => vi.restoreAllMocks());

const printed = (spy: MockInstance) => spy.mock.calls.map((c) => String(c[0])).join('\n');

describe('conform push: arguments', () => {
  it('--list prints every scenario and the rules it checks', async () => {
    expect(await runConformCommand(['push', '--list'])).toBe(0);
    const text = printed(out);
    expect(text).toContain('rate-limit-storm — Rate-limit storm');
    expect(text).toMatch(/ {4}PUSH-RATE-002 +Waits X-RateLimit-Reset after a 429/);
  });

  it('exits 2 without --client, saying so', async () => {
    expect(await runConformCommand(['push'])).toBe(2);
    expect(printed(err)).toContain('--client "<command>" is required');
  });

  it('exits 2 for an unknown target, reporter or scenario', async () => {
    expect(await runConformCommand(['pull', '--client', 'true'])).toBe(2);
    expect(await runConformCommand(['push', '--client', 'true', '--reporter', 'console,tap'])).toBe(2);
    expect(printed(err)).toContain('unknown reporter "tap"');
    expect(await runConformCommand(['push', '--client', 'true', '--scenario', 'no-such-thing'])).toBe(2);
    expect(printed(err)).toContain('no push scenario with the id "no-such-thing"');
  });

  it('exits 2 for an invalid scenario file, naming file and line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'conform-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(
      file,
      'id: bad\ntitle: Bad\ndescription: x\ntarget: push\ndataset: { generate: {} }\nrules: [PUSH-NOPE-001]\n',
    );
    expect(await runConformCommand(['push', '--client', 'true', '--scenario', file])).toBe(2);
    expect(printed(err)).toMatch(/bad\.yaml:6:9 rules\[0\]: unknown rule "PUSH-NOPE-001"/);
  });
});

describe('conform push: runs', () => {
  it('exits 1 when a rule fails, and writes every report', { timeout: 60_000 }, async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'conform-out-'));
    const code = await runConformCommand([
      'push',
      '--client',
      'node test/fixtures/mutants/push-no-job-follow.mjs',
      '--scenario',
      'happy-path',
      '--reporter',
      'json,junit,html,har',
      '--out',
      outDir,
    ]);
    expect(code).toBe(1);
    const report = conformanceReportSchema.parse(
      JSON.parse(readFileSync(join(outDir, 'conformance.json'), 'utf8')),
    );
    expect(report.scenarios[0]?.rules.filter((r) => r.status === 'failed').map((r) => r.ruleId)).toEqual([
      'PUSH-ORDER-001',
      'PUSH-JOB-001',
    ]);
    expect(parseXml(readFileSync(join(outDir, 'junit.xml'), 'utf8')).attributes.failures).toBe('2');
    expect(readFileSync(join(outDir, 'conformance.html'), 'utf8')).toContain('<svg class="timeline"');
    expect(existsSync(join(outDir, 'har', 'happy-path.har'))).toBe(true);
    expect(stderrWrite.mock.calls.map((c) => String(c[0])).join('')).toContain(
      '[1/1] happy-path: run 1: starting the client',
    );
  });

  it('reports a harness fault as status error and exit code 2, never as a client failure', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'conform-harness-'));
    mkdirSync(join(dir, 'broken'));
    writeFileSync(join(dir, 'broken', 'persons.json'), '{ not json');
    writeFileSync(
      join(dir, 'broken-fixture.yaml'),
      'id: broken-fixture\ntitle: Broken\ndescription: x\ntarget: push\ndataset: { fixture: broken }\nrules: [PUSH-DATA-001]\n',
    );
    const report = await runConformance({
      client: 'true',
      scenarios: [loadScenarioFile(join(dir, 'broken-fixture.yaml'))],
      reporters: [],
    });
    expect(report.exitCode).toBe(2);
    expect(report.scenarios[0]?.harnessError).toMatch(/JSON/);
    expect(report.scenarios[0]?.rules[0]).toMatchObject({ ruleId: 'PUSH-DATA-001', status: 'error' });
  });

  it('a client that calls nothing gets a headline and no green rule', { timeout: 60_000 }, async () => {
    const report = await runConformance({
      client: 'true',
      scenarios: resolveScenarios(['happy-path'], undefined, 'push'),
      reporters: [],
    });
    const [scenario] = report.scenarios;
    expect(report.exitCode).toBe(1);
    expect(scenario?.headlines).toEqual([
      expect.stringMatching(
        /^your command exited 0 after \d+\.\d s without calling the mock: is `--client` right\?$/,
      ),
    ]);
    expect(scenario?.rules.filter((r) => r.status === 'passed').map((r) => r.ruleId)).toEqual([]);
    expect(scenario?.rules.filter((r) => r.status === 'failed').map((r) => r.ruleId)).toEqual([
      'PUSH-AUTH-001',
      'PUSH-DATA-001',
    ]);
  });

  it('exits 2 when the shell cannot start the client command (127: not found)', {
    timeout: 60_000,
  }, async () => {
    const report = await runConformance({
      client: 'provtjanst-no-such-client-command --push',
      scenarios: resolveScenarios(['happy-path'], undefined, 'push'),
      reporters: [],
    });
    expect(report.exitCode).toBe(2);
    expect(report.scenarios[0]?.harnessError).toMatch(
      /^could not start the client command: the shell answered 127 \(command not found\)/,
    );
    expect(report.scenarios[0]?.runs).toHaveLength(1);
  });
});
