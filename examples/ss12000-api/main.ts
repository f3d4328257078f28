// Starts the reference SS 12000 API for demos: `npm run example:ss12000-api -- [options]` (see README.md).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { loadDatasetFile } from './dataset.js';
import { buildDemoDataset, fetchDemoFacts } from './demo-dataset.js';
import { createCertificateFileTokens } from './mtls-token-client.js';
import { createReferenceApi } from './reference-api.js';

const OPTIONS = {
  port: { type: 'string', default: process.env.SS12000_API_PORT ?? '8091' },
  'base-url': { type: 'string' },
  'mock-url': { type: 'string', default: process.env.PROVTJANST_MOCK_URL ?? 'http://localhost:8080' },
  'transaction-url': { type: 'string', default: 'https://localhost:8443/transaction' },
  /** Default: the certificate `provtjanst-mock serve` leaves for --org in its default state directory. */
  certs: { type: 'string' },
  org: { type: 'string', default: '5567044268' },
  dataset: { type: 'string' },
  persons: { type: 'string', default: '200' },
  'no-verify-jwt': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Says what went wrong in one line and exits: a start-up problem is not worth a stack trace. */
function exitWith(message: string): never {
  console.error(`ss12000-api: ${message}`);
  process.exit(1);
}

function parseOptions() {
  try {
    return parseArgs({ options: OPTIONS }).values;
  } catch (error) {
    return exitWith(`${(error as Error).message.split('\n')[0]} (see --help)`);
  }
}

const values = parseOptions();

if (values.help) {
  console.log(readFileSync(new URL('./README.md', import.meta.url), 'utf8'));
  process.exit(0);
}

const port = Number(values.port);
const mockUrl = values['mock-url'].replace(/\/+$/, '');
const baseUrl = (values['base-url'] ?? `http://localhost:${port}`).replace(/\/+$/, '');
const certDir = values.certs ?? join('.provtjanst-mock', 'clients', values.org);
const certFiles = {
  cert: join(certDir, 'client.pem'),
  key: join(certDir, 'client-key.pem'),
  ca: join(certDir, 'ca.pem'),
};
const haveCerts = Object.values(certFiles).every((file) => existsSync(file));

if (!/^\d+$/.test(values.port) || port > 65_535)
  exitWith(`--port must be a port number, got "${values.port}"`);

/** The demo data's facts (school units, exam activities) come from the mock's open-data API. */
async function demoFacts() {
  try {
    return await fetchDemoFacts(`${mockUrl}/provtjanst/open-data/v1`, values.org);
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return exitWith(
      cause === 'ECONNREFUSED'
        ? `the mock is not running at ${mockUrl}: start it first (npm start), or give --dataset FILE`
        : `cannot read the open data from ${mockUrl}: ${(error as Error).message}`,
    );
  }
}

function loadDataset(file: string) {
  try {
    return loadDatasetFile(file);
  } catch (error) {
    return exitWith(`cannot load --dataset ${file}: ${(error as Error).message.split('\n')[0]}`);
  }
}

const dataset = values.dataset
  ? loadDataset(values.dataset)
  : buildDemoDataset(await demoFacts(), {
      persons: Number(values.persons),
      // A day old, so a webhook's incremental fetch (T − 5 minutes) picks up only what changed since.
      at: new Date(Date.now() - 86_400_000).toISOString(),
    });

const api = createReferenceApi({
  baseUrl,
  jwksUrl: `${mockUrl}/.well-known/jwks.json`,
  behaviour: { verifyJwt: !values['no-verify-jwt'] },
  dataset,
  // The mock writes the certificate when it starts: looked for at each webhook, so start order does not matter.
  webhookTokens: createCertificateFileTokens({ files: certFiles, transactionUrl: values['transaction-url'] }),
});

const server = serve({ fetch: api.app.fetch, port }, () => {
  const counts = Object.entries(dataset)
    .map(([key, items]) => `${items.length} ${key}`)
    .join(', ');
  console.log(`Reference SS 12000 API on ${baseUrl} (${counts})`);
  console.log(`  verifies Skolverket's JWT against ${mockUrl}/.well-known/jwks.json`);
  console.log(
    haveCerts
      ? `  webhooks carry ss12000-client tokens from ${values['transaction-url']} (certificate in ${certDir})`
      : `  no client certificate in ${certDir} yet: webhooks carry a token once it is there (the mock writes it when it starts; or run provtjanst-mock certs issue --org ${values.org} --out ${certDir})`,
  );
  console.log(`  register it: provtjanst-mock ss12000 register --org ${values.org} --url ${baseUrl} --wait`);
  console.log(
    `  change data: curl -X PATCH ${baseUrl}/_ingest/persons/<id> -H 'content-type: application/json' -d '{"givenName":"Ny"}'`,
  );
});

server.on('error', (error: NodeJS.ErrnoException) =>
  exitWith(
    error.code === 'EADDRINUSE'
      ? `port ${port} is already in use (another example API may be running: stop it, or give --port)`
      : `cannot listen on port ${port}: ${error.message}`,
  ),
);
