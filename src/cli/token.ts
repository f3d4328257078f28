// `provtjanst-mock token`: gets a bearer token from a running mock the real way (mTLS, POST /transaction) and prints it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_PATHS } from '../config/index.js';
import {
  ensureClientFiles,
  parseOrganisationNumber,
  requestTokenOverMtls,
  type TokenRequestAnswer,
} from '../mock-auth/index.js';
import { CliUsageError, parseCommandArgs, printUsageError, wholeNumberFlag } from './args.js';
import { MockUnreachableError, networkFailureWords } from './mock-connection.js';

const TOKEN_TYPES = { 'provisioning-api': API_PATHS.provisioning, 'ss12000-client': API_PATHS.ss12000Client };
type TokenType = keyof typeof TOKEN_TYPES;

const DEFAULT_MOCK_URL = 'http://localhost:8080';
const DEFAULT_STATE_DIR = './.provtjanst-mock';

const USAGE = `Usage: provtjanst-mock token --org <number> [options]

Prints a bearer token from the running mock (\`npm start\`), fetched as a real client does: POST /transaction
over mutual TLS with the organisation's dev client certificate (<state-dir>/clients/<org>/, issued from the
mock's dev CA when missing). Only the token goes to stdout:

  TOKEN=$(npx provtjanst-mock token --org 5567044268)
  curl -H "Authorization: Bearer $TOKEN" http://localhost:8080/provtjanst/provisioning/v1/persons

Options:
  --org <number>      Organisation number of the huvudman (10 digits; "SE" prefix and dash accepted). Required.
  --type <type>       provisioning-api or ss12000-client (default provisioning-api)
  --location <url>    The API the token is for (default: the type's base URL under --mock-url,
                      e.g. http://localhost:8080/provtjanst/provisioning/v1)
  --mock-url <url>    The running mock's HTTP root (default $PROVTJANST_MOCK_URL, else ${DEFAULT_MOCK_URL})
  --https-port <n>    Its HTTPS port, where /transaction takes client certificates
                      (default $PROVTJANST_HTTPS_PORT or $HTTPS_PORT, else 8443)
  --state-dir <dir>   The mock's state directory, with the dev CA (default $PROVTJANST_STATE_DIR, else ${DEFAULT_STATE_DIR})
  --json              Print the authorization server's whole answer instead of the token (default off)
  -h, --help          Show this help

Exit codes: 0 printed; 1 the authorization server refused (its error is printed); 2 a bad option, or no
mock answers.`;

const OPTIONS = {
  org: { type: 'string' },
  type: { type: 'string' },
  location: { type: 'string' },
  'mock-url': { type: 'string' },
  'https-port': { type: 'string' },
  'state-dir': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

interface TokenRequest {
  organisationNumber: string;
  type: TokenType;
  location: string;
  transactionUrl: string;
  stateDir: string;
}

function isTokenType(value: string): value is TokenType {
  return Object.hasOwn(TOKEN_TYPES, value);
}

/** Reads the flags (and their environment fallbacks) into one token request. @throws CliUsageError */
function readRequest(values: ReturnType<typeof parseCommandArgs>['values']): TokenRequest {
  const text = (name: keyof typeof OPTIONS) =>
    typeof values[name] === 'string' ? (values[name] as string) : undefined;
  const org = text('org');
  if (org === undefined) throw new CliUsageError('--org <organisationNumber> is required');
  const organisationNumber = parseOrganisationNumber(org);
  if (!organisationNumber)
    throw new CliUsageError(`--org must be a 10-digit organisation number, got ${JSON.stringify(org)}`);
  const type = text('type') ?? 'provisioning-api';
  if (!isTokenType(type))
    throw new CliUsageError(
      `--type must be one of ${Object.keys(TOKEN_TYPES).join(', ')}, got ${JSON.stringify(type)}`,
    );
  const mockUrlText = (text('mock-url') ?? process.env.PROVTJANST_MOCK_URL ?? DEFAULT_MOCK_URL).replace(
    /\/+$/,
    '',
  );
  let mockUrl: URL;
  try {
    mockUrl = new URL(mockUrlText);
  } catch {
    throw new CliUsageError(`--mock-url must be a URL, got ${JSON.stringify(mockUrlText)}`);
  }
  const httpsPort =
    wholeNumberFlag(
      'https-port',
      text('https-port') ?? process.env.PROVTJANST_HTTPS_PORT ?? process.env.HTTPS_PORT,
    ) ?? 8443;
  return {
    organisationNumber,
    type,
    location: text('location') ?? `${mockUrlText}${TOKEN_TYPES[type]}`,
    transactionUrl: `https://${mockUrl.hostname.includes(':') ? `[${mockUrl.hostname}]` : mockUrl.hostname}:${httpsPort}${API_PATHS.transaction}`,
    stateDir: text('state-dir') ?? process.env.PROVTJANST_STATE_DIR ?? DEFAULT_STATE_DIR,
  };
}

/** Runs `token`; returns 0 with the token on stdout, 1 when the authorization server refused, 2 otherwise. */
export async function runTokenCommand(argv: string[]): Promise<number> {
  let tokenRequest: TokenRequest;
  try {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS);
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    if (positionals.length > 0)
      throw new CliUsageError(`unexpected argument ${JSON.stringify(positionals[0])}`);
    tokenRequest = readRequest(values);
    if (!existsSync(join(tokenRequest.stateDir, 'ca', 'ca.pem'))) {
      console.error(
        `provtjanst-mock token: no dev CA in ${tokenRequest.stateDir}; start the mock there first with ` +
          '`npm start`, or give the --state-dir it runs with',
      );
      return 2;
    }
    const files = await ensureClientFiles(tokenRequest.stateDir, tokenRequest.organisationNumber);
    let answer: TokenRequestAnswer;
    try {
      answer = await requestTokenOverMtls({
        transactionUrl: tokenRequest.transactionUrl,
        credentials: {
          certPem: readFileSync(files.clientCertPath, 'utf8'),
          keyPem: readFileSync(files.clientKeyPath, 'utf8'),
          caPem: readFileSync(files.caCertPath, 'utf8'),
        },
        type: tokenRequest.type,
        locations: [tokenRequest.location],
      });
    } catch (error) {
      const origin = new URL(tokenRequest.transactionUrl).origin;
      const words = networkFailureWords(error);
      if (/certificate|ssl|tls/i.test(words) || String((error as { code?: string }).code).includes('CERT')) {
        console.error(
          `provtjanst-mock token: TLS with ${origin} failed (${words}); ` +
            `is the mock running with this state directory (--state-dir ${tokenRequest.stateDir})?`,
        );
        return 2;
      }
      throw new MockUnreachableError(origin, words);
    }
    const json = (typeof answer.body === 'object' ? answer.body : null) as {
      access_token?: { value?: string };
      error?: { code?: string; description?: string };
    } | null;
    const token = answer.token;
    if (answer.status !== 200 || !token) {
      const error = json?.error;
      console.error(
        `provtjanst-mock token: POST /transaction answered ${answer.status}` +
          (error
            ? `: ${error.code ?? ''} ${error.description ?? ''}`.trimEnd()
            : ` ${String(answer.body).slice(0, 300)}`),
      );
      return 1;
    }
    console.log(values.json ? JSON.stringify(json, null, 2) : token);
    return 0;
  } catch (error) {
    if (error instanceof CliUsageError) return printUsageError('token', error);
    if (error instanceof MockUnreachableError) {
      console.error(`provtjanst-mock token: ${error.message}`);
      return 2;
    }
    throw error;
  }
}
