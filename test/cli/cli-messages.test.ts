// The CLI's messages in words: unknown options, bad numbers, unknown scenarios, help defaults, exit codes.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/pki.js';
import { runCliCaptured as cli, closedPort } from './run-cli.js';

const HELP_POINTER = (command: string) => `Run \`provtjanst-mock ${command} --help\` for the options.`;

describe('unknown options', () => {
  it('suggests the nearest option and points at --help, without parseArgs wording', async () => {
    const { code, err } = await cli(['generate', '--org', '5567044268', '--pupil', '5']);
    expect(code).toBe(2);
    expect(err).toBe(
      `provtjanst-mock generate: unknown option --pupil; did you mean --pupils?\n${HELP_POINTER('generate')}`,
    );
  });

  it('does so for serve, whose flags come from the settings table', async () => {
    const { code, err } = await cli(['serve', '--prot', '1']);
    expect(code).toBe(2);
    expect(err).toContain('unknown option --prot; did you mean --port?');
    expect(err).toContain(HELP_POINTER('serve'));
  });

  it('does so for conform push and ss12000', async () => {
    const push = await cli(['conform', 'push', '--clinet', 'true']);
    expect(push).toMatchObject({
      code: 2,
      err: expect.stringContaining('unknown option --clinet; did you mean --client?'),
    });
    expect(push.err).not.toMatch(/To specify a positional argument/);
    const pull = await cli(['ss12000', 'list', '--mock-uri', 'http://x']);
    expect(pull).toMatchObject({ code: 2, err: expect.stringContaining('did you mean --mock-url?') });
  });

  it('does so for certs', async () => {
    const { code, err } = await cli(['certs', 'issue', '--orgg', '5567044268', '--out', 'x']);
    expect(code).toBe(2);
    expect(err).toBe(
      `provtjanst-mock certs: unknown option --orgg; did you mean --org?\n${HELP_POINTER('certs')}`,
    );
  });

  it('suggests a command for a misspelt one', async () => {
    const { code, err } = await cli(['gnerate']);
    expect(code).toBe(2);
    expect(err).toContain('unknown command "gnerate"; did you mean "generate"?');
  });
});

describe('numbers', () => {
  it('says a negative count is not a whole number, in plain words', async () => {
    const { code, err } = await cli(['generate', '--org', '5567044268', '--pupils', '-5']);
    expect(code).toBe(2);
    expect(err.split('\n')[0]).toBe('provtjanst-mock generate: --pupils must be a whole number, got "-5"');
  });

  it('says --port must be a whole number, not the validation library wording', async () => {
    const { code, err } = await cli(['serve', '--port', 'abc']);
    expect(code).toBe(2);
    expect(err.split('\n')[0]).toBe('provtjanst-mock serve: --port must be a whole number, got "abc"');
    expect(err).not.toMatch(/Invalid input|expected number|NaN/);
    const low = await cli(['serve', '--port', '-1']);
    expect(low.err.split('\n')[0]).toBe('provtjanst-mock serve: --port must be at least 0, got "-1"');
  });

  it('says a missing value is missing', async () => {
    const { code, err } = await cli(['generate', '--org']);
    expect(code).toBe(2);
    expect(err.split('\n')[0]).toBe('provtjanst-mock generate: --org needs a value');
  });
});

