// Tokens both ways: the webhook receiver refuses bad ones with a reason; the reference API refuses foreign ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssueTokenRequest } from '../../src/mock-auth/index.js';
import {
  demoDataset,
  type MockHarness,
  ORG,
  registerAndSync,
  startMockHarness,
  startVendor,
  type VendorHarness,
} from './harness.js';

describe('token checks', () => {
  let mock: MockHarness;
  let vendor: VendorHarness;
  let target: string;
  let urlId: string;

  beforeAll(async () => {
    mock = await startMockHarness();
    vendor = await startVendor(mock, { dataset: demoDataset(mock, 10) });
    const registered = await registerAndSync(mock, vendor.url);
    target = registered.view.target as string;
    urlId = registered.urlId;
  });

  afterAll(async () => {
    await vendor?.close();
    await mock?.close();
  });

  const mint = async (overrides: Partial<IssueTokenRequest> = {}) =>
    (
      await mock.running.mock.services.auth.issueToken({
        organisationNumber: ORG,
        entityId: 'https://vendor.test',
        access: [{ type: 'ss12000-client', locations: [mock.running.urls.ss12000Client] }],
        authSource: 'mtls',
        ...overrides,
      })
    ).value;

  const webhook = (token: string | undefined, url = target) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ modifiedEntites: ['Person'] }),
    });

  describe('the webhook receiver', () => {
    it('answers 401 missing without a token', async () => {
      const res = await webhook(undefined);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ code: 'missing' });
    });

    it('answers 401 malformed for a token that is not a JWT', async () => {
      const res = await webhook('not-a-jwt');
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ code: 'malformed' });
    });

    it('answers 403 wrong_type for an ss12000-api token', async () => {
      const res = await webhook(
        await mint({ access: [{ type: 'ss12000-api', locations: [mock.running.urls.ss12000Client] }] }),
      );
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ code: 'wrong_type' });
    });

    it('answers 403 wrong_location for a token naming another URL', async () => {
      const res = await webhook(
        await mint({ access: [{ type: 'ss12000-client', locations: ['https://elsewhere.test'] }] }),
      );
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ code: 'wrong_location' });
    });

    it('answers 403 wrong_location for the full target URL (the base URL is the location)', async () => {
      const res = await webhook(await mint({ access: [{ type: 'ss12000-client', locations: [target] }] }));
      expect(res.status).toBe(403);
    });

    it("answers 403 wrong_organisation for another huvudman's token", async () => {
      const res = await webhook(await mint({ organisationNumber: '2120002411' }));
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ code: 'wrong_organisation' });
    });

    it('answers 403 expired for an expired token', async () => {
      const res = await webhook(await mint({ faults: ['expired'] }));
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ code: 'expired' });
    });

    it('answers 404 for an unknown urlId', async () => {
      const res = await webhook(await mint(), target.replace(urlId, '00000000-0000-4000-8000-000000000000'));
      expect(res.status).toBe(404);
    });

    it('answers 400 for a body that is not a webhook_callback, naming the problem', async () => {
      const res = await fetch(target, {
        method: 'POST',
        headers: { authorization: `Bearer ${await mint()}`, 'content-type': 'application/json' },
        body: JSON.stringify({ modifiedEntites: ['Pupil'] }),
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message).toContain('Pupil');
    });

    const post = async (body: string | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
      fetch(target, {
        method: 'POST',
        headers: { authorization: `Bearer ${await mint()}`, 'content-type': 'application/json', ...headers },
        body,
        ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
      } as RequestInit);

    it('answers 400 invalid_body for malformed JSON', async () => {
      const res = await post('{"modifiedEntites": [');
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({
        code: 'invalid_body',
        message: expect.stringContaining('not valid JSON'),
      });
    });

    it('answers 413 too_large for a body over 16 KB, declared or streamed', async () => {
      const big = JSON.stringify({ modifiedEntites: ['Person'], padding: 'x'.repeat(20_000) });
      const declared = await post(big);
      expect(declared.status).toBe(413);
      expect(await declared.json()).toMatchObject({ code: 'too_large' });
      const chunked = await post(
        new ReadableStream({
          start(controller) {
            for (let i = 0; i < 5; i += 1)
              controller.enqueue(new TextEncoder().encode(big.slice(i * 5000, (i + 1) * 5000)));
            controller.close();
          },
        }),
      );
      expect(chunked.status).toBe(413);
    });

    it('checks the token before the body: a refused caller gets 401, however big its body', async () => {
      const res = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: 'x'.repeat(20_000),
      });
      expect(res.status).toBe(401);
    });

    it('starts no job for a refused webhook', () => {
      const jobs = mock.service.get(urlId)?.jobs() ?? [];
      expect(jobs.filter((j) => j.kind === 'incremental')).toHaveLength(0);
    });
  });

  describe('the reference API', () => {
    const skolverket = (overrides: Partial<IssueTokenRequest> = {}) =>
      mock.running.mock.services.auth
        .issueToken({
          organisationNumber: '2021004185',
          entityId: mock.running.urls.ss12000Client,
          access: [{ type: 'ss12000-api', locations: [vendor.url] }],
          authSource: 'tlsfed',
          ...overrides,
        })
        .then((t) => t.value);
    const get = async (token?: string) => {
      const res = await fetch(
        `${vendor.url}/persons?limit=1`,
        token ? { headers: { authorization: `Bearer ${token}` } } : {},
      );
      return { status: res.status, body: (await res.json()) as { code?: string } };
    };

    it("accepts Skolverket's token for its own URL", async () => {
      expect((await get(await skolverket())).status).toBe(200);
    });

    it('refuses a missing token with 401', async () => {
      expect(await get()).toMatchObject({ status: 401, body: { code: 'missing_token' } });
    });

    it('refuses a token for another location with 403', async () => {
      const token = await skolverket({
        access: [{ type: 'ss12000-api', locations: ['http://127.0.0.1:1/other'] }],
      });
      expect(await get(token)).toMatchObject({ status: 403, body: { code: 'wrong_location' } });
    });

    it('refuses a token of another organisation with 403', async () => {
      expect(await get(await skolverket({ organisationNumber: ORG }))).toMatchObject({
        status: 403,
        body: { code: 'wrong_organisation' },
      });
    });

    it('refuses an ss12000-client token with 403', async () => {
      const token = await skolverket({ access: [{ type: 'ss12000-client', locations: [vendor.url] }] });
      expect(await get(token)).toMatchObject({ status: 403, body: { code: 'wrong_location' } });
    });

    it('refuses an expired token and one signed with an unpublished key with 403', async () => {
      expect((await get(await skolverket({ faults: ['expired'] }))).status).toBe(403);
      expect((await get(await skolverket({ faults: ['unknown-kid'] }))).status).toBe(403);
    });
  });
});

describe('ss12000WebhookLocation: base-or-target', () => {
  it('also accepts a webhook token naming the full target URL', async () => {
    const mock = await startMockHarness({ ss12000WebhookLocation: 'base-or-target' });
    const vendor = await startVendor(mock, { dataset: demoDataset(mock, 5) });
    try {
      const { view } = await registerAndSync(mock, vendor.url);
      const target = view.target as string;
      const token = await mock.running.mock.services.auth.issueToken({
        organisationNumber: ORG,
        entityId: 'https://vendor.test',
        access: [{ type: 'ss12000-client', locations: [target] }],
        authSource: 'mtls',
      });
      const res = await fetch(target, {
        method: 'POST',
        headers: { authorization: `Bearer ${token.value}`, 'content-type': 'application/json' },
        body: JSON.stringify({ modifiedEntites: ['Person'] }),
      });
      expect(res.status).toBe(200);
    } finally {
      await vendor.close();
      await mock.close();
    }
  });
});
