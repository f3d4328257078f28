// `provtjanst-mock certs`: issues dev client certificates shaped like each real CA's, revokes them, prints the dev CA.
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { parseArgs } from 'node:util';
import {
  ALL_SETTINGS,
  loadConfigFile,
  resolveSettings,
  type Settings,
  SettingsError,
} from '../config/index.js';
import { API_PATHS } from '../config/mock-urls.js';
import {
  addToCrl,
  CA_PROFILE_SPECS,
  CA_PROFILES,
  type CaProfile,
  CLIENT_FILES,
  DEFAULT_CA_PROFILE,
  type DevClient,
  ensureDevPki,
  ensureIssuingCa,
  issueDevClient,
} from '../mock-auth/index.js';
import { helpPointer, parseCommandArgs } from './args.js';

export interface CertsIo {
  out(line: string): void;
  err(line: string): void;
}

const CONSOLE_IO: CertsIo = { out: (line) => console.log(line), err: (line) => console.error(line) };
const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export const CERTS_HELP = `Usage:
  provtjanst-mock certs issue --org <number> --out <dir> [options]
  provtjanst-mock certs revoke --cert <file> [--state-dir <dir>]
  provtjanst-mock certs ca [--state-dir <dir>]

Commands:
  issue   Issue a client certificate for an organisation (huvudman), shaped like a real CA's (--profile)
          and signed by that profile's dev CA. Writes <dir>/${CLIENT_FILES.cert}, <dir>/${CLIENT_FILES.key} and <dir>/${CLIENT_FILES.ca}
          (the CA of the mock's HTTPS certificate), lists the certificate in the signed federation
          metadata, and prints cert#S256 and curl commands that get a token. Refuses to replace an
          existing certificate in <dir> unless --force is given.
  revoke  Put a certificate issued by a dev CA on that CA's CRL: the mock then answers its token
          requests with 401 invalid_request "client certificate revoked".
  ca      Print the path of the CA certificate to trust for the mock's HTTPS server (created if missing).

Options:
  --org <number>        Organisation number: 10 digits; "SE" prefix and dash accepted (556704-4268).
  --out <dir>           Directory for the certificate files (created if missing).
  --profile <ca>        ${CA_PROFILES.join(' | ')} (default ${DEFAULT_CA_PROFILE}): the subject serialNumber form
                        and issuer organisation of ExpiTrust, SITHS or EFOS certificates.
  --force               Replace an existing certificate in --out.
  --entity-id <url>     Federation entity id (default https://<number>.huvudman.test).
  --name <text>         Subject CN and O, UTF-8 (å, ä, ö welcome). Default "Testhuvudman <number>".
  --federation <file>   Federation metadata to list the certificate in, signed with the state directory's
                        dev metadata key, which "serve" trusts (default <state-dir>/federation.json).
  --cert <file>         (revoke) The certificate to revoke (PEM).
  --state-dir <dir>     State directory shared with "serve" (default ./.provtjanst-mock).
  --https-port <port>   HTTPS port of the running mock, for the printed curl commands (default 8443).
  --public-url <url>    The mock's public URL, if it runs with one (used for token locations).
  --config <file>       JSON config file, as for "serve".
  -h, --help            Show this help.
`;

