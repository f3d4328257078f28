// The reference API's webhook tokens come from a client certificate that may appear after the API started.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCertificateFileTokens } from '../../examples/ss12000-api/mtls-token-client.js';
import { issueDevClient } from '../../src/mock-auth/index.js';
import { makeTempDir, removeTempDir } from '../support/pki.js';
import { type MockHarness, ORG, startMockHarness } from './harness.js';

describe('webhook tokens from certificate files', () => {
  let mock: MockHarness;
  let dir: string;
  beforeAll(async () => {
    mock = await startMockHarness();
    dir = makeTempDir('cert-files-');
  });
  afterAll(async () => {
    await mock.close();
    removeTempDir(dir);
  });

  it('answers no token while the files are missing, and a real ss12000-client token once they exist', async () => {
    const files = {
      cert: join(dir, 'c', 'client.pem'),
      key: join(dir, 'c', 'client-key.pem'),
      ca: join(dir, 'c', 'ca.pem'),
    };
    const tokens = createCertificateFileTokens({
      files,
      transactionUrl: `${mock.running.localHttpsUrl}/transaction`,
      now: () => mock.clock.now(),
    });
    const location = 'http://127.0.0.1:9/provtjanst/ss12000/klient/v1';
    expect(await tokens(location)).toBeUndefined();

    const client = await issueDevClient({ stateDir: mock.stateDir, organisation: ORG });
    mkdirSync(join(dir, 'c'));
    writeFileSync(files.cert, client.certPem);
    writeFileSync(files.key, client.keyPem);
    writeFileSync(files.ca, client.caPem);

    const token = await tokens(location);
    expect(token).toBeTypeOf('string');
    const claims = decodeJwt(token as string) as {
      requested_access?: { type: string; locations?: string[] }[];
    };
    expect(claims.requested_access).toEqual([{ type: 'ss12000-client', locations: [location] }]);
  });
});
