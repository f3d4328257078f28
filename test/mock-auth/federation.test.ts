// TLS federation as nutid-auth runs it: signed metadata verified, iat/exp enforced, the exact certificate in issuers.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeJwt, exportJWK, FlattenedSign, GeneralSign, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendFederationEntity,
  type DevClient,
  ensureFederationKey,
  FederationMetadataError,
  parseFederationMetadata,
} from '../../src/mock-auth/index.js';
import { issueForeignClientCertificate, makeTempDir, removeTempDir } from '../support/pki.js';
import { type AuthHarness, createAuthHarness, transactionBody } from './harness.js';

const DAY_S = 86_400;
const nowS = () => Math.floor(Date.now() / 1000);

function metadataFor(entities: unknown[], times: { iat?: number; exp?: number } = {}) {
  return { version: '1.0.0', cache_ttl: 3600, iss: 'https://fed.example.se', ...times, entities };
}

function entity(entityId: string, certPem: string, organisationId?: string) {
  return {
    entity_id: entityId,
    ...(organisationId ? { organization_id: organisationId } : {}),
    issuers: [{ x509certificate: certPem }],
    clients: [{ pins: [{ alg: 'sha256', digest: 'AAAA' }] }],
  };
}

describe('TLS federation (TLSFEDFlow)', () => {
  let h: AuthHarness;
  let client: DevClient;
  beforeAll(async () => {
    h = await createAuthHarness();
    client = await h.issueClient('5567044268');
  });
  afterAll(() => h.close());

  it('gives a token to the entity whose signed metadata lists the very certificate, source = metadata iss', async () => {
    const res = await h.transaction(transactionBody(client.entityId), client);
    expect(res.status).toBe(200);
    const claims = decodeJwt((res.json as { access_token: { value: string } }).access_token.value);
    expect(claims).toMatchObject({
      auth_source: 'tlsfed',
      entity_id: client.entityId,
      organization_id: 'SE5567044268',
    });
  });

  it('refuses a certificate the entity does not list, even from the same dev CA and with a pin', async () => {
    const sibling = await h.issueClient('5567044268', { entityId: 'https://sibling.huvudman.test' });
    const res = await h.transaction(transactionBody(client.entityId), sibling);
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({
      error: { code: 'request_denied', description: 'permission denied', reason: 'certificate_not_listed' },
    });
  });

  it('accepts a self-signed or foreign certificate once the metadata lists it (no CA or chain check)', async () => {
    const foreign = await issueForeignClientCertificate('2021004185');
    const key = await ensureFederationKey(join(h.stateDir, 'federation-key', 'metadata-key.jwk.json'));
    await appendFederationEntity(
      h.auth.federationFile,
      { entityId: 'https://foreign.test', organisationNumber: '2021004185', certPem: foreign.certPem },
      { key },
    );
    const res = await h.transaction(transactionBody('https://foreign.test'), foreign);
    expect(res.status).toBe(200);
  });
});

