// Plain-HTTP /transaction: refused with a pointer to HTTPS, unless --insecure-dev-auth is on.

import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthHarness, createAuthHarness, transactionBody } from './harness.js';

const post = (h: AuthHarness, body: unknown) =>
  h.app.request('/transaction', {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });

describe('plain HTTP without --insecure-dev-auth', () => {
  let h: AuthHarness;
  beforeAll(async () => {
    h = await createAuthHarness();
    await h.issueClient('5567044268');
  });
  afterAll(() => h.close());

  it('answers 401 request_denied "permission denied" (reason https_required, a hint naming the way out), over a real HTTP socket', async () => {
    const server = createAdaptorServer({ fetch: h.app.fetch });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/transaction`, {
        method: 'POST',
        body: JSON.stringify(transactionBody('https://5567044268.huvudman.test')),
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBe(401);
      const body = (await res.json()) as { error: { reason: string; description: string; hint: string } };
      expect(body.error).toMatchObject({
        code: 'request_denied',
        description: 'permission denied',
        reason: 'https_required',
      });
      expect(body.error.hint).toContain('HTTPS port');
      expect(body.error.hint).toContain('--insecure-dev-auth');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('refuses the insecure-dev proof', async () => {
    const res = await post(h, transactionBody({ proof: 'insecure-dev', organization_id: 'SE5567044268' }));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { reason: 'insecure_dev_auth_disabled' } });
  });
});

describe('plain HTTP with --insecure-dev-auth', () => {
  let h: AuthHarness;
  beforeAll(async () => {
    h = await createAuthHarness({ insecureDevAuth: true });
    await h.issueClient('5567044268');
  });
  afterAll(() => h.close());

  it('trusts a federation entity id and uses its organisation', async () => {
    const res = await post(h, transactionBody('https://5567044268.huvudman.test'));
    expect(res.status).toBe(200);
    const { access_token } = (await res.json()) as { access_token: { value: string } };
    const result = await h.auth.verifyAccessToken(access_token.value, {
      type: 'provisioning-api',
      location: h.provisioningUrl,
    });
    expect(result).toMatchObject({
      ok: true,
      claims: {
        organization_id: 'SE5567044268',
        auth_source: 'insecure-dev',
        entity_id: 'https://5567044268.huvudman.test',
      },
    });
  });

  it('trusts {"proof":"insecure-dev","organization_id"} without any certificate', async () => {
    const res = await post(
      h,
      transactionBody({ proof: 'insecure-dev', organization_id: '202100-4185' }, 'ss12000-api'),
    );
    expect(res.status).toBe(200);
    const { access_token } = (await res.json()) as { access_token: { value: string } };
    const result = await h.auth.verifyAccessToken(access_token.value, {
      type: 'ss12000-api',
      location: h.provisioningUrl,
    });
    expect(result).toMatchObject({
      ok: true,
      claims: { organization_id: 'SE2021004185', auth_source: 'insecure-dev' },
    });
    expect(h.journal.query({ path: '/transaction' }).at(-1)?.organisationId).toBe('SE2021004185');
  });

  it('still refuses unknown entities and cert#S256 without a certificate', async () => {
    const unknown = await post(h, transactionBody('https://nobody.huvudman.test'));
    expect(await unknown.json()).toMatchObject({ error: { reason: 'unknown_entity' } });
    const thumb = await post(
      h,
      transactionBody({ proof: 'mtls', 'cert#S256': 'u3AhCJWyPg+JDMhT7WZdznC0ABVS/7tmRpZ3OaSxuSg=' }),
    );
    expect(thumb.status).toBe(401);
    expect(await thumb.json()).toMatchObject({ error: { reason: 'no_client_certificate' } });
  });

  it('still checks the certificate when one is presented over HTTPS (the federation entity must list it)', async () => {
    const other = await h.issueClient('2021004185');
    const res = await h.transaction(transactionBody('https://5567044268.huvudman.test'), other);
    expect(res.json).toMatchObject({ error: { reason: 'certificate_not_listed' } });
  });
});
