// The `generate` command: writes the files, rejects bad flags with exit code 2 naming the flag, stays quiet in tests.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { runGenerateCommand } from '../../src/cli/generate.js';
import { runCli } from '../../src/cli/main.js';
import { DEFECT_KINDS } from '../../src/generator/index.js';

const root = mkdtempSync(join(tmpdir(), 'provtjanst-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => join(root, `out-${n++}`);

let log: MockInstance<typeof console.log>;
let error: MockInstance<typeof console.error>;
let stderrWrite: MockInstance<typeof process.stderr.write>;
beforeEach(() => {
  log = vi.spyOn(console, 'log').mockImplementation(() => {});
  error = vi.spyOn(console, 'error').mockImplementation(() => {});
  stderrWrite = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => vi.restoreAllMocks());

const printedErrors = () => error.mock.calls.map((args) => args.join(' ')).join('\n');

describe('provtjanst-mock generate', () => {
  it('writes the provisioning files and summary.json, and says what it wrote', async () => {
    const out = freshDir();
    const code = await runGenerateCommand([
      '--org',
      '5567044268',
      '--pupils',
      '120',
      '--staff',
      '15',
      '--seed',
      '7',
      '--out',
      out,
    ]);
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'activities.json',
      'duties.json',
      'groups.json',
      'persons.json',
      'summary.json',
    ]);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.totals).toMatchObject({ pupils: 120, staff: 15 });
    expect(summary.seed).toBe('7');
    expect(log.mock.calls.join('\n')).toMatch(/Testorganisation AB \(5567044268\), 135 persons/);
    expect(stderrWrite).not.toHaveBeenCalled();
  });

  it('writes dataset.json with --format ss12000 and defects.json with --defects', async () => {
    const out = freshDir();
    const code = await runGenerateCommand([
      '--org',
      '2120002411',
      '--pupils',
      '60',
      '--format',
      'ss12000',
      '--defects',
      '3',
      '--out',
      out,
    ]);
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['dataset.json', 'defects.json', 'summary.json']);
    const defects = JSON.parse(readFileSync(join(out, 'defects.json'), 'utf8'));
    expect(defects.defects.map((d: { kind: string }) => d.kind)).toEqual([
      'bad-luhn',
      'impossible-date',
      'missing-eppn',
    ]);
  });

  it('takes repeated --defect flags', async () => {
    const out = freshDir();
    const code = await runGenerateCommand([
      '--org',
      '5567044268',
      '--pupils',
      '30',
      '--defect',
      'two-eppns',
      '--defect',
      'duty-missing-person',
      '--out',
      out,
    ]);
    expect(code).toBe(0);
    const defects = JSON.parse(readFileSync(join(out, 'defects.json'), 'utf8'));
    expect(defects.defects.map((d: { kind: string }) => d.kind)).toEqual([
      'two-eppns',
      'duty-missing-person',
    ]);
  });

  it('gives byte-identical files for the same flags, run through the dispatcher', async () => {
    const [a, b] = [freshDir(), freshDir()];
    const flags = ['--org', '5569123457', '--pupils', '90', '--seed', 'x', '--defects', '2'];
    expect(await runCli(['generate', ...flags, '--out', a])).toBe(0);
    expect(await runCli(['generate', ...flags, '--out', b])).toBe(0);
    for (const name of readdirSync(a))
      expect(readFileSync(join(a, name)).equals(readFileSync(join(b, name))), name).toBe(true);
  });

  it.each([
    [['--pupils', '100'], '--org'],
    [['--org', '123'], '--org'],
    [['--org', '9999999999'], '--org'],
    [['--org', '5567044268', '--pupils', 'many'], '--pupils'],
    [['--org', '5567044268', '--pupils', '-5'], '--pupils'],
    [['--org', '5567044268', '--staff', '2.5'], '--staff'],
    [['--org', '5567044268', '--defects', 'x'], '--defects'],
    [['--org', '5567044268', '--defect', 'bad-vibes'], '--defect'],
    [['--org', '5567044268', '--format', 'csv'], '--format'],
    [['--org', '5567044268', '--today', '2026-13-01'], '--today'],
    [['--org', '5567044268', '--open-data', '/nonexistent/open-data.json'], '--open-data'],
    [['--org', '5567044268', '--pupil', '10'], '--pupil'],
    [['--org'], '--org'],
    [['--org', '5567044268', 'extra'], 'extra'],
  ])('rejects %j with exit code 2, naming %s', async (argv, flag) => {
    const out = freshDir();
    expect(await runGenerateCommand([...argv, '--out', out])).toBe(2);
    expect(printedErrors()).toContain(flag);
    expect(() => readdirSync(out)).toThrow();
  });

  it('lists every defect kind with its rule code in --help', async () => {
    expect(await runGenerateCommand(['--help'])).toBe(0);
    const help = log.mock.calls.join('\n');
    for (const kind of DEFECT_KINDS) expect(help).toContain(kind);
    expect(help).toMatch(/bad-luhn\s+3122 Error/);
    expect(help).toMatch(/name-derived-eppn\s+3047 Warning/);
  });
});
