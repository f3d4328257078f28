// The reference push client's token source against the real mock-auth: GNAP over mTLS, ES256 verified on the JWKS.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DevClient } from '../../src/mock-auth/index.js';
import { type AuthHarness, createAuthHarness } from '../mock-auth/harness.js';
import {
  type CodedError,
  type JwksModule,
  loadJwks,
  loadToken,
  loadTransport,
  type TokenModule,
  type TransportModule,
} from './push-client-modules.js';

describe('push client token source against mock-auth (real TLS)', () => {
  let h: AuthHarness;
  let client: DevClient;
  let token: TokenModule;
  let jwks: JwksModule;
  let transport: TransportModule;
  let log: string[];

  beforeAll(async () => {
    h = await createAuthHarness();
    client = await h.issueClient('5567044268');
    [token, jwks, transport] = await Promise.all([loadToken(), loadJwks(), loadTransport()]);
  });
  afterEach(() => h.auth.faults.clear());
  afterAll(() => h.close());

  function tokenSource(organizationId = client.organisationId) {
    log = [];
    const authUrl = `https://localhost:${h.server.port}`;
    return token.createTokenSource({
      config: {
        authUrl,
        provisioningUrl: h.provisioningUrl,
        tls: { cert: client.certPem, key: client.keyPem, ca: client.caPem },
      },
      transport: transport.send,
      jwks: jwks.createJwksSource({
        url: `${authUrl}/.well-known/jwks.json`,
        ca: client.caPem,
        transport: transport.send,
      }),
      // The client's waits move the mock's controlled clock: no wall-clock sleeping.
      clock: { now: () => h.clock.now(), sleep: async (ms: number) => h.clock.advance(ms) },
      log: (line) => log.push(line),
      organizationId,
      verifyToken: token.verifyToken,
      shouldRefreshToken: token.shouldRefreshToken,
    });
  }

  it('gets a token with cert#S256 over mTLS, verifies it, and reuses it', async () => {
    const source = tokenSource();
    const first = await source.get();
    expect(first.split('.')).toHaveLength(3);
    expect(await source.get()).toBe(first);
    expect(h.auth.issuedTokens()).toHaveLength(1);
    expect(log[0]).toMatch(
      /^token: fetched, verified kid=\S+ organization_id=SE5567044268, expires in \d+ s$/,
    );
    const fresh = await source.get({ force: true });
    expect(fresh).not.toBe(first);
  });

  it('refuses a token signed by a key the JWKS does not hold, after asking once more', async () => {
    h.auth.faults.set({ unknownKid: {} });
    const before = h.auth.issuedTokens().length;
    const error = (await tokenSource()
      .get()
      .catch((e: unknown) => e)) as CodedError;
    expect(error.code).toBe('TOKEN_REJECTED');
    expect(error.message).toMatch(/^token rejected: .*\[(UNKNOWN_KID|BAD_SIGNATURE)\]$/);
    expect(h.auth.issuedTokens().length - before).toBe(2);
  });

  it('refuses an expired token', async () => {
    h.auth.faults.set({ expired: {} });
    const error = (await tokenSource()
      .get()
      .catch((e: unknown) => e)) as CodedError;
    expect(error.message).toMatch(/\[EXPIRED\]$/);
  });

  it('refuses a token for another organisation than the certificate names', async () => {
    const error = (await tokenSource('SE2021004185')
      .get()
      .catch((e: unknown) => e)) as CodedError;
    expect(error.message).toMatch(/\[WRONG_ORGANIZATION\]$/);
  });

  it('retries /transaction after a 503 and then succeeds', async () => {
    h.auth.faults.set({ fail: { count: 1, status: 503 } });
    const pending = tokenSource().get();
    expect((await pending).split('.')).toHaveLength(3);
    expect(log[0]).toMatch(/^token: https:\/\/localhost:\d+\/transaction failed \(HTTP 503/);
  });
});
