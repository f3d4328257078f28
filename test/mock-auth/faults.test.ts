// Fault knobs on token requests: fail the next N, delay on the clock, expired or not-yet-valid tokens, unknown kid.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DevClient } from '../../src/mock-auth/index.js';
import { type AuthHarness, createAuthHarness, transactionBody } from './harness.js';

interface TokenResponse {
  access_token: { value: string; expires_in: number };
}

describe('auth fault knobs', () => {
  let h: AuthHarness;
  let client: DevClient;
  const expected = () => ({ type: 'provisioning-api' as const, location: h.provisioningUrl });
  const control = (method: string, body?: unknown) =>
    h.app.request('/_mock/auth/faults', {
      method,
      ...(body !== undefined
        ? {
            body: typeof body === 'string' ? body : JSON.stringify(body),
            headers: { 'content-type': 'application/json' },
          }
        : {}),
    });

  beforeAll(async () => {
    h = await createAuthHarness();
    client = await h.issueClient('5567044268');
  });
  afterEach(() => h.auth.faults.clear());
  afterAll(() => h.close());

  it('fails the next N token requests with 503, then issues tokens again', async () => {
    const set = await control('PUT', { fail: { count: 2, status: 503 } });
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual({ fail: { count: 2, status: 503 } });

    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await h.transaction(transactionBody(client.entityId), client)).status);
    expect(statuses).toEqual([503, 503, 200]);
    expect(await (await control('GET')).json()).toEqual({});
  });

  it('fails with 500 when asked, with a body naming the injected fault', async () => {
    h.auth.faults.set({ fail: { status: 500 } });
    const res = await h.transaction(transactionBody(client.entityId), client);
    expect(res.status).toBe(500);
    expect(res.json).toMatchObject({ error: { reason: 'injected_fault' } });
  });

  it('issues an already expired token (expires_in still claims the lifetime)', async () => {
    await control('POST', { expired: { count: 1 } });
    const first = (await h.transaction(transactionBody(client.entityId), client)).json as TokenResponse;
    expect(first.access_token.expires_in).toBe(h.settings.tokenLifetime);
    expect(await h.auth.verifyAccessToken(first.access_token.value, expected())).toMatchObject({
      ok: false,
      code: 'expired',
    });
    expect(h.auth.issuedTokens().at(-1)?.faults).toEqual(['expired']);

    const second = (await h.transaction(transactionBody(client.entityId), client)).json as TokenResponse;
    expect((await h.auth.verifyAccessToken(second.access_token.value, expected())).ok).toBe(true);
  });

  it('issues not-yet-valid tokens for the next N, valid once the clock passes nbf', async () => {
    const set = await control('POST', { notYetValid: { count: 2 } });
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual({ notYetValid: { count: 2 } });

    const tokens = [];
    for (let i = 0; i < 3; i++)
      tokens.push(
        ((await h.transaction(transactionBody(client.entityId), client)).json as TokenResponse).access_token,
      );
    const codes = await Promise.all(
      tokens.map(async (token) => {
        const result = await h.auth.verifyAccessToken(token.value, expected());
        return result.ok ? 'ok' : result.code;
      }),
    );
    expect(codes).toEqual(['not_yet_valid', 'not_yet_valid', 'ok']);
    expect(tokens[0]?.expires_in).toBe(h.settings.tokenLifetime);
    expect(
      h.auth
        .issuedTokens()
        .slice(-3)
        .map((record) => record.faults),
    ).toEqual([['not-yet-valid'], ['not-yet-valid'], []]);
    expect(await (await control('GET')).json()).toEqual({});

    h.clock.advance(3_600_000);
    expect((await h.auth.verifyAccessToken(tokens[0]?.value ?? '', expected())).ok).toBe(true);
  });

  it('issues not-yet-valid tokens until cleared when armed without a count', async () => {
    h.auth.faults.set({ notYetValid: {} });
    for (let i = 0; i < 2; i++) {
      const body = (await h.transaction(transactionBody(client.entityId), client)).json as TokenResponse;
      expect(await h.auth.verifyAccessToken(body.access_token.value, expected())).toMatchObject({
        ok: false,
        code: 'not_yet_valid',
      });
    }
    expect(h.auth.faults.get()).toEqual({ notYetValid: {} });
  });

  it('keeps expired and notYetValid apart: both at once is refused, POSTing one drops the other', async () => {
    const both = await control('PUT', { expired: {}, notYetValid: {} });
    expect(both.status).toBe(400);
    expect(await both.json()).toMatchObject({ code: 'bad_faults' });
    expect(() => h.auth.faults.set({ expired: {}, notYetValid: { count: 1 } })).toThrow(TypeError);

    await control('PUT', { expired: { count: 3 }, unknownKid: {} });
    expect(await (await control('POST', { notYetValid: { count: 1 } })).json()).toEqual({
      notYetValid: { count: 1 },
      unknownKid: {},
    });
    expect(await (await control('POST', { expired: {} })).json()).toEqual({ expired: {}, unknownKid: {} });
  });

  it('signs with a kid that is not in the JWKS', async () => {
    h.auth.faults.set({ unknownKid: {} });
    const body = (await h.transaction(transactionBody(client.entityId), client)).json as TokenResponse;
    const record = h.auth.issuedTokens().at(-1);
    expect(h.auth.jwks().keys.map((key) => key.kid)).not.toContain(record?.kid);
    expect(await h.auth.verifyAccessToken(body.access_token.value, expected())).toMatchObject({
      ok: false,
      code: 'unknown_kid',
    });
  });

  it('issues a token for another location, then a good one', async () => {
    h.auth.faults.set({ wrongLocation: { count: 1 } });
    const res = await h.transaction(transactionBody(client.entityId), client);
    const body = res.json as TokenResponse & { access_token: { access: unknown } };
    // The response echoes the request; only the signed token lies.
    expect(body.access_token.access).toEqual([{ type: 'provisioning-api', locations: [h.provisioningUrl] }]);
    const result = await h.auth.verifyAccessToken(body.access_token.value, expected());
    expect(result).toMatchObject({ ok: false, code: 'wrong_location' });
    expect(h.auth.issuedTokens().at(-1)?.faults).toEqual(['wrong-location']);
    const next = (await h.transaction(transactionBody(client.entityId), client)).json as TokenResponse;
    expect((await h.auth.verifyAccessToken(next.access_token.value, expected())).ok).toBe(true);
  });

  it('issues a token for another organisation', async () => {
    await control('POST', { wrongOrganisation: {} });
    const body = (await h.transaction(transactionBody(client.entityId), client)).json as TokenResponse;
    const result = await h.auth.verifyAccessToken(body.access_token.value, {
      ...expected(),
      organisationId: 'SE5567044268',
    });
    expect(result).toMatchObject({ ok: false, code: 'wrong_organisation' });
    const claims = JSON.parse(
      Buffer.from(body.access_token.value.split('.')[1] ?? '', 'base64url').toString(),
    );
    expect(claims.organization_id).toMatch(/^SE\d{10}$/);
    expect(claims.organization_id).not.toBe('SE5567044268');
  });

  it('signs with a published kid but another key (bad signature)', async () => {
    await control('PUT', { badSignature: { count: 1 } });
    const body = (await h.transaction(transactionBody(client.entityId), client)).json as TokenResponse;
    const header = JSON.parse(
      Buffer.from(body.access_token.value.split('.')[0] ?? '', 'base64url').toString(),
    );
    expect(h.auth.jwks().keys.map((key) => key.kid)).toContain(header.kid);
    expect(await h.auth.verifyAccessToken(body.access_token.value, expected())).toMatchObject({
      ok: false,
      code: 'bad_signature',
    });
    expect(h.auth.issuedTokens().at(-1)?.faults).toEqual(['bad-signature']);
    expect(h.auth.faults.get()).toEqual({});
  });

  it('delays token requests on the mock clock, not the wall clock', async () => {
    h.auth.faults.set({ delay: { ms: 5_000, count: 1 } });
    let settled = false;
    // In-process (plain HTTP): without the delay this would settle within a few event-loop turns.
    const pending = Promise.resolve(
      h.app.request('/transaction', {
        method: 'POST',
        body: JSON.stringify(transactionBody(client.entityId)),
        headers: { 'content-type': 'application/json' },
      }),
    ).then((res) => {
      settled = true;
      return res;
    });
    const turns = async (n: number) => {
      for (let turn = 0; turn < n; turn++) await new Promise((resolve) => setImmediate(resolve));
    };
    await turns(50);
    expect(h.auth.faults.get().delay).toBeUndefined();
    expect(settled).toBe(false);
    h.clock.advance(4_999);
    await turns(50);
    expect(settled).toBe(false);
    h.clock.advance(1);
    await turns(50);
    expect(settled).toBe(true);
    expect((await pending).status).toBe(401);
  });

  it('does not spend a token fault on a refused request', async () => {
    h.auth.faults.set({ expired: { count: 1 } });
    await h.transaction('not json', client);
    expect(h.auth.faults.get()).toEqual({ expired: { count: 1 } });
  });

  it('validates fault settings and clears them with DELETE', async () => {
    const bad = await control('PUT', { fail: { count: 0, status: 418 } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'bad_faults' });
    expect((await control('PUT', 'nope')).status).toBe(400);
    expect((await control('PUT', { explode: true })).status).toBe(400);
    expect(() => h.auth.faults.set({ delay: { ms: -1 } })).toThrow(TypeError);

    await control('PUT', { unknownKid: {} });
    expect((await control('DELETE')).status).toBe(204);
    expect(h.auth.faults.get()).toEqual({});
  });

  it('lists issued tokens on /_mock/auth/tokens', async () => {
    await h.transaction(transactionBody(client.entityId), client);
    const listed = (await (await h.app.request('/_mock/auth/tokens')).json()) as {
      count: number;
      tokens: { tokenId: string }[];
    };
    expect(listed.count).toBe(h.auth.issuedTokens().length);
    expect(listed.tokens.at(-1)?.tokenId).toBe(h.auth.issuedTokens().at(-1)?.tokenId);
  });
});
