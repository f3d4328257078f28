// `provtjanst-mock certs`: creates the dev CA and issues client certificates (both identification modes).
import type { parseArgs } from 'node:util';
import {
  ALL_SETTINGS,
  loadConfigFile,
  resolveSettings,
  type Settings,
  SettingsError,
} from '../config/index.js';
import { API_PATHS } from '../config/mock-urls.js';
import { CLIENT_FILES, type DevClient, ensureDevPki, issueDevClient } from '../mock-auth/index.js';
import { helpPointer, parseCommandArgs } from './args.js';

export interface CertsIo {
  out(line: string): void;
  err(line: string): void;
}

const CONSOLE_IO: CertsIo = { out: (line) => console.log(line), err: (line) => console.error(line) };
const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export const CERTS_HELP = `Usage:
  provtjanst-mock certs issue --org <number> --out <dir> [options]
  provtjanst-mock certs ca [--state-dir <dir>]

Commands:
  issue   Issue a client certificate for an organisation (huvudman), signed by the dev CA. Writes
          <dir>/${CLIENT_FILES.cert}, <dir>/${CLIENT_FILES.key} and <dir>/${CLIENT_FILES.ca}, adds the certificate's pin to the
          federation metadata, and prints cert#S256, the SPKI pin and curl commands that get a token.
  ca      Print the path of the dev CA certificate (created if missing).

Options:
  --org <number>        Organisation number: 10 digits; "SE" prefix and dash accepted (556704-4268).
  --out <dir>           Directory for the certificate files (created if missing).
  --entity-id <url>     Federation entity id (default https://<number>.huvudman.test).
  --name <text>         Subject CN and O, UTF-8 (å, ä, ö welcome). Default "Testhuvudman <number>".
  --federation <file>   Federation metadata to add the entity to (default <state-dir>/federation.json).
  --state-dir <dir>     State directory shared with "serve" (default ./.provtjanst-mock).
  --https-port <port>   HTTPS port of the running mock, for the printed curl commands (default 8443).
  --public-url <url>    The mock's public URL, if it runs with one (used for token locations).
  --config <file>       JSON config file, as for "serve".
  -h, --help            Show this help.
`;

const OPTIONS = {
  org: { type: 'string' },
  out: { type: 'string' },
  'entity-id': { type: 'string' },
  name: { type: 'string' },
  federation: { type: 'string' },
  'state-dir': { type: 'string' },
  'https-port': { type: 'string' },
  'public-url': { type: 'string' },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function resolveCertSettings(values: Record<string, string | boolean | undefined>): Settings {
  const configFile = typeof values.config === 'string' ? values.config : process.env.PROVTJANST_CONFIG;
  return resolveSettings(ALL_SETTINGS, {
    flags: {
      'state-dir': values['state-dir'],
      federation: values.federation,
      'https-port': values['https-port'],
      'public-url': values['public-url'],
    },
    env: process.env,
    ...(configFile ? { file: loadConfigFile(configFile), fileName: configFile } : {}),
  });
}

/** A curl command that asks the mock for a provisioning-api token with this certificate. */
export function curlCommand(
  client: DevClient,
  key: string | Record<string, string>,
  settings: Settings,
): string {
  const root = settings.publicUrl?.replace(/\/+$/, '') ?? `https://localhost:${settings.httpsPort}`;
  const body = {
    access_token: [
      {
        access: [{ type: 'provisioning-api', locations: [root + API_PATHS.provisioning] }],
        flags: ['bearer'],
      },
    ],
    client: { key },
  };
  const files = client.files ?? { cert: CLIENT_FILES.cert, key: CLIENT_FILES.key, ca: CLIENT_FILES.ca };
  return [
    `curl --cert '${files.cert}' --key '${files.key}' --cacert '${files.ca}' \\`,
    `  -H 'content-type: application/json' \\`,
    `  -d '${JSON.stringify(body)}' \\`,
    `  https://localhost:${settings.httpsPort}${API_PATHS.transaction}`,
  ].join('\n');
}

function report(client: DevClient, settings: Settings, io: CertsIo): void {
  const files = client.files;
  io.out(
    `Issued a client certificate for organisation ${client.organisationNumber} (${client.organisationId})`,
  );
  io.out(`  subject       ${client.subject}`);
  if (files) {
    io.out(`  certificate   ${files.cert}`);
    io.out(`  private key   ${files.key}`);
    io.out(`  CA            ${files.ca}   (signed this certificate and the mock's HTTPS certificate)`);
  }
  io.out(`  cert#S256     ${client.thumbprint}`);
  io.out(`  SPKI pin      ${client.pin}   (sha256, base64: the federation pin digest)`);
  const listed = client.federationOutcome === 'already-listed' ? 'already listed in' : 'added to';
  io.out(`  entity id     ${client.entityId}   (${listed} ${client.federationFile})`);
  io.out('');
  io.out('Get a token as a TLS-federation entity:');
  io.out(curlCommand(client, client.entityId, settings));
  io.out('');
  io.out('Get a token with the certificate itself (approved CA, cert#S256):');
  io.out(curlCommand(client, { proof: 'mtls', 'cert#S256': client.thumbprint }, settings));
  if (client.federationFile !== client.paths.federation) {
    io.out('');
    io.out(`Start the mock with --federation ${client.federationFile} so it knows this entity.`);
  }
}

/**
 * Runs `certs …` and returns the exit code (0 ok, 1 failed, 2 usage).
 * @example await runCertsCommand(['issue', '--org', '5567044268', '--out', './certs'])
 */
export async function runCertsCommand(argv: string[], io: CertsIo = CONSOLE_IO): Promise<number> {
  let parsed: ReturnType<
    typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; args: string[] }>
  >;
  try {
    // parseCommandArgs: the same strict parse, with errors in words ("did you mean --org?").
    parsed = parseCommandArgs(argv, OPTIONS) as typeof parsed;
  } catch (error) {
    io.err(`provtjanst-mock certs: ${(error as Error).message}\n${helpPointer('certs')}`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  const [command, ...extra] = positionals;
  if (values.help || command === 'help') {
    io.out(CERTS_HELP);
    return EXIT.ok;
  }
  if (!command || extra.length || (command !== 'issue' && command !== 'ca')) {
    io.err(
      `provtjanst-mock certs: ${command ? `unknown arguments "${positionals.join(' ')}"` : 'missing command'}\n\n${CERTS_HELP}`,
    );
    return EXIT.usage;
  }
  let settings: Settings;
  try {
    settings = resolveCertSettings(values);
  } catch (error) {
    if (error instanceof SettingsError) {
      io.err(`provtjanst-mock certs: ${error.message}`);
      return EXIT.usage;
    }
    throw error;
  }

  if (command === 'ca') {
    const { paths } = await ensureDevPki(settings.stateDir);
    io.out(paths.caCert);
    return EXIT.ok;
  }

  if (!values.org || !values.out) {
    io.err(`provtjanst-mock certs issue: --org and --out are required\n\n${CERTS_HELP}`);
    return EXIT.usage;
  }
  try {
    const client = await issueDevClient({
      stateDir: settings.stateDir,
      organisation: values.org,
      outDir: values.out,
      ...(values['entity-id'] ? { entityId: values['entity-id'] } : {}),
      ...(values.name ? { name: values.name } : {}),
      ...(settings.federation ? { federationFile: settings.federation } : {}),
    });
    report(client, settings, io);
    return EXIT.ok;
  } catch (error) {
    io.err(`provtjanst-mock certs issue: ${(error as Error).message}`);
    return error instanceof TypeError ? EXIT.usage : EXIT.failed;
  }
}
