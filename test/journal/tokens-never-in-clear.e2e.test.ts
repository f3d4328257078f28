// No JWT in clear, byte for byte, in the journal, the HAR or the journal file after a token request, a push and a webhook.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../examples/ss12000-api/dataset.js';
import { HAR_TOKEN_COMMENT } from '../../src/journal/har.js';
import { tokenFingerprint } from '../../src/journal/index.js';
import { issueDevClient } from '../../src/mock-auth/index.js';
import {
  demoDataset,
  type MockHarness,
  ORG,
  registerAndSync,
  startMockHarness,
  startVendor,
  type VendorHarness,
} from '../mock-ss12000-client/harness.js';
import { makeTempDir, removeTempDir, tlsRequest } from '../support/pki.js';

/** The issue's own regex: a compact JWS anywhere in the text. */
const JWT = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/;

describe('tokens are never stored in clear', () => {
  let mock: MockHarness;
  let vendor: VendorHarness;
  let dataset: Dataset;
  let journalFile: string;
  let pushToken: string;
  let journalDir: string;

  beforeAll(async () => {
    journalDir = makeTempDir('journal-file-');
    journalFile = join(journalDir, 'journal.ndjson');
    mock = await startMockHarness({ journalFile });
    dataset = demoDataset(mock, 5);
    vendor = await startVendor(mock, { dataset });
    await registerAndSync(mock, vendor.url);

    // 1. A token request over mTLS, as a push client makes it.
    const client = await issueDevClient({ stateDir: mock.stateDir, organisation: ORG });
    const { createHash, X509Certificate } = await import('node:crypto');
    const thumbprint = createHash('sha256').update(new X509Certificate(client.certPem).raw).digest('base64');
    const answer = await tlsRequest({
      port: mock.running.httpsPort,
      path: '/transaction',
      ca: client.caPem,
      cert: client.certPem,
      key: client.keyPem,
      body: {
        access_token: [
          {
            access: [{ type: 'provisioning-api', locations: [mock.running.urls.provisioning] }],
            flags: ['bearer'],
          },
        ],
        client: { key: { proof: 'mtls', 'cert#S256': thumbprint } },
      },
    });
    expect(answer.status).toBe(200);
    pushToken = (answer.json as { access_token: { value: string } }).access_token.value;
    expect(pushToken).toMatch(JWT);

    // 2. A push with that token.
    const push = await fetch(`${mock.mockUrl}/provtjanst/provisioning/v1/persons/bulk`, {
      method: 'POST',
      headers: { authorization: `Bearer ${pushToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ data: [] }),
    });
    await push.arrayBuffer();

    // 3. A webhook: the reference API gets a token at /transaction and notifies the mock.
    mock.clock.advance(30 * 60_000);
    const person = dataset.persons[0] as { id: string };
    const changed = await fetch(`${vendor.url}/_ingest/persons/${person.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ givenName: 'Ändrad' }),
    });
    const hooks = (await changed.json()) as { webhooks: { status: number }[] };
    expect(hooks.webhooks[0]?.status).toBe(200);
    await mock.service.list()[0]?.idle();
  });

  afterAll(async () => {
    await vendor?.close();
    await mock?.close();
    removeTempDir(journalDir);
  });

  it('the journal holds the exchanges, yet no JWT, only fingerprints where tokens were', async () => {
    const res = await fetch(`${mock.mockUrl}/_mock/journal`);
    const text = await res.text();
    const { entries } = JSON.parse(text) as {
      entries: {
        path: string;
        direction: string;
        responseBody?: string;
        requestHeaders: Record<string, string>;
      }[];
    };
    const transactions = entries.filter((e) => e.path === '/transaction');
    expect(transactions.length).toBeGreaterThanOrEqual(2);
    expect(entries.some((e) => e.path.includes('/webhooks/'))).toBe(true);
    expect(entries.some((e) => e.direction === 'outbound')).toBe(true);
    // The push token's /transaction answer keeps its shape, with the token's fingerprint in its place.
    const fingerprint = tokenFingerprint(pushToken);
    expect(transactions.some((e) => e.responseBody?.includes(`"value":"[${fingerprint}]"`))).toBe(true);
    expect(text).not.toMatch(JWT);
  });

  it('the HAR export says so and holds no JWT', async () => {
    const res = await fetch(`${mock.mockUrl}/_mock/journal.har`);
    const text = await res.text();
    expect((JSON.parse(text) as { log: { comment: string } }).log.comment).toBe(HAR_TOKEN_COMMENT);
    expect(text).toContain(tokenFingerprint(pushToken));
    expect(text).not.toMatch(JWT);
  });

  it('the journal file holds no JWT and is readable by its owner only (0600)', () => {
    const text = readFileSync(journalFile, 'utf8');
    expect(text.split('\n').length).toBeGreaterThan(5);
    expect(text).toContain(tokenFingerprint(pushToken));
    expect(text).not.toMatch(JWT);
    expect(statSync(journalFile).mode & 0o777).toBe(0o600);
  });

  it('every private key in the state directory is 0600', async () => {
    const { readdirSync } = await import('node:fs');
    const keys: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/key\.pem$|\.jwk\.json$/.test(entry.name)) keys.push(path);
      }
    };
    walk(mock.stateDir);
    // The dev CA key and the signing key at least.
    expect(keys.length).toBeGreaterThanOrEqual(2);
    for (const key of keys) expect({ key, mode: statSync(key).mode & 0o777 }).toEqual({ key, mode: 0o600 });
  });
});
