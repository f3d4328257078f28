// The provtjanst-mock command: dispatches to one module per subcommand and maps failures to exit codes.
import { SettingsError } from '../config/index.js';
import { packageVersion } from '../conformance/package-info.js';
import { CliUsageError, closestName, helpPointer } from './args.js';
import { MockUnreachableError } from './mock-connection.js';

/** Exit codes shared by every command (the conformance runner documents the same three). */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

type CommandRunner = (argv: string[]) => Promise<number>;

const COMMANDS: Record<string, { summary: string; load: () => Promise<CommandRunner> }> = {
  serve: {
    summary: 'Start every Skolverket-side component (auth, open data, provisioning, SS12000 client).',
    load: async () => (await import('./serve.js')).runServeCommand,
  },
  generate: {
    summary: 'Generate a realistic huvudman dataset (valid by construction, or with chosen defects).',
    load: async () => (await import('./generate.js')).runGenerateCommand,
  },
  ss12000: {
    summary: 'Register vendor SS 12000 APIs with the running mock, list them, and trigger syncs.',
    load: async () => (await import('./ss12000.js')).runSs12000Command,
  },
  conform: {
    summary: "Run conformance scenarios against a vendor's push client or SS 12000 API, rule by rule.",
    load: async () => (await import('./conform.js')).runConformCommand,
  },
  certs: {
    summary: 'Create the dev CA and issue client certificates for an organisation.',
    load: async () => (await import('./certs.js')).runCertsCommand,
  },
  token: {
    summary: 'Print a bearer token from the running mock, fetched over mTLS with the dev certificate.',
    load: async () => (await import('./token.js')).runTokenCommand,
  },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, { summary }]) => `  ${name.padEnd(10)} ${summary}`);
  return [
    'Usage: provtjanst-mock <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    '  -h, --help      Show this help',
    '  -v, --version   Print the version',
    '',
    'Run `provtjanst-mock <command> --help` for the options of one command.',
  ].join('\n');
}

/** Runs the CLI and returns the exit code; never throws. */
export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version' || name === '-v') {
    console.log(`provtjanst-mock ${packageVersion()}`);
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    const near = closestName(name, Object.keys(COMMANDS));
    console.error(
      `provtjanst-mock: unknown command "${name}"${near ? `; did you mean "${near}"?` : ''}\n\n${usage()}`,
    );
    return EXIT.usage;
  }
  try {
    const run = await command.load();
    return await run(rest);
  } catch (error) {
    if (error instanceof SettingsError || error instanceof CliUsageError) {
      console.error(`provtjanst-mock ${name}: ${error.message}\n${helpPointer(name)}`);
      return EXIT.usage;
    }
    if (error instanceof MockUnreachableError) {
      console.error(`provtjanst-mock ${name}: ${error.message}`);
      return EXIT.usage;
    }
    const coded = error as { code?: unknown; message?: string };
    if (typeof coded.code === 'string' && coded.message) {
      console.error(`provtjanst-mock ${name}: ${coded.message} [${coded.code}]`);
      return EXIT.usage;
    }
    console.error(`provtjanst-mock ${name}: unexpected failure`, error);
    return EXIT.usage;
  }
}
