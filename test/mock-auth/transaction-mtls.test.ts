// POST /transaction over real mTLS: both identification modes get tokens; every refusal has its own reason.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendFederationEntity,
  type DevClient,
  ensureDevPki,
  issueClientCertificate,
} from '../../src/mock-auth/index.js';
import { issueForeignClientCertificate, makeTempDir, removeTempDir } from '../support/pki.js';
import { type AuthHarness, createAuthHarness, transactionBody } from './harness.js';

interface TokenResponse {
  access_token: { value: string; access: unknown; expires_in: number; flags: string[] };
}
interface ErrorResponse {
  error: { code: string; description: string; reason: string };
}

describe('POST /transaction over mTLS', () => {
  let h: AuthHarness;
  let client: DevClient;

  beforeAll(async () => {
    h = await createAuthHarness({ tokenLifetime: 7200 });
    client = await h.issueClient('556704-4268', { name: 'Skola Åäö AB' });
  });
  afterAll(() => h.close());

  it('issues a token to a federation entity whose pin matches the certificate', async () => {
    const res = await h.transaction(transactionBody(client.entityId), client);
    expect(res.status).toBe(200);
    const body = res.json as TokenResponse;
    expect(body.access_token.flags).toEqual(['bearer']);
    expect(body.access_token.expires_in).toBe(7200);
    expect(body.access_token.access).toEqual([{ type: 'provisioning-api', locations: [h.provisioningUrl] }]);

    const jwks = (await h.get('/.well-known/jwks.json')).json as { keys: Record<string, unknown>[] };
    for (const key of jwks.keys) {
      expect(Object.keys(key).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y']);
    }
    const { payload, protectedHeader } = await jwtVerify(
      body.access_token.value,
      createLocalJWKSet(jwks as never),
      {
        currentDate: h.clock.date(),
      },
    );
    expect(protectedHeader).toEqual({ alg: 'ES256', kid: jwks.keys[0]?.kid, typ: 'JWT' });
    expect(payload).toMatchObject({
      aud: 'nutid test',
      auth_source: 'tlsfed',
      entity_id: 'https://5567044268.huvudman.test',
      organization_id: 'SE5567044268',
      requested_access: [{ type: 'provisioning-api', locations: [h.provisioningUrl] }],
      version: 1,
      iat: Math.floor(h.clock.now() / 1000),
    });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(7200);
    expect(payload.nbf).toBe(payload.iat);
  });

  it('issues a token to an approved-CA certificate named by cert#S256, base64 or base64url', async () => {
    const base64url = client.thumbprint.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    for (const thumbprint of [client.thumbprint, base64url]) {
      const res = await h.transaction(
        transactionBody({ proof: 'mtls', 'cert#S256': thumbprint }, 'ss12000-client'),
        client,
      );
      expect(res.status).toBe(200);
      const token = (res.json as TokenResponse).access_token.value;
      const verified = await h.auth.verifyAccessToken(token, {
        type: 'ss12000-client',
        location: h.provisioningUrl,
      });
      expect(verified).toMatchObject({
        ok: true,
        claims: {
          organization_id: 'SE5567044268',
          auth_source: 'ca',
          common_name: 'Skola Åäö AB',
          country_code: 'SE',
        },
      });
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
    expect(entry?.notes?.issuedTokenId).toBe(record?.tokenId);
  });

  describe('refusals', () => {
    const refused = async (res: { status: number; json: unknown }) => {
      const body = res.json as ErrorResponse;
      return {
        status: res.status,
        code: body.error.code,
        reason: body.error.reason,
        description: body.error.description,
      };
    };

    it('refuses a certificate from a CA the mock does not trust: unknown_ca', async () => {
      const foreign = await issueForeignClientCertificate('5567044268');
      const res = await h.transaction(
        transactionBody({ proof: 'mtls', 'cert#S256': foreign.thumbprint }),
        foreign,
      );
      expect(await refused(res)).toMatchObject({ status: 401, code: 'request_denied', reason: 'unknown_ca' });
    });

    it('refuses a federation entity whose listed issuer did not sign the certificate: unknown_ca', async () => {
      const foreign = await issueForeignClientCertificate('5567044268');
      await appendFederationEntity(h.auth.federationFile, {
        entityId: 'https://foreign.huvudman.test',
        organisationNumber: '5567044268',
        pin: foreign.pin,
        issuerPem: h.auth.tls.caCertPem,
      });
      const res = await h.transaction(transactionBody('https://foreign.huvudman.test'), foreign);
      expect(await refused(res)).toMatchObject({ status: 401, reason: 'unknown_ca' });
    });

    it('refuses an expired certificate from the dev CA: certificate_expired', async () => {
      const { ca } = await ensureDevPki(h.stateDir);
      // Validity is wall time (TLS checks it so): issued 30 days ago for 2 days.
      const old = await issueClientCertificate(ca, {
        organisationNumber: '5567044268',
        validDays: 2,
        now: new Date(Date.now() - 30 * 86_400_000),
      });
      const res = await h.transaction(transactionBody({ proof: 'mtls', 'cert#S256': old.thumbprint }), old);
      expect(await refused(res)).toMatchObject({ status: 401, reason: 'certificate_expired' });
    });

    it('refuses a cert#S256 that is not the presented certificate: thumbprint_mismatch', async () => {
      const other = await h.issueClient('2021004185');
      const res = await h.transaction(
        transactionBody({ proof: 'mtls', 'cert#S256': other.thumbprint }),
        client,
      );
      expect(await refused(res)).toMatchObject({
        status: 401,
        code: 'request_denied',
        reason: 'thumbprint_mismatch',
      });
    });

    it('refuses a certificate whose pin is not listed for the entity: pin_mismatch', async () => {
      const other = await h.issueClient('2021004185');
      const res = await h.transaction(transactionBody(client.entityId), other);
      expect(await refused(res)).toMatchObject({ status: 401, reason: 'pin_mismatch' });
    });

    it('refuses an entity id that is not in the metadata: unknown_entity', async () => {
      const res = await h.transaction(transactionBody('https://nobody.huvudman.test'), client);
      const failure = await refused(res);
      expect(failure).toMatchObject({ status: 401, reason: 'unknown_entity' });
      expect(failure.description).toContain('https://nobody.huvudman.test');
    });

    it('refuses a request over HTTPS without a client certificate: no_client_certificate', async () => {
      const res = await h.transaction(transactionBody(client.entityId));
      expect(await refused(res)).toMatchObject({ status: 401, reason: 'no_client_certificate' });
    });

    it('refuses malformed JSON: malformed_json', async () => {
      const res = await h.transaction('{"access_token": [', client);
      expect(await refused(res)).toMatchObject({
        status: 400,
        code: 'invalid_request',
        reason: 'malformed_json',
      });
    });

    it('refuses a body that is not an object or has wrong types: invalid_request_body', async () => {
      expect(await refused(await h.transaction('[1,2]', client))).toMatchObject({
        status: 400,
        reason: 'invalid_request_body',
      });
      expect(
        await refused(
          await h.transaction({ access_token: 'please', client: { key: client.entityId } }, client),
        ),
      ).toMatchObject({
        status: 400,
        reason: 'invalid_request_body',
      });
    });

    it('refuses an unknown access type: unknown_access_type', async () => {
      const res = await h.transaction(transactionBody(client.entityId, 'everything'), client);
      const failure = await refused(res);
      expect(failure).toMatchObject({ status: 400, code: 'invalid_request', reason: 'unknown_access_type' });
      expect(failure.description).toContain('provisioning-api');
    });

    it('refuses an access entry without locations: missing_locations', async () => {
      const body = {
        access_token: [{ access: [{ type: 'provisioning-api' }], flags: ['bearer'] }],
        client: { key: client.entityId },
      };
      expect(await refused(await h.transaction(body, client))).toMatchObject({
        status: 400,
        reason: 'missing_locations',
      });
      const empty = transactionBody(client.entityId, 'provisioning-api', []);
      expect(await refused(await h.transaction(empty, client))).toMatchObject({
        status: 400,
        reason: 'missing_locations',
      });
    });

    it('refuses a location that is not an http(s) URL: invalid_location', async () => {
      const res = await h.transaction(
        transactionBody(client.entityId, 'provisioning-api', ['provisioning']),
        client,
      );
      expect(await refused(res)).toMatchObject({ status: 400, reason: 'invalid_location' });
    });

    it('refuses a flag other than bearer: unsupported_flag', async () => {
      const body = {
        ...transactionBody(client.entityId),
        access_token: [
          { access: [{ type: 'provisioning-api', locations: [h.provisioningUrl] }], flags: ['durable'] },
        ],
      };
      expect(await refused(await h.transaction(body, client))).toMatchObject({
        status: 400,
        code: 'invalid_flag',
        reason: 'unsupported_flag',
      });
    });

    it('refuses a missing or unsupported client key', async () => {
      const noKey = { access_token: transactionBody('x').access_token, client: {} };
      expect(await refused(await h.transaction(noKey, client))).toMatchObject({
        status: 400,
        code: 'invalid_client',
        reason: 'missing_client_key',
      });
      expect(await refused(await h.transaction(transactionBody({ proof: 'jwsd' }), client))).toMatchObject({
        reason: 'invalid_client_key',
      });
      expect(await refused(await h.transaction(transactionBody({ proof: 'mtls' }), client))).toMatchObject({
        reason: 'invalid_client_key',
      });
    });

    it('refuses insecure-dev keys when the mode is off: insecure_dev_auth_disabled', async () => {
      const res = await h.transaction(
        transactionBody({ proof: 'insecure-dev', organization_id: 'SE5567044268' }),
        client,
      );
      expect(await refused(res)).toMatchObject({ status: 400, reason: 'insecure_dev_auth_disabled' });
    });

    it('refuses a body above 64 KB with 413: payload_too_large', async () => {
      const huge = JSON.stringify({ ...transactionBody(client.entityId), padding: 'x'.repeat(70_000) });
      expect(await refused(await h.transaction(huge, client))).toMatchObject({
        status: 413,
        reason: 'payload_too_large',
      });
    });

    it('never records a token for a refused request', async () => {
      const before = h.auth.issuedTokens().length;
      await h.transaction(transactionBody('https://nobody.huvudman.test'), client);
      await h.transaction('nope', client);
      expect(h.auth.issuedTokens().length).toBe(before);
    });
  });
});

describe('approved CAs in <state-dir>/approved-cas', () => {
  it('accepts a certificate from a CA placed there, reading the organisation from its subject', async () => {
    const stateDir = makeTempDir();
    const foreign = await issueForeignClientCertificate('2021004185');
    mkdirSync(join(stateDir, 'approved-cas'));
    writeFileSync(join(stateDir, 'approved-cas', 'other.pem'), foreign.caPem);
    const h = await createAuthHarness({ stateDir });
    try {
      expect(h.auth.tls.trustedCaPems).toHaveLength(2);
      const res = await h.transaction(
        transactionBody({ proof: 'mtls', 'cert#S256': foreign.thumbprint }),
        foreign,
      );
      expect(res.status).toBe(200);
      const token = (res.json as TokenResponse).access_token.value;
      const verified = await h.auth.verifyAccessToken(token, {
        type: 'provisioning-api',
        location: h.provisioningUrl,
      });
      expect(verified).toMatchObject({
        ok: true,
        claims: { organization_id: 'SE2021004185', organization_name: 'Främmande Skola AB' },
      });
    } finally {
      await h.close();
      removeTempDir(stateDir);
    }
  });
});
