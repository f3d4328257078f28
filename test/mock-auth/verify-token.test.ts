// verifyAccessToken: a good token passes, and every bad case fails with its own code.
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssueTokenRequest } from '../../src/mock-auth/index.js';
import { type AuthHarness, createAuthHarness } from './harness.js';

const API = 'https://localhost:8443/provtjanst/provisioning/v1';

const request = (overrides: Partial<IssueTokenRequest> = {}): IssueTokenRequest => ({
  organisationNumber: '5567044268',
  entityId: 'https://5567044268.huvudman.test',
  access: [{ type: 'provisioning-api', locations: [API] }],
  authSource: 'tlsfed',
  ...overrides,
});

describe('verifyAccessToken', () => {
  let h: AuthHarness;
  beforeAll(async () => {
    h = await createAuthHarness({ tokenLifetime: 600 });
  });
  afterAll(() => h.close());

  const expected = { type: 'provisioning-api' as const, location: API };

  it('accepts a token it issued, with a trailing slash on either side of the location', async () => {
    const token = await h.auth.issueToken(
      request({ access: [{ type: 'provisioning-api', locations: [`${API}/`] }] }),
    );
    const result = await h.auth.verifyAccessToken(token.value, { ...expected, organisationId: '5567044268' });
    expect(result).toMatchObject({
      ok: true,
      tokenId: token.tokenId,
      claims: { organization_id: 'SE5567044268' },
    });
    expect((await h.auth.verifyAccessToken(token.value, { ...expected, location: [`${API}/`] })).ok).toBe(
      true,
    );
  });

  it('says missing for no token and malformed for garbage', async () => {
    expect(await h.auth.verifyAccessToken('', expected)).toMatchObject({ ok: false, code: 'missing' });
    expect(await h.auth.verifyAccessToken(undefined, expected)).toMatchObject({ ok: false, code: 'missing' });
    expect(await h.auth.verifyAccessToken('not-a-jwt', expected)).toMatchObject({
      ok: false,
      code: 'malformed',
    });
    expect(await h.auth.verifyAccessToken('a.b.c', expected)).toMatchObject({ ok: false, code: 'malformed' });
  });

  it('says bad_signature for a token signed by a foreign key under a published kid', async () => {
    const kid = h.auth.jwks().keys[0]?.kid as string;
    const { privateKey } = await generateKeyPair('ES256');
    const now = Math.floor(h.clock.now() / 1000);
    const forged = await new SignJWT({
      organization_id: 'SE5567044268',
      requested_access: [{ type: 'provisioning-api', locations: [API] }],
      aud: 'nutid test',
      iss: 'x',
      auth_source: 'tlsfed',
      version: 1,
    })
      .setProtectedHeader({ alg: 'ES256', kid })
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + 60)
      .sign(privateKey);
    expect(await h.auth.verifyAccessToken(forged, expected)).toMatchObject({
      ok: false,
      code: 'bad_signature',
    });
  });

  it('says unknown_kid for a kid the JWKS does not have (or no kid at all)', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    expect((await exportJWK(publicKey)).kty).toBe('EC');
    const foreign = await new SignJWT({ organization_id: 'SE5567044268' })
      .setProtectedHeader({ alg: 'ES256', kid: 'someone_else_1' })
      .sign(privateKey);
    expect(await h.auth.verifyAccessToken(foreign, expected)).toMatchObject({
      ok: false,
      code: 'unknown_kid',
    });
    const noKid = await new SignJWT({ organization_id: 'SE5567044268' })
      .setProtectedHeader({ alg: 'ES256' })
      .sign(privateKey);
    expect(await h.auth.verifyAccessToken(noKid, expected)).toMatchObject({ ok: false, code: 'unknown_kid' });
  });

  it('says expired once the clock passes exp, and not before', async () => {
    const token = await h.auth.issueToken(request());
    h.clock.advance(599_000);
    expect((await h.auth.verifyAccessToken(token.value, expected)).ok).toBe(true);
    h.clock.advance(2_000);
    expect(await h.auth.verifyAccessToken(token.value, expected)).toMatchObject({
      ok: false,
      code: 'expired',
    });
  });

  it('refuses a not-yet-valid-fault token with not_yet_valid until the clock passes its nbf', async () => {
    const now = Math.floor(h.clock.now() / 1000);
    const token = await h.auth.issueToken(request({ faults: ['not-yet-valid'] }));
    expect(token.faults).toEqual(['not-yet-valid']);
    expect(token.claims).toMatchObject({ iat: now + 3_600, nbf: now + 3_600, exp: now + 3_600 + 600 });
    expect(token.expiresIn).toBe(600);
    expect(await h.auth.verifyAccessToken(token.value, expected)).toMatchObject({
      ok: false,
      code: 'not_yet_valid',
    });
    h.clock.advance(3_599_000);
    expect(await h.auth.verifyAccessToken(token.value, expected)).toMatchObject({ code: 'not_yet_valid' });
    h.clock.advance(1_000);
    expect((await h.auth.verifyAccessToken(token.value, expected)).ok).toBe(true);
    expect(h.auth.issuedTokens().at(-1)?.faults).toEqual(['not-yet-valid']);
  });

  it('refuses to issue a token that is both expired and not yet valid (TypeError)', async () => {
    await expect(h.auth.issueToken(request({ faults: ['expired', 'not-yet-valid'] }))).rejects.toThrow(
      TypeError,
    );
  });

  it('says not_yet_valid when the clock is before nbf', async () => {
    const token = await h.auth.issueToken(request());
    h.clock.set(h.clock.now() - 120_000);
    expect(await h.auth.verifyAccessToken(token.value, expected)).toMatchObject({
      ok: false,
      code: 'not_yet_valid',
    });
    h.clock.advance(120_000);
  });

  it('says wrong_type when requested_access does not name the receiver type', async () => {
    const token = await h.auth.issueToken(
      request({ access: [{ type: 'ss12000-client', locations: [API] }] }),
    );
    expect(await h.auth.verifyAccessToken(token.value, expected)).toMatchObject({
      ok: false,
      code: 'wrong_type',
    });
  });

  it('says wrong_location when the type is right but the location is another API', async () => {
    const token = await h.auth.issueToken(
      request({ access: [{ type: 'provisioning-api', locations: ['https://elsewhere.example/api'] }] }),
    );
    expect(await h.auth.verifyAccessToken(token.value, expected)).toMatchObject({
      ok: false,
      code: 'wrong_location',
    });
  });

  it('says wrong_organisation when the expected organisation differs', async () => {
    const token = await h.auth.issueToken(request());
    expect(
      await h.auth.verifyAccessToken(token.value, { ...expected, organisationId: 'SE2021004185' }),
    ).toMatchObject({
      ok: false,
      code: 'wrong_organisation',
    });
  });

  it('throws TypeError when a programmer asks for a token with a bad organisation number or access', async () => {
    await expect(h.auth.issueToken(request({ organisationNumber: '123' }))).rejects.toThrow(TypeError);
    await expect(h.auth.issueToken(request({ access: [] }))).rejects.toThrow(TypeError);
  });
});
