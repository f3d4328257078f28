// `provtjanst-mock token` against a real running mock: mTLS over a real TLS socket, POST /transaction, a JWT that verifies.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../../src/server.js';
import { makeTempDir } from '../support/pki.js';
import { runCliCaptured as cli } from './run-cli.js';

const ORG = '5567044268';

describe('token command', () => {
  let mock: RunningMock;
  let stateDir: string;
  let common: string[];

  beforeAll(async () => {
    stateDir = makeTempDir('token-command-');
    mock = await startMock({ settings: { port: 0, httpsPort: 0, host: '127.0.0.1', stateDir } });
    const httpsPort = new URL(mock.localHttpsUrl).port;
    common = ['--mock-url', mock.localHttpUrl, '--https-port', httpsPort, '--state-dir', stateDir];
  });
  afterAll(async () => mock?.close());

  const verify = (token: string) =>
    jwtVerify(token, createRemoteJWKSet(new URL(`${mock.localHttpUrl}/.well-known/jwks.json`)), {
      algorithms: ['ES256'],
    });

  it('prints only a provisioning-api token that verifies against the JWKS and opens the API', async () => {
    const { code, out, err } = await cli(['token', '--org', ORG, ...common]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const { payload } = await verify(out);
    expect(payload).toMatchObject({
      organization_id: `SE${ORG}`,
      auth_source: 'ca',
      requested_access: [
        { type: 'provisioning-api', locations: [`${mock.localHttpUrl}/provtjanst/provisioning/v1`] },
      ],
    });
    // It was fetched with the organisation's certificate from the state dir, issued since it was missing.
    expect(existsSync(join(stateDir, 'clients', ORG, 'client.pem'))).toBe(true);
    const persons = await fetch(`${mock.localHttpUrl}/provtjanst/provisioning/v1/persons`, {
      headers: { authorization: `Bearer ${out}` },
    });
    expect(persons.status).toBe(200);
  });

  it('gets an ss12000-client token for a chosen location, and the whole answer with --json', async () => {
    const location = `${mock.localHttpUrl}/provtjanst/ss12000/klient/v1`;
    const { code, out } = await cli([
      'token',
      '--org',
      '556704-4268',
      '--type',
      'ss12000-client',
      '--location',
      location,
      '--json',
      ...common,
    ]);
    expect(code).toBe(0);
    const answer = JSON.parse(out) as { access_token: { value: string; flags: string[] } };
    expect(answer.access_token.flags).toEqual(['bearer']);
    const { payload } = await verify(answer.access_token.value);
    expect(payload.requested_access).toEqual([{ type: 'ss12000-client', locations: [location] }]);
  });

  it("exits 1 with the authorization server's answer when it refuses", async () => {
    mock.mock.services.auth.faults.set({ fail: { count: 1, status: 503 } });
    const { code, out, err } = await cli(['token', '--org', ORG, ...common]);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/^provtjanst-mock token: POST \/transaction answered 503\b/);
  });

  it('exits 2 for a bad --type or --org, naming the choices', async () => {
    const type = await cli(['token', '--org', ORG, '--type', 'ss12000-api', ...common]);
    expect(type.code).toBe(2);
    expect(type.err).toContain('--type must be one of provisioning-api, ss12000-client, got "ss12000-api"');
    const org = await cli(['token', ...common]);
    expect(org).toMatchObject({
      code: 2,
      err: expect.stringContaining('--org <organisationNumber> is required'),
    });
  });
});
