// POST /transaction over real mTLS, the accepting side: nutid-auth's request forms, the token it signs, CA profiles.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, importSPKI, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCertificateAuthority } from '../../src/mock-auth/certificate-authority.js';
import { type DevClient, issueClientCertificate } from '../../src/mock-auth/index.js';
import { makeTempDir, removeTempDir } from '../support/pki.js';
import { type AuthHarness, createAuthHarness, transactionBody } from './harness.js';

interface TokenResponse {
  access_token: { value: string; access: unknown; expires_in: number; flags: string[] };
}

const claimsOf = (res: { json: unknown }) => decodeJwt((res.json as TokenResponse).access_token.value);

describe('POST /transaction: what nutid-auth accepts, and the token it answers with', () => {
  let h: AuthHarness;
  let client: DevClient;
  const mtlsKey = (c: DevClient) => ({ proof: 'mtls', 'cert#S256': c.thumbprint });

  beforeAll(async () => {
    h = await createAuthHarness();
    client = await h.issueClient('556704-4268', { name: 'Skola Åäö AB' });
  });
  afterAll(() => h.close());

  it('signs a federation token with header exactly {alg, kid} and nutid-auth claims, verifiable with the JWKS', async () => {
    const res = await h.transaction(transactionBody(client.entityId), client);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json as TokenResponse;
    expect(Object.keys(body.access_token)).toEqual(['value', 'access', 'expires_in', 'flags']);
    expect(body.access_token.flags).toEqual(['bearer']);
    expect(body.access_token.access).toEqual([{ type: 'provisioning-api', locations: [h.provisioningUrl] }]);

    const jwks = (await h.get('/.well-known/jwks.json')).json as { keys: Record<string, unknown>[] };
    for (const key of jwks.keys) expect(Object.keys(key)).toEqual(['kty', 'kid', 'crv', 'x', 'y']);
    const { payload, protectedHeader } = await jwtVerify(
      body.access_token.value,
      createLocalJWKSet(jwks as never),
      {
        currentDate: h.clock.date(),
      },
    );
    expect(protectedHeader).toEqual({ alg: 'ES256', kid: jwks.keys[0]?.kid });
    expect(Object.keys(payload)).toEqual([
      'aud',
      'auth_source',
      'entity_id',
      'exp',
      'iat',
      'iss',
      'nbf',
      'organization_id',
      'requested_access',
      'source',
      'version',
    ]);
    expect(payload).toMatchObject({
      aud: 'nutid test',
      auth_source: 'tlsfed',
      entity_id: 'https://5567044268.huvudman.test',
      organization_id: 'SE5567044268',
      requested_access: [{ locations: [h.provisioningUrl], type: 'provisioning-api' }],
      source: 'provtjanst-mock-federation',
      version: 1,
      iat: Math.floor(h.clock.now() / 1000),
    });
    // Default lifetime: Skolverket's published production token (exp − iat = 36000); expires_in says the same.
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(36_000);
    expect(body.access_token.expires_in).toBe(36_000);
    expect(payload.nbf).toBe(payload.iat);
  });

  it('CA token: no entity_id, source = the issuing CA subject CN, organisation from serialNumber with C as prefix', async () => {
    const res = await h.transaction(transactionBody(mtlsKey(client)), client);
    expect(res.status).toBe(200);
    const claims = claimsOf(res);
    expect(claims.entity_id).toBeUndefined();
    expect(claims).toMatchObject({
      auth_source: 'ca',
      source: 'provtjanst-mock ExpiTrust Test CA v8',
      organization_id: 'SE5567044268',
      common_name: 'Skola Åäö AB',
      organization_name: 'Skola Åäö AB',
      country_code: 'SE',
    });
  });

  it('gives each CA profile its organisation id: ExpiTrust 16…, SITHS SE…-suffix (with EKU clientAuth), EFOS EFOS16…-…', async () => {
    for (const profile of ['expitrust', 'siths', 'efos'] as const) {
      const c = await h.issueClient('5565594230', { profile, entityId: `https://${profile}.huvudman.test` });
      const res = await h.transaction(transactionBody(mtlsKey(c)), c);
      expect(res.status, profile).toBe(200);
      expect(claimsOf(res).organization_id, profile).toBe('SE5565594230');
      const federated = await h.transaction(transactionBody(c.entityId), c);
      expect(claimsOf(federated).organization_id, profile).toBe('SE5565594230');
    }
    const subjects = await Promise.all(
      (['expitrust', 'siths', 'efos'] as const).map(
        async (profile) =>
          (await h.issueClient('5565594230', { profile, entityId: `https://s-${profile}.test` })).subject,
      ),
    );
    expect(subjects[0]).toContain('2.5.4.5=165565594230');
    expect(subjects[1]).toMatch(/2\.5\.4\.5=SE5565594230-[0-9A-F]{6}/);
    expect(subjects[2]).toMatch(/2\.5\.4\.5=EFOS165565594230-\d{6}/);
  });

  it('issues a token without organization_id when it cannot read one (SITHS without EKU clientAuth, no C gives None…)', async () => {
    const noEku = await h.issueClient('5565594230', {
      profile: 'siths',
      certificate: { clientAuth: false },
      entityId: 'https://noeku.test',
    });
    const res = await h.transaction(transactionBody(mtlsKey(noEku)), noEku);
    expect(res.status).toBe(200);
    expect(claimsOf(res).organization_id).toBeUndefined();
    expect(
      await h.auth.verifyAccessToken((res.json as TokenResponse).access_token.value, {
        type: 'provisioning-api',
        location: h.provisioningUrl,
      }),
    ).toMatchObject({ ok: false, code: 'malformed' });

    const noCountry = await h.issueClient('5560000167', {
      certificate: { country: null },
      entityId: 'https://noc.test',
    });
    expect(
      claimsOf(await h.transaction(transactionBody(mtlsKey(noCountry)), noCountry)).organization_id,
    ).toBe('None5560000167');
  });

  it('accepts what nutid-auth accepts: no access ([]), any type, no locations, strings, durable, one object', async () => {
    const key = mtlsKey(client);
    const noAccess = await h.transaction({ access_token: { flags: ['bearer'] }, client: { key } }, client);
    expect(noAccess.status).toBe(200);
    expect((noAccess.json as TokenResponse).access_token.access).toEqual([]);
    expect(claimsOf(noAccess).requested_access).toEqual([]);

    const lenient = await h.transaction(
      {
        access_token: [
          {
            access: ['read-all', { type: 'made-up', extra: 1, actions: ['read'], identifier: null }],
            flags: ['bearer', 'durable'],
            label: 'ignored',
          },
        ],
        client: { key, display: { name: 'x' } },
        interact: { start: ['redirect'] },
      },
      client,
    );
    expect(lenient.status).toBe(200);
    expect((lenient.json as TokenResponse).access_token.access).toEqual([
      'read-all',
      { type: 'made-up', actions: ['read'] },
    ]);
    expect((lenient.json as TokenResponse).access_token.flags).toEqual(['bearer']);
    expect(claimsOf(lenient).requested_access).toEqual(['read-all', { actions: ['read'], type: 'made-up' }]);
  });

  it('accepts cert#S256 in exactly two encodings, and the {"proof":"mtls","cert":…} form (PEM or base64 DER)', async () => {
    const der = Buffer.from(client.der);
    const std = client.thumbprint;
    const url = client.thumbprintBase64url;
    expect(std).toMatch(/=$/);
    const accepted = [std, url];
    // Unpadded standard base64 and padded base64url are refused, unless the bytes encode the same either way.
    const refused = [std.replace(/=+$/, ''), `${url}=`, ` ${std}`, `${std}\n`, std.toLowerCase()].filter(
      (thumb) => thumb !== std && thumb !== url,
    );
    expect(refused.length).toBeGreaterThanOrEqual(3);
    for (const thumb of accepted) {
      expect(
        (await h.transaction(transactionBody({ proof: 'mtls', 'cert#S256': thumb }), client)).status,
        thumb,
      ).toBe(200);
    }
    for (const thumb of refused) {
      const res = await h.transaction(
        transactionBody({ proof: { method: 'mtls' }, 'cert#S256': thumb }),
        client,
      );
      expect(res.status, thumb).toBe(401);
    }
    for (const cert of [client.certPem, der.toString('base64')]) {
      expect((await h.transaction(transactionBody({ proof: 'mtls', cert }), client)).status).toBe(200);
    }
    const other = await h.issueClient('5567044268', { entityId: 'https://other-cert.test' });
    expect(
      (await h.transaction(transactionBody({ proof: 'mtls', cert: other.certPem }), client)).status,
    ).toBe(401);
    // cert#S256 wins over cert.
    expect(
      (await h.transaction(transactionBody({ proof: 'mtls', 'cert#S256': std, cert: other.certPem }), client))
        .status,
    ).toBe(200);
  });

  it('serves jwk.json, public.pem, OPTIONS /transaction discovery and /status/healthy as nutid-auth', async () => {
    const jwk = (await h.get('/.well-known/jwk.json')).json as Record<string, unknown>;
    expect(jwk).toEqual(((await h.get('/.well-known/jwks.json')).json as { keys: unknown[] }).keys[0]);
    const pem = await h.get('/.well-known/public.pem');
    expect(pem.headers['content-type']).toBe('application/x-pem-file');
    const key = await importSPKI(pem.text, 'ES256');
    const token = (await h.transaction(transactionBody(client.entityId), client)).json as TokenResponse;
    await expect(
      jwtVerify(token.access_token.value, key, { currentDate: h.clock.date() }),
    ).resolves.toBeTruthy();

    const discovery = await h.get('/transaction', 'OPTIONS');
    expect(discovery.status).toBe(200);
    expect(discovery.json).toEqual({
      grant_request_endpoint: `https://127.0.0.1:${h.server.port}/transaction`,
      interaction_start_modes_supported: ['redirect', 'user_code', 'user_code_uri'],
      interaction_finish_methods_supported: ['redirect', 'push'],
      key_proofs_supported: ['mtls', 'jws', 'jwsd'],
      assertion_formats_supported: ['saml2'],
      key_rotation_supported: false,
    });
    expect((await h.get('/status/healthy')).json).toEqual({ status: 'STATUS_OK_' });
    const wrongMethod = await h.get('/transaction');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.json).toEqual({ detail: 'Method Not Allowed' });
  });

  it('keeps --token-lifetime, with expires_in = exp − iat', async () => {
    const short = await createAuthHarness({ tokenLifetime: 7200 });
    try {
      const c = await short.issueClient('5567044268');
      const res = await short.transaction(transactionBody(c.entityId), c);
      const claims = claimsOf(res);
      expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(7200);
      expect((res.json as TokenResponse).access_token.expires_in).toBe(7200);
    } finally {
      await short.close();
    }
  });

  it('records the organisation and the issued token in the journal and the token log', async () => {
    const before = h.auth.issuedTokens().length;
    const res = await h.transaction(transactionBody(client.entityId), client);
    const token = (res.json as TokenResponse).access_token.value;
    const record = h.auth.issuedTokens().at(-1);
    expect(h.auth.issuedTokens().length).toBe(before + 1);
    expect(record).toMatchObject({
      organisationId: 'SE5567044268',
      authSource: 'tlsfed',
      via: 'transaction',
      faults: [],
    });
    expect(record?.kid).toBe(decodeProtectedHeader(token).kid);
    const entry = h.journal.query({ path: '/transaction' }).at(-1);
    expect(entry?.organisationId).toBe('SE5567044268');
    expect(entry?.notes).toMatchObject({ issuedTokenId: record?.tokenId, authFlow: 'tlsfed' });
  });
});