const OPTIONS = {
  org: { type: 'string' },
  out: { type: 'string' },
  profile: { type: 'string' },
  force: { type: 'boolean' },
  cert: { type: 'string' },
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

/** Skolverket's README command for cert#S256 (standard base64 of the SHA-256 fingerprint), for this file. */
export function opensslThumbprintCommand(certFile: string): string {
  return `openssl x509 -in '${certFile}' -noout -sha256 -fingerprint | sed -e 's/.*=//' -e 's/://g' | xxd -r -p | base64`;
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
    io.out(`  CA            ${files.ca}   (the CA of the mock's HTTPS certificate: use it as --cacert)`);
  }
  io.out(`  profile       ${client.profile} (issued by ${CA_PROFILE_SPECS[client.profile].devCaName})`);
  io.out(`  serial        ${client.serialNumber}   (for "certs revoke")`);
  io.out(`  cert#S256     ${client.thumbprint}   (base64, as Skolverket's openssl command prints it)`);
  io.out(`                ${client.thumbprintBase64url}   (base64url: nutid-auth's canonical form)`);
  io.out(`  SPKI pin      ${client.pin}   (sha256, base64: the metadata pin digest)`);
  const listed = client.federationOutcome === 'already-listed' ? 'already listed in' : 'listed in';
  io.out(`  entity id     ${client.entityId}   (certificate ${listed} ${client.federationFile}, signed)`);
  io.out('');
  io.out('Get a token as a TLS-federation entity:');
  io.out(curlCommand(client, client.entityId, settings));
  io.out('');
  io.out('Get a token with the certificate itself (approved CA, cert#S256):');
  io.out(curlCommand(client, { proof: 'mtls', 'cert#S256': client.thumbprint }, settings));
  io.out('');
  io.out(
    `cert#S256 the way Skolverket's README computes it: ${opensslThumbprintCommand(client.files?.cert ?? CLIENT_FILES.cert)}`,
  );
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
  if (!command || extra.length || (command !== 'issue' && command !== 'ca' && command !== 'revoke')) {
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

  if (command === 'revoke') return revoke(values.cert, settings, io);

  if (!values.org || !values.out) {
    io.err(`provtjanst-mock certs issue: --org and --out are required\n\n${CERTS_HELP}`);
    return EXIT.usage;
  }
  const profile = values.profile ?? DEFAULT_CA_PROFILE;
  if (!(CA_PROFILES as readonly string[]).includes(profile)) {
    io.err(
      `provtjanst-mock certs issue: --profile must be one of ${CA_PROFILES.join(', ')}, not "${profile}"`,
    );
    return EXIT.usage;
  }
  const outDir = resolve(values.out);
  const existing = [CLIENT_FILES.cert, CLIENT_FILES.key]
    .map((name) => join(outDir, name))
    .filter((file) => existsSync(file));
  if (existing.length && !values.force) {
    io.err(
      `provtjanst-mock certs issue: ${existing.join(' and ')} already exist${existing.length === 1 ? 's' : ''}; pass --force to replace ${existing.length === 1 ? 'it' : 'them'} (the old certificate stays valid: revoke it with "certs revoke --cert ${join(outDir, CLIENT_FILES.cert)}")`,
    );
    return EXIT.failed;
  }
  try {
    const client = await issueDevClient({
      stateDir: settings.stateDir,
      organisation: values.org,
      outDir: values.out,
      profile: profile as CaProfile,
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

/** `certs revoke --cert FILE`: finds the dev CA that issued the certificate and adds it to that CA's CRL. */
async function revoke(certFile: string | undefined, settings: Settings, io: CertsIo): Promise<number> {
  if (!certFile) {
    io.err(`provtjanst-mock certs revoke: --cert is required\n\n${CERTS_HELP}`);
    return EXIT.usage;
  }
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(readFileSync(certFile));
  } catch (error) {
    io.err(
      `provtjanst-mock certs revoke: cannot read a certificate from ${certFile}: ${(error as Error).message}`,
    );
    return EXIT.failed;
  }
  for (const profile of CA_PROFILES) {
    const { ca, files } = await ensureIssuingCa(settings.stateDir, profile);
    const issuer = new X509Certificate(ca.certPem);
    if (!cert.checkIssued(issuer) || !cert.verify(issuer.publicKey)) continue;
    const added = await addToCrl(files.crl, ca, cert.serialNumber);
    io.out(
      added
        ? `Revoked ${cert.serialNumber} (${profile}): added to ${files.crl}. Its token requests now get 401 "client certificate revoked".`
        : `${cert.serialNumber} was already revoked (${files.crl}).`,
    );
    return EXIT.ok;
  }
  io.err(
    `provtjanst-mock certs revoke: ${certFile} was not issued by a dev CA of ${settings.stateDir} (${CA_PROFILES.join(', ')})`,
  );
  return EXIT.failed;
}
