// End to end: ingest at the reference API → webhook (mTLS token) → incremental fetch and deletions into the mirror.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../examples/ss12000-api/dataset.js';
import type { RegisteredApi } from '../../src/mock-ss12000-client/index.js';
import {
  demoDataset,
  type MockHarness,
  ORG,
  registerAndSync,
  startMockHarness,
  startVendor,
  type VendorHarness,
} from './harness.js';

const MINUTE = 60_000;

describe('webhooks from the reference API', () => {
  let mock: MockHarness;
  let vendor: VendorHarness;
  let dataset: Dataset;
  let registered: RegisteredApi;
  let target: string;

  beforeAll(async () => {
    mock = await startMockHarness();
    dataset = demoDataset(mock, 40);
    vendor = await startVendor(mock, { dataset });
    const result = await registerAndSync(mock, vendor.url);
    registered = result.registered;
    target = result.view.target as string;
  });

  afterAll(async () => {
    await vendor?.close();
    await mock?.close();
  });

  const outboundSince = (seq: number) =>
    mock.running.mock.services.journal.query({ direction: 'outbound', afterSeq: seq });

  it('delivers a webhook when a person changes, and the incremental fetch updates the mirror', async () => {
    mock.clock.advance(30 * MINUTE);
    const person = dataset.persons[2] as { id: string };
    const bookmark = mock.running.mock.services.journal.bookmark;
    const answer = await fetch(`${vendor.url}/_ingest/persons/${person.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ givenName: 'Ändrad' }),
    });
    const body = (await answer.json()) as { webhooks: { status: number; body: unknown }[] };
    expect(body.webhooks).toEqual([
      expect.objectContaining({ status: 200, body: { modifiedEntites: ['Person'], deletedEntities: false } }),
    ]);
    await registered.idle();

    expect(registered.mirror.get('Person', person.id)?.givenName).toBe('Ändrad');
    const gets = outboundSince(bookmark).filter((e) => e.method === 'GET');
    expect(gets).toHaveLength(1);
    const url = new URL(gets[0]?.url ?? '');
    expect(url.pathname).toBe('/persons');
    // T is the clock at the webhook; the lookback is five minutes.
    expect(url.searchParams.get('meta.modified.after')).toBe(
      new Date(mock.clock.now() - 5 * MINUTE).toISOString(),
    );
    const job = registered.jobs().at(-1);
    expect(job).toMatchObject({ kind: 'incremental', state: 'succeeded', resources: ['Person'] });
    expect(job?.outcomes[0]).toMatchObject({ received: 1, stored: 1 });
    const stats = vendor.api.store.statistics.at(-1) as Record<string, unknown>;
    expect(stats).toMatchObject({ resourceType: 'Person', updatedCount: 1 });
  });

  it('records the inbound webhook with the vendor organisation and answers 200 at once', () => {
    const inbound = mock.running.mock.services.journal.query({ direction: 'inbound', path: '/webhooks/' });
    expect(inbound.at(-1)).toMatchObject({
      status: 200,
      component: 'ss12000-client',
      organisationId: `SE${ORG}`,
    });
  });

  it('removes what deletedEntities lists', async () => {
    mock.clock.advance(30 * MINUTE);
    const activity = dataset.activities[0] as { id: string };
    const duty = dataset.duties[1] as { id: string };
    const bookmark = mock.running.mock.services.journal.bookmark;
    const answer = await fetch(`${vendor.url}/_ingest/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ delete: { activities: [activity.id], duties: [duty.id] } }),
    });
    const body = (await answer.json()) as { deleted: number; webhooks: { body: unknown }[] };
    expect(body.deleted).toBe(2);
    expect(body.webhooks[0]?.body).toEqual({ modifiedEntites: [], deletedEntities: true });
    await registered.idle();

    expect(registered.mirror.get('Activity', activity.id)).toBeUndefined();
    expect(registered.mirror.get('Duty', duty.id)).toBeUndefined();
    const get = outboundSince(bookmark).find((e) => e.path === '/deletedEntities');
    const url = new URL(get?.url ?? '');
    expect(url.searchParams.get('after')).toBe(new Date(mock.clock.now() - 5 * MINUTE).toISOString());
    expect(url.searchParams.getAll('entities')).toEqual([
      'Organisation',
      'Person',
      'Group',
      'Duty',
      'Activity',
    ]);
    expect(registered.jobs().at(-1)?.deletions).toMatchObject({
      state: 'succeeded',
      removed: 2,
      listed: { Duty: 1, Activity: 1 },
    });
  });

  it('sends one webhook per change batch, however many objects it touches', async () => {
    const persons = dataset.persons.slice(5, 15).map((p) => ({ ...p, familyName: 'Batchsson' }));
    const before = vendor.api.notifier.deliveries.length;
    await fetch(`${vendor.url}/_ingest/persons`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: persons }),
    });
    await registered.idle();
    expect(vendor.api.notifier.deliveries.length).toBe(before + 1);
    for (const p of persons) expect(registered.mirror.get('Person', p.id)?.familyName).toBe('Batchsson');
  });

  it('accepts the corrected spelling modifiedEntities as well', async () => {
    const client = await mock.running.mock.services.auth.issueToken({
      organisationNumber: ORG,
      entityId: 'https://vendor.test',
      access: [{ type: 'ss12000-client', locations: [mock.running.urls.ss12000Client] }],
      authSource: 'mtls',
    });
    const res = await fetch(target, {
      method: 'POST',
      headers: { authorization: `Bearer ${client.value}`, 'content-type': 'application/json' },
      body: JSON.stringify({ modifiedEntities: ['Group'] }),
    });
    expect(res.status).toBe(200);
    await registered.idle();
    expect(registered.jobs().at(-1)).toMatchObject({
      kind: 'incremental',
      resources: ['Group'],
      state: 'succeeded',
    });
  });

  it('renews the subscription with PATCH before it expires, on the mock clock', async () => {
    const status = registered.view().subscription;
    const renewAt = Date.parse(status.renewAt ?? '');
    expect(renewAt).toBeLessThan(Date.parse(status.expires ?? ''));
    const bookmark = mock.running.mock.services.journal.bookmark;
    mock.clock.set(renewAt);
    await expect.poll(() => registered.view().subscription.renewals, { timeout: 5000, interval: 5 }).toBe(1);
    const patch = outboundSince(bookmark).find((e) => e.method === 'PATCH');
    expect(patch?.path).toBe(`/subscriptions/${status.id}`);
    expect(patch?.status).toBe(200);
    expect(Date.parse(registered.view().subscription.expires ?? '')).toBeGreaterThan(
      Date.parse(status.expires ?? ''),
    );
  });

  it('deletes the subscription at the vendor on unregister', async () => {
    const res = await fetch(`${mock.mockUrl}/_mock/admin/ss12000-apis/${registered.urlId}`, {
      method: 'DELETE',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ removed: true, subscriptionDeleted: true });
    expect(vendor.api.store.subscriptions.size).toBe(0);
    const webhook = await fetch(target, { method: 'POST', body: '{}' });
    expect(webhook.status).toBe(404);
  });
});
