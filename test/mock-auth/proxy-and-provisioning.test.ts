// The whole mock over real sockets: proxy mode (Client-Cert header), and tokens the Provisioning API must refuse.
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createControlledClock } from '../../src/clock/index.js';
import { type DevClient, issueDevClient } from '../../src/mock-auth/index.js';
import { type RunningMock, startMock } from '../../src/server.js';
import { makeTempDir, removeTempDir, tlsRequest } from '../support/pki.js';

const ORG = '5567044268';

describe('the mock behind a TLS-terminating proxy (--client-cert-header)', () => {
  let stateDir: string;
  let running: RunningMock;
  let client: DevClient;

  beforeAll(async () => {
    stateDir = makeTempDir();
    running = await startMock({
      settings: { port: 0, httpsPort: 0, stateDir, clientCertHeader: true, jobDelay: 0, rateLimit: false },
      clock: createControlledClock(),
    });
    client = await issueDevClient({ stateDir, organisation: ORG });
  });
  afterAll(async () => {
    await running?.close();
    removeTempDir(stateDir);
  });

  const post = (body: unknown, headers: Record<string, string>) =>
    fetch(`${running.localHttpUrl}/transaction`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...headers },
    });
  const body = (key: unknown, access?: unknown[]) => ({
    access_token: { ...(access ? { access } : {}), flags: ['bearer'] },
    client: { key },
  });

  it('reads the certificate from Client-Cert on plain HTTP, as PEM or base64 DER', async () => {
    const der = new X509Certificate(client.certPem).raw.toString('base64');
    for (const value of [client.certPem.replace(/\n/g, ' ').trim(), der]) {
      const res = await post(body({ proof: 'mtls', 'cert#S256': client.thumbprint }), {
        'client-cert': value,
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    const federated = await post(body(client.entityId), { 'client-cert': der });
    expect(federated.status).toBe(200);
  });

  it('counts a missing or unparseable Client-Cert (URL-escaped PEM, RFC 9440 :base64:) as no certificate: 401', async () => {
    const der = new X509Certificate(client.certPem).raw.toString('base64');
    const variants: Record<string, string>[] = [
      {},
      { 'client-cert': encodeURIComponent(client.certPem) },
      { 'client-cert': `:${der}:` },
    ];
    for (const headers of variants) {
      const res = await post(body({ proof: 'mtls', 'cert#S256': client.thumbprint }), headers);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({
        error: { code: 'request_denied', description: 'permission denied' },
      });
    }
  });

  it('ignores the header when the setting is off (a client cannot claim a certificate it does not hold)', async () => {
    const plain = await startMock({
      settings: { port: 0, httpsPort: 0, stateDir, jobDelay: 0, rateLimit: false },
      clock: createControlledClock(),
    });
    try {
      const res = await fetch(`${plain.localHttpUrl}/transaction`, {
        method: 'POST',
        body: JSON.stringify(body({ proof: 'mtls', 'cert#S256': client.thumbprint })),
        headers: { 'content-type': 'application/json', 'client-cert': client.certPem.replace(/\n/g, ' ') },
      });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { reason: 'https_required' } });
    } finally {
      await plain.close();
    }
  });
});

describe('tokens nutid-auth issues that the Provisioning API refuses', () => {
  let stateDir: string;
  let running: RunningMock;

  beforeAll(async () => {
    stateDir = makeTempDir();
    running = await startMock({
      settings: { port: 0, httpsPort: 0, stateDir, jobDelay: 0, rateLimit: false },
      clock: createControlledClock(),
    });
  });
  afterAll(async () => {
    await running?.close();
    removeTempDir(stateDir);
  });

  async function token(client: DevClient, accessToken: Record<string, unknown>): Promise<string> {
    const res = await tlsRequest({
      port: running.httpsPort,
      path: '/transaction',
      ca: client.caPem,
      cert: client.certPem,
      key: client.keyPem,
      body: { access_token: accessToken, client: { key: { proof: 'mtls', 'cert#S256': client.thumbprint } } },
    });
    expect(res.status).toBe(200);
    return (res.json as { access_token: { value: string } }).access_token.value;
  }
  const persons = (value: string) =>
    fetch(`${running.localHttpUrl}/provtjanst/provisioning/v1/persons`, {
      headers: { authorization: `Bearer ${value}` },
    });

  it('a request without access gets requested_access: [], and the Provisioning API answers 403 [5002]', async () => {
    const client = await issueDevClient({ stateDir, organisation: ORG });
    const bare = await token(client, { flags: ['bearer'] });
    const res = await persons(bare);
    expect(res.status).toBe(403);
    expect(JSON.stringify(await res.json())).toContain('5002');
    const good = await token(client, {
      access: [{ type: 'provisioning-api', locations: [running.urls.provisioning] }],
      flags: ['bearer'],
    });
    expect((await persons(good)).status).toBe(200);
  });

  it('a CA certificate without a readable organisation gets a token without organization_id: 403 [5002]', async () => {
    const noEku = await issueDevClient({
      stateDir,
      organisation: ORG,
      profile: 'siths',
      entityId: 'https://noeku.test',
      certificate: { clientAuth: false },
    });
    const value = await token(noEku, {
      access: [{ type: 'provisioning-api', locations: [running.urls.provisioning] }],
      flags: ['bearer'],
    });
    const res = await persons(value);
    expect(res.status).toBe(403);
    expect(JSON.stringify(await res.json())).toContain('5002');
  });

  it('publishes each dev CA CRL on the control plane', async () => {
    const res = await fetch(`${running.localHttpUrl}/_mock/auth/crl/siths.crl`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pkix-crl');
    expect((await fetch(`${running.localHttpUrl}/_mock/auth/crl/bankid.crl`)).status).toBe(404);
  });
});