describe('federation metadata files', () => {
  let dir: string;
  let foreignKey: Awaited<ReturnType<typeof generateKeyPair>>;
  let client: Awaited<ReturnType<typeof issueForeignClientCertificate>>;
  let jwksFile: string;

  beforeAll(async () => {
    dir = makeTempDir();
    client = await issueForeignClientCertificate('2021004185');
    foreignKey = await generateKeyPair('ES256', { extractable: true });
    jwksFile = join(dir, 'fed-jwks.json');
    writeFileSync(
      jwksFile,
      JSON.stringify({ keys: [{ ...(await exportJWK(foreignKey.publicKey)), kid: 'fed-1' }] }),
    );
  });
  afterAll(() => removeTempDir(dir));

  async function sign(payload: unknown, kid = 'fed-1') {
    return JSON.stringify(
      await new FlattenedSign(new TextEncoder().encode(JSON.stringify(payload)))
        .setProtectedHeader({ alg: 'ES256', kid })
        .sign(foreignKey.privateKey),
    );
  }

  /** A harness whose --federation file holds `text`, trusting the JWKS file. */
  async function withMetadata(text: string, run: (h: AuthHarness) => Promise<void>) {
    const file = join(dir, `fed-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, text);
    const h = await createAuthHarness({ federation: file, federationJwks: jwksFile });
    try {
      await run(h);
    } finally {
      await h.close();
    }
  }

  it('uses metadata signed by a trusted key (--federation-jwks), in JSON and compact serialisation', async () => {
    const payload = metadataFor([entity('https://skolverket.test', client.certPem, 'SE2021004185')], {
      iat: nowS() - 60,
      exp: nowS() + DAY_S,
    });
    const flattened = await sign(payload);
    const { payload: p, protected: prot, signature } = JSON.parse(flattened) as Record<string, string>;
    for (const text of [flattened, `${prot}.${p}.${signature}`]) {
      await withMetadata(text, async (h) => {
        const res = await h.transaction(transactionBody('https://skolverket.test'), client);
        expect(res.status).toBe(200);
        const claims = decodeJwt((res.json as { access_token: { value: string } }).access_token.value);
        expect(claims).toMatchObject({ source: 'https://fed.example.se', organization_id: 'SE2021004185' });
      });
    }
  });

  it('copies organization_id verbatim, and issues a token without one when the entity has none', async () => {
    const payload = metadataFor(
      [
        entity('https://verbatim.test', client.certPem, '2021004185'),
        entity('https://none.test', client.certPem),
      ],
      { iat: nowS() - 60, exp: nowS() + DAY_S },
    );
    await withMetadata(await sign(payload), async (h) => {
      const verbatim = await h.transaction(transactionBody('https://verbatim.test'), client);
      expect(
        decodeJwt((verbatim.json as { access_token: { value: string } }).access_token.value).organization_id,
      ).toBe('2021004185');
      const none = await h.transaction(transactionBody('https://none.test'), client);
      expect(none.status).toBe(200);
      expect(
        decodeJwt((none.json as { access_token: { value: string } }).access_token.value).organization_id,
      ).toBeUndefined();
    });
  });

  it('refuses every entity of expired or not-yet-valid metadata (iat/exp, from the payload or the JWS header)', async () => {
    const entities = [entity('https://skolverket.test', client.certPem, 'SE2021004185')];
    const expired = await sign(metadataFor(entities, { iat: nowS() - 2 * DAY_S, exp: nowS() - DAY_S }));
    const future = await sign(metadataFor(entities, { iat: nowS() + DAY_S, exp: nowS() + 2 * DAY_S }));
    const headerExp = JSON.stringify(
      await new GeneralSign(new TextEncoder().encode(JSON.stringify(metadataFor(entities))))
        .addSignature(foreignKey.privateKey)
        .setProtectedHeader({
          alg: 'ES256',
          kid: 'fed-1',
          iat: nowS() - 2 * DAY_S,
          exp: nowS() - DAY_S,
        } as never)
        .sign(),
    );
    for (const text of [expired, future, headerExp]) {
      await withMetadata(text, async (h) => {
        const res = await h.transaction(transactionBody('https://skolverket.test'), client);
        expect(res.status).toBe(401);
        expect(res.json).toMatchObject({
          error: {
            code: 'request_denied',
            description: 'permission denied',
            reason: 'federation_metadata_expired',
          },
        });
      });
    }
  });

  it('refuses unsigned metadata, metadata signed by an unknown key, and a schema nutid-auth rejects', async () => {
    const { publicJwk } = await ensureFederationKey(join(dir, 'k.jwk.json'));
    const entities = [entity('https://skolverket.test', client.certPem, 'SE2021004185')];
    await expect(parseFederationMetadata(JSON.stringify(metadataFor(entities)), [publicJwk])).rejects.toThrow(
      /not a signed JWS/,
    );
    await expect(parseFederationMetadata(await sign(metadataFor(entities)), [publicJwk])).rejects.toThrow(
      FederationMetadataError,
    );
    const foreignJwk = JSON.parse(readFileSync(jwksFile, 'utf8')).keys;
    const noCacheTtl = { version: '1.0.0', entities };
    await expect(parseFederationMetadata(await sign(noCacheTtl), foreignJwk)).rejects.toThrow(/cache_ttl/);
    const noIssuers = metadataFor([{ entity_id: 'https://x.test' }]);
    await expect(parseFederationMetadata(await sign(noIssuers), foreignJwk)).rejects.toThrow(/issuers/);

    // serve with an explicit --federation that is unsigned refuses to start.
    const file = join(dir, 'plain.json');
    writeFileSync(file, JSON.stringify(metadataFor(entities)));
    await expect(createAuthHarness({ federation: file })).rejects.toThrow(/not a signed JWS/);
  });
});
