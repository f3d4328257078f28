// Signing keys: persisted across restarts, rotated on request, old key published only for the grace period.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createControlledClock } from '../../src/clock/index.js';
import { buildSettings } from '../../src/config/index.js';
import { createAuthService } from '../../src/mock-auth/index.js';
import { makeTempDir, removeTempDir } from '../support/pki.js';
import { type AuthHarness, createAuthHarness } from './harness.js';

const API = 'https://localhost:8443/provtjanst/provisioning/v1';
const expected = { type: 'provisioning-api' as const, location: API };
const issue = (h: AuthHarness) =>
  h.auth.issueToken({
    organisationNumber: '5567044268',
    entityId: 'https://5567044268.huvudman.test',
    access: [{ type: 'provisioning-api', locations: [API] }],
    authSource: 'tlsfed',
  });

describe('key rotation', () => {
  let h: AuthHarness;
  beforeAll(async () => {
    // Grace one hour, tokens live two hours: a token can outlive its key.
    h = await createAuthHarness({ keyGracePeriod: 3600, tokenLifetime: 7200 });
  });
  afterAll(() => h.close());

  it('keeps the old key in the JWKS for the grace period, then drops it (unknown_kid)', async () => {
    const token = await issue(h);
    const rotated = (await (await h.app.request('/_mock/auth/rotate', { method: 'POST' })).json()) as {
      kid: string;
      retiredKid: string;
    };
    expect(rotated).toEqual({
      kid: expect.stringMatching(/^provtjanst_mock_\d{8}_\d+$/),
      retiredKid: token.kid,
    });
    expect(rotated.kid).not.toBe(token.kid);

    const kids = () => h.auth.jwks().keys.map((key) => key.kid);
    expect(kids()).toEqual([rotated.kid, token.kid]);
    const fresh = await issue(h);
    expect(fresh.kid).toBe(rotated.kid);

    h.clock.advance(3_599_000);
    expect((await h.auth.verifyAccessToken(token.value, expected)).ok).toBe(true);
    const published = (await (await h.app.request('/.well-known/jwks.json')).json()) as {
      keys: { kid: string }[];
    };
    expect(published.keys.map((key) => key.kid)).toContain(token.kid);

    h.clock.advance(1_000);
    expect(kids()).toEqual([rotated.kid]);
    expect(await h.auth.verifyAccessToken(token.value, expected)).toMatchObject({
      ok: false,
      code: 'unknown_kid',
    });
    expect((await h.auth.verifyAccessToken(fresh.value, expected)).ok).toBe(true);
  });

  it('reports key status on /_mock/auth/keys', async () => {
    const res = await h.app.request('/_mock/auth/keys');
    const { keys } = (await res.json()) as { keys: { kid: string; current: boolean; inJwks: boolean }[] };
    expect(keys.filter((key) => key.current)).toHaveLength(1);
    expect(keys.find((key) => key.current)?.kid).toBe(h.auth.jwks().keys[0]?.kid);
  });
});

describe('signing keys in the state directory', () => {
  it('survive a restart, so tokens issued before still verify', async () => {
    const stateDir = makeTempDir();
    try {
      const clock = createControlledClock();
      const settings = buildSettings({ stateDir });
      const first = await createAuthService({ settings, clock });
      const token = await first.issueToken({
        organisationNumber: '5567044268',
        entityId: 'e',
        access: [{ type: 'provisioning-api', locations: [API] }],
        authSource: 'tlsfed',
      });
      await first.close();
      expect(readdirSync(join(stateDir, 'signing-keys'))).toEqual([`${token.kid}.jwk.json`]);

      const second = await createAuthService({ settings, clock });
      expect(second.jwks().keys.map((key) => key.kid)).toEqual([token.kid]);
      expect(await second.verifyAccessToken(token.value, expected)).toMatchObject({ ok: true });
      expect(second.tls.caCertPem).toBe(first.tls.caCertPem);
    } finally {
      removeTempDir(stateDir);
    }
  });
});
