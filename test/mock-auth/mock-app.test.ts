// The auth routes inside the whole mock (createMockApp), served over HTTPS with client certificates.
import { createLocalJWKSet, type JSONWebKeySet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockApp, type MockApp } from '../../src/app.js';
import { createControlledClock } from '../../src/clock/index.js';
import { buildSettings } from '../../src/config/index.js';
import { createAuthService, type DevClient, issueDevClient } from '../../src/mock-auth/index.js';
import {
  type HttpsTestServer,
  makeTempDir,
  removeTempDir,
  startHttpsServer,
  tlsRequest,
} from '../support/pki.js';
import { transactionBody } from './harness.js';

describe('auth in the composed mock', () => {
  const stateDir = makeTempDir();
  const clock = createControlledClock();
  let mock: MockApp;
  let server: HttpsTestServer;
  let client: DevClient;

  beforeAll(async () => {
    client = await issueDevClient({ stateDir, organisation: '5567044268' });
    const settings = buildSettings({ stateDir });
    const auth = await createAuthService({ settings, clock });
    mock = await createMockApp({ settings: { stateDir }, clock, auth });
    server = await startHttpsServer(mock.app.fetch, auth.tls);
  });
  afterAll(async () => {
    await server.close();
    await mock.close();
    removeTempDir(stateDir);
  });

  const ca = () => mock.services.auth.tls.caCertPem;

  it('issues a provisioning-api token the JWKS verifies, and journals the organisation', async () => {
    const location = `${mock.services.urls.provisioning}`;
    const res = await tlsRequest({
      port: server.port,
      path: '/transaction',
      body: transactionBody(client.entityId, 'provisioning-api', [location]),
      ca: ca(),
      cert: client.certPem,
      key: client.keyPem,
    });
    expect(res.status).toBe(200);
    const token = (res.json as { access_token: { value: string } }).access_token.value;
    const jwks = (await tlsRequest({ port: server.port, path: '/.well-known/jwks.json', ca: ca() }))
      .json as JSONWebKeySet;
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks), { currentDate: clock.date() });
    expect(payload.organization_id).toBe('SE5567044268');
    const verified = await mock.services.auth.verifyAccessToken(token, {
      type: 'provisioning-api',
      location,
    });
    expect(verified.ok).toBe(true);

    const entry = mock.services.journal.query({ path: '/transaction' }).at(-1);
    expect(entry).toMatchObject({ component: 'auth', status: 200, organisationId: 'SE5567044268' });
  });

  it('answers a refused token request with its reason, never a 500', async () => {
    const res = await tlsRequest({
      port: server.port,
      path: '/transaction',
      body: '{',
      ca: ca(),
      cert: client.certPem,
      key: client.keyPem,
    });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error: { code: 'invalid_request', reason: 'validation_error' } });
  });

  it('exposes the control plane under /_mock/auth', async () => {
    const before = mock.services.auth.jwks().keys[0]?.kid;
    const rotated = await mock.app.request('/_mock/auth/rotate', { method: 'POST' });
    expect(rotated.status).toBe(200);
    const { kid } = (await rotated.json()) as { kid: string };
    expect(mock.services.auth.jwks().keys.map((key) => key.kid)).toEqual([kid, before]);
  });
});