describe('CAs in <state-dir>/approved-cas and --ca-certs', () => {
  it('accepts a certificate issued directly by a CA placed there, recognised by its issuer O', async () => {
    const stateDir = makeTempDir();
    const ca = await createCertificateAuthority('Partner ExpiTrust-like CA', new Date(), 'Expisoft AB');
    const cert = await issueClientCertificate(ca, {
      organisationNumber: '2021004185',
      name: 'Främmande Skola AB',
    });
    mkdirSync(join(stateDir, 'approved-cas'));
    writeFileSync(join(stateDir, 'approved-cas', 'other.pem'), ca.certPem);
    const h = await createAuthHarness({ stateDir });
    try {
      const res = await h.transaction(transactionBody({ proof: 'mtls', 'cert#S256': cert.thumbprint }), cert);
      expect(res.status).toBe(200);
      expect(claimsOf(res)).toMatchObject({
        organization_id: 'SE2021004185',
        organization_name: 'Främmande Skola AB',
        source: 'Partner ExpiTrust-like CA',
      });
    } finally {
      await h.close();
      removeTempDir(stateDir);
    }
  });

  it('with --ca-certs trusts only that directory (files *.c*), so the dev CAs fall through to 401', async () => {
    const dir = makeTempDir();
    const ca = await createCertificateAuthority('Own CA', new Date(), 'Inera AB');
    writeFileSync(join(dir, 'own.crt'), ca.certPem);
    const h = await createAuthHarness({ caCerts: dir });
    try {
      const own = await issueClientCertificate(ca, { organisationNumber: '5565594230', profile: 'siths' });
      const res = await h.transaction(transactionBody({ proof: 'mtls', 'cert#S256': own.thumbprint }), own);
      expect(claimsOf(res)).toMatchObject({ organization_id: 'SE5565594230', source: 'Own CA' });
      const dev = await h.issueClient('5567044268');
      const refused = await h.transaction(
        transactionBody({ proof: 'mtls', 'cert#S256': dev.thumbprint }),
        dev,
      );
      expect(refused.json).toMatchObject({ error: { code: 'request_denied', reason: 'unknown_ca' } });
    } finally {
      await h.close();
      removeTempDir(dir);
    }
  });
});
