// The verified-token cache and the synchronous ES256 verifier: a hit still re-checks time, key and audience; forgeries never hit.
import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import { exportJWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ControlledClock, createControlledClock } from '../../src/clock/index.js';
import type { VerifyExpectation } from '../../src/mock-auth/access-token.js';
import { signAccessToken } from '../../src/mock-auth/issue-token.js';
import { SigningKeyStore } from '../../src/mock-auth/signing-keys.js';
import { VerifiedTokenCache } from '../../src/mock-auth/verified-token-cache.js';
import { verifyAccessTokenSync } from '../../src/mock-auth/verify-token.js';
import { makeTempDir, removeTempDir } from '../support/pki.js';

const API = 'https://localhost:8443/provtjanst/provisioning/v1';
const expected: VerifyExpectation = { type: 'provisioning-api', location: API };
const GRACE_SECONDS = 60;

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('verified-token cache', () => {
  let dir: string;
  let clock: ControlledClock;
  let keys: SigningKeyStore;
  beforeAll(async () => {
    dir = makeTempDir();
    clock = createControlledClock();
    keys = await SigningKeyStore.open(dir, clock, GRACE_SECONDS);
  });
  afterAll(() => removeTempDir(dir));

  const issue = async (lifetimeSeconds = 600) => {
    const key = keys.current();
    const { value } = await signAccessToken(
      {
        organisationNumber: '5567044268',
        entityId: 'https://5567044268.huvudman.test',
        access: [{ type: 'provisioning-api', locations: [API] }],
        authSource: 'tlsfed',
        lifetimeSeconds,
      },
      {
        kid: key.kid,
        privateKey: key.privateKey,
        issuer: 'http://localhost',
        nowMs: clock.now(),
        defaultLifetimeSeconds: 600,
      },
    );
    return value;
  };
  const verify = (token: string, cache: VerifiedTokenCache, expectation = expected) =>
    verifyAccessTokenSync(token, expectation, keys, clock, cache);

  it('re-checks exp and nbf on the mock clock at every hit', async () => {
    const cache = new VerifiedTokenCache();
    const lookup = vi.spyOn(cache, 'lookup');
    const token = await issue(600);
    expect(verify(token, cache).ok).toBe(true);
    expect(lookup.mock.results.at(-1)?.value).toBeUndefined();
    expect(cache.size).toBe(1);

    clock.advance(599_000);
    expect(verify(token, cache).ok).toBe(true);
    expect(lookup.mock.results.at(-1)?.value).toBeDefined();

    clock.advance(1_000);
    expect(verify(token, cache)).toMatchObject({ ok: false, code: 'expired' });
    expect(lookup.mock.results.at(-1)?.value).toBeDefined();

    clock.set(clock.now() - 600_000 - 5_000);
    expect(verify(token, cache)).toMatchObject({ ok: false, code: 'not_yet_valid' });
    expect(lookup.mock.results.at(-1)?.value).toBeDefined();
    clock.advance(5_000);
  });

  it('re-checks type, location and organisation at every hit', async () => {
    const cache = new VerifiedTokenCache();
    const token = await issue();
    expect(verify(token, cache).ok).toBe(true);
    expect(verify(token, cache, { ...expected, type: 'ss12000-api' })).toMatchObject({
      code: 'wrong_type',
    });
    expect(verify(token, cache, { ...expected, location: 'https://elsewhere.example' })).toMatchObject({
      code: 'wrong_location',
    });
    expect(verify(token, cache, { ...expected, organisationId: '2120000142' })).toMatchObject({
      code: 'wrong_organisation',
    });
    expect(cache.size).toBe(1);
  });

  it('drops the entries of a key that has left the JWKS: at rotation past the grace, and at the next hit', async () => {
    const cache = new VerifiedTokenCache();
    const token = await issue(7200);
    expect(verify(token, cache).ok).toBe(true);
    await keys.rotate();
    cache.dropUnpublished((kid) => keys.published(kid));
    expect(cache.size).toBe(1);
    expect(verify(token, cache).ok).toBe(true);

    clock.advance(GRACE_SECONDS * 1000);
    expect(verify(token, cache)).toMatchObject({ ok: false, code: 'unknown_kid' });
    expect(cache.size).toBe(0);

    const fresh = await issue(7200);
    expect(verify(fresh, cache).ok).toBe(true);
    await keys.rotate();
    clock.advance(GRACE_SECONDS * 1000);
    cache.dropUnpublished((kid) => keys.published(kid));
    expect(cache.size).toBe(0);
  });

  it('refuses a forged token that carries a cached token’s header and claims', async () => {
    const cache = new VerifiedTokenCache();
    const token = await issue();
    expect(verify(token, cache).ok).toBe(true);
    const [header, payload, signature] = token.split('.') as [string, string, string];

    // Signed over the very same header.payload by a key that is not the mock's.
    const foreign = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const resigned = sign('sha256', Buffer.from(`${header}.${payload}`), {
      key: foreign.privateKey,
      dsaEncoding: 'ieee-p1363',
    }).toString('base64url');
    expect(verify(`${header}.${payload}.${resigned}`, cache)).toMatchObject({
      ok: false,
      code: 'bad_signature',
    });
    // One flipped signature character; a signature cut short; none at all.
    const flipped = `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
    for (const forged of [flipped, signature.slice(0, 40), '']) {
      expect(verify(`${header}.${payload}.${forged}`, cache)).toMatchObject({
        ok: false,
        code: 'bad_signature',
      });
    }
    // The cached claims with a later exp, under the cached signature.
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp: number };
    expect(
      verify(`${header}.${b64({ ...claims, exp: claims.exp + 3600 })}.${signature}`, cache),
    ).toMatchObject({ ok: false, code: 'bad_signature' });
    expect(cache.size).toBe(1);
  });

  it('keeps at most its capacity, dropping the oldest entry first', async () => {
    const cache = new VerifiedTokenCache(2);
    const tokens = [await issue(600), await issue(601), await issue(602)];
    for (const token of tokens) expect(verify(token, cache).ok).toBe(true);
    expect(cache.size).toBe(2);
    expect(cache.lookup(tokens[0]!, (kid) => keys.published(kid))).toBeUndefined();
    expect(cache.lookup(tokens[2]!, (kid) => keys.published(kid))).toBeDefined();
  });
});

describe('synchronous ES256 verification', () => {
  let dir: string;
  let keys: SigningKeyStore;
  const clock = createControlledClock();
  beforeAll(async () => {
    dir = makeTempDir();
    keys = await SigningKeyStore.open(dir, clock, 0);
  });
  afterAll(() => removeTempDir(dir));

  /** A compact JWS signed with the mock's current key over any header and payload text. */
  const signRaw = async (header: Record<string, unknown>, payloadText: string) => {
    const key = keys.current();
    const jwk = await exportJWK(key.privateKey);
    const privateKey = createPrivateKey({ key: jwk as never, format: 'jwk' });
    const input = `${b64({ kid: key.kid, ...header })}.${Buffer.from(payloadText).toString('base64url')}`;
    const signature = sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' });
    return `${input}.${signature.toString('base64url')}`;
  };
  const now = () => Math.floor(clock.now() / 1000);
  const goodClaims = () => ({
    aud: 'nutid',
    auth_source: 'tlsfed',
    exp: now() + 60,
    iat: now(),
    nbf: now(),
    iss: 'x',
    organization_id: 'SE5567044268',
    requested_access: [{ type: 'provisioning-api', locations: [API] }],
    version: 1,
  });
  const verify = (token: string) =>
    verifyAccessTokenSync(token, expected, keys, clock, new VerifiedTokenCache());

  it('accepts a well-formed token signed by hand with the published key', async () => {
    expect(verify(await signRaw({ alg: 'ES256' }, JSON.stringify(goodClaims())))).toMatchObject({
      ok: true,
      claims: { organization_id: 'SE5567044268' },
    });
  });

  it('refuses alg none or HS256, a crit header, a payload that is not a JSON object, and bad claims', async () => {
    for (const alg of ['none', 'HS256', 'ES384']) {
      expect(verify(await signRaw({ alg }, JSON.stringify(goodClaims())))).toMatchObject({
        code: 'malformed',
      });
    }
    expect(
      verify(await signRaw({ alg: 'ES256', crit: ['exp'], exp: 1 }, JSON.stringify(goodClaims()))),
    ).toMatchObject({ code: 'malformed' });
    for (const payload of ['[1,2]', '"text"', 'null', '{not json']) {
      expect(verify(await signRaw({ alg: 'ES256' }, payload))).toMatchObject({ code: 'malformed' });
    }
    const { nbf: _nbf, ...noNbf } = goodClaims();
    expect(verify(await signRaw({ alg: 'ES256' }, JSON.stringify(noNbf)))).toMatchObject({
      code: 'malformed',
    });
    expect(
      verify(await signRaw({ alg: 'ES256' }, JSON.stringify({ ...goodClaims(), exp: String(now() + 60) }))),
    ).toMatchObject({ code: 'malformed' });
  });

  it('refuses parts that are not strict base64url', async () => {
    const token = await signRaw({ alg: 'ES256' }, JSON.stringify(goodClaims()));
    const [header, payload, signature] = token.split('.') as [string, string, string];
    expect(verify(`${header}.${payload}=.${signature}`)).toMatchObject({ code: 'malformed' });
    expect(verify(`${header}.${payload}.${signature}+`)).toMatchObject({ code: 'malformed' });
    expect(verify(`${token}.extra`)).toMatchObject({ code: 'malformed' });
  });
});