describe('unknown scenario ids', () => {
  it('are named without a fake file:line and list only the push ids', async () => {
    const { code, err } = await cli(['conform', 'push', '--list', '--scenario', 'nope']);
    expect(code).toBe(2);
    const line = err.split('\n')[0] as string;
    expect(line).toMatch(
      /^provtjanst-mock conform: no push scenario with the id "nope" \(known push scenarios: /,
    );
    expect(line).toContain('happy-path');
    expect(line).not.toContain('ss12000-');
    expect(err).not.toMatch(/nope:1:1/);
  });

  it('say which command runs a scenario of the other target', async () => {
    const { code, err } = await cli(['conform', 'push', '--list', '--scenario', 'ss12000-full-sync']);
    expect(code).toBe(2);
    expect(err).toContain('"ss12000-full-sync" is an ss12000 scenario; run it with `conform ss12000`');
    const pull = await cli(['conform', 'ss12000', '--list', '--scenario', 'nope']);
    expect(pull.err).toMatch(/no ss12000 scenario with the id "nope" \(known ss12000 scenarios: ss12000-/);
    expect(pull.err).not.toContain('happy-path');
  });
});

describe('help', () => {
  it('lists --version at the top level, and --version prints the package version', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/-v, --version +Print the version/);
    expect(help.out).toMatch(/token +Print a bearer token/);
    const version = JSON.parse(readFileSync('package.json', 'utf8')).version as string;
    expect(await cli(['--version'])).toMatchObject({ code: 0, out: `provtjanst-mock ${version}` });
  });

  it("shows each serve flag's default", async () => {
    const { code, out } = await cli(['serve', '--help']);
    expect(code).toBe(0);
    expect(out).toMatch(/--port <value> +HTTP port \(0 picks a free one\)\. \(default 8080\)/);
    expect(out).toMatch(/--insecure-dev-auth .*\(default off\)/);
    expect(out).toMatch(/--public-url <value> .*\(default none\)/);
    const flagLines = out.split('\n').filter((line) => /^ {2}--[a-z]/.test(line));
    expect(flagLines.length).toBeGreaterThan(20);
    for (const line of flagLines) expect(line).toContain('(default ');
  });

  it('shows the defaults of the other commands too', async () => {
    expect((await cli(['generate', '--help'])).out).toMatch(/--pupils <n> +Number of pupils \(default 100\)/);
    expect((await cli(['ss12000', '--help'])).out).toMatch(
      /--timeout S +Seconds --wait waits at most \(default 300\)/,
    );
    expect((await cli(['token', '--help'])).out).toMatch(
      /--type <type> +provisioning-api or ss12000-client \(default provisioning-api\)/,
    );
    expect((await cli(['conform', 'push', '--help'])).out).toMatch(
      /--reporter <names> .*\(default: console\)/,
    );
  });
});

describe('exit codes when the mock is not there', () => {
  it('ss12000 list exits 2 and says to start it with npm start', async () => {
    const port = await closedPort();
    const { code, err } = await cli(['ss12000', 'list', '--mock-url', `http://127.0.0.1:${port}`]);
    expect(code).toBe(2);
    expect(err).toBe(
      `provtjanst-mock ss12000: cannot reach the mock at http://127.0.0.1:${port} (connection refused); ` +
        'start it with `npm start` (or point --mock-url at the one you run)',
    );
  });

  it('token exits 2 the same way', async () => {
    const stateDir = makeTempDir('token-down-');
    const port = await closedPort();
    // A state dir with a CA, as a mock that ran there leaves it.
    await cli(['certs', 'ca', '--state-dir', stateDir]);
    const { code, err } = await cli([
      'token',
      '--org',
      '5567044268',
      '--mock-url',
      'http://127.0.0.1:1',
      '--https-port',
      String(port),
      '--state-dir',
      stateDir,
    ]);
    expect(code).toBe(2);
    expect(err).toContain(
      `cannot reach the mock at https://127.0.0.1:${port} (connection refused); start it with \`npm start\``,
    );
  });

  it('token without a dev CA says to start the mock first', async () => {
    const stateDir = makeTempDir('token-no-ca-');
    const { code, err } = await cli(['token', '--org', '5567044268', '--state-dir', stateDir]);
    expect(code).toBe(2);
    expect(err).toContain(`no dev CA in ${stateDir}; start the mock there first with \`npm start\``);
  });
});

describe('a port already in use', () => {
  let blocker: Server;
  let port: number;
  beforeAll(async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    port = (blocker.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => blocker.close(() => resolve())));

  it('serve says another provtjanst-mock may be running, and which flags move it (exit 2)', async () => {
    const stateDir = makeTempDir('serve-busy-');
    const { code, err } = await cli([
      'serve',
      '--port',
      String(port),
      '--https-port',
      '0',
      '--state-dir',
      stateDir,
    ]);
    expect(code).toBe(2);
    expect(err).toBe(
      `provtjanst-mock serve: port ${port} is already in use: another provtjanst-mock may be running ` +
        '(stop it with Ctrl-C); use --port/--https-port to pick others (0 picks a free one)',
    );
  });
});
