// End to end: registering the reference API subscribes, mirrors all its data, and reports /log and /statistics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../examples/ss12000-api/dataset.js';
import { RESOURCE_ORDER, RESOURCE_PATHS } from '../../src/mock-ss12000-client/index.js';
import {
  control,
  demoDataset,
  type MockHarness,
  ORG,
  registerAndSync,
  startMockHarness,
  startVendor,
  type VendorHarness,
} from './harness.js';

const BAD_PERSON_ID = '0b6e3c1e-5d0a-4f6b-9d1e-6f2a7c9b8e01';

describe('full sync from the reference API', () => {
  let mock: MockHarness;
  let vendor: VendorHarness;
  let dataset: Dataset;
  let urlId: string;

  beforeAll(async () => {
    mock = await startMockHarness({ ss12000PageSize: 7 });
    dataset = demoDataset(mock, 60);
    const template = dataset.persons[0] as Record<string, unknown>;
    // One malformed pupil: the civic number's check digit is wrong.
    dataset.persons.push({
      ...template,
      id: BAD_PERSON_ID,
      civicNo: { value: '201001010001' },
      eduPersonPrincipalNames: ['badcivic@edu.demohuvudman.se'],
    });
    vendor = await startVendor(mock, { dataset });
    ({ urlId } = await registerAndSync(mock, vendor.url));
  });

  afterAll(async () => {
    await vendor?.close();
    await mock?.close();
  });

  it('mirrors every valid object of every resource', () => {
    const mirror = mock.service.get(urlId)?.mirror;
    const snapshot = vendor.api.store.snapshot();
    for (const resource of RESOURCE_ORDER) {
      const key = RESOURCE_PATHS[resource];
      const expected = snapshot[key].filter((item) => item.id !== BAD_PERSON_ID);
      expect(mirror?.count(resource), resource).toBe(expected.length);
      for (const item of expected) expect(mirror?.get(resource, item.id)).toEqual(item);
    }
    expect(mirror?.get('Person', BAD_PERSON_ID)).toBeUndefined();
  });

  it('shows the registration as synced with an active subscription at the vendor', async () => {
    const { status, body } = await control(mock, 'GET', `/admin/ss12000-apis/${urlId}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ state: 'synced', organisationNumber: ORG, url: vendor.url });
    const subscriptions = [...vendor.api.store.subscriptions.values()];
    expect(subscriptions).toHaveLength(1);
    expect(subscriptions[0]?.target).toBe(body.target);
    expect(body.target).toMatch(new RegExp(`/provtjanst/ss12000/klient/v1/webhooks/${urlId}$`));
    expect(body.subscription).toMatchObject({
      state: 'active',
      id: subscriptions[0]?.id,
      expires: subscriptions[0]?.expires,
    });
    expect(subscriptions[0]?.resourceTypes.map((r) => r.resource)).toEqual([...RESOURCE_ORDER]);
  });

  it('fetches in the order Organisation, Person, Group, Duty, Activity, following pageToken to the end', () => {
    const gets = mock.running.mock.services.journal
      .query({ direction: 'outbound', component: 'ss12000-client', method: 'GET' })
      .map((e) => new URL(e.url));
    const order = [...new Set(gets.map((u) => u.pathname.split('/').pop()))];
    expect(order).toEqual(RESOURCE_ORDER.map((r) => RESOURCE_PATHS[r]));
    const personPages = gets.filter((u) => u.pathname.endsWith('/persons'));
    expect(personPages.length).toBe(Math.ceil(dataset.persons.length / 7));
    expect(personPages.slice(1).every((u) => [...u.searchParams.keys()].join() === 'pageToken')).toBe(true);
  });

  it('sends Skolverket tokens: ss12000-api for the vendor URL, SE2021004185, entity_id the client URL', () => {
    expect(vendor.tokens.length).toBeGreaterThan(0);
    for (const claims of vendor.tokens) {
      expect(claims.organization_id).toBe('SE2021004185');
      expect(claims.requested_access).toEqual([{ type: 'ss12000-api', locations: [vendor.url] }]);
      expect(claims.entity_id).toBe(mock.running.urls.ss12000Client);
    }
  });

  it('records every call to the vendor in the journal as outbound', () => {
    const outbound = mock.running.mock.services.journal.query({ direction: 'outbound' });
    expect(outbound.length).toBeGreaterThan(10);
    for (const entry of outbound) {
      expect(entry.component).toBe('ss12000-client');
      expect(entry.url.startsWith(vendor.url)).toBe(true);
      expect(entry.organisationId).toBe(`SE${ORG}`);
      expect(entry.requestHeaders.authorization).toMatch(/^Bearer \[/);
    }
    const subscribe = outbound.find((e) => e.method === 'POST' && e.path === '/subscriptions');
    expect(subscribe?.status).toBe(201);
  });

  it('reports the malformed item to the vendor /log, with its id and the rule code', () => {
    const entries = vendor.api.store.logEntries as Record<string, unknown>[];
    const bad = entries.filter((e) => e.resourceId === BAD_PERSON_ID);
    expect(bad.length).toBeGreaterThan(0);
    expect(bad[0]).toMatchObject({
      resourceType: 'Person',
      severityLevel: 'Error',
      resourceUrl: `${vendor.url}/persons/${BAD_PERSON_ID}`,
    });
    expect(bad[0]?.messageType).toMatch(/^\d+$/);
    expect(entries.every((e) => e.resourceId === BAD_PERSON_ID)).toBe(true);
  });

  it('posts statistics once per resource with updatedCount only', () => {
    const stats = vendor.api.store.statistics as Record<string, unknown>[];
    expect(stats.map((s) => s.resourceType)).toEqual([...RESOURCE_ORDER]);
    const mirror = mock.service.get(urlId)?.mirror;
    for (const entry of stats) {
      const resource = entry.resourceType as (typeof RESOURCE_ORDER)[number];
      expect(entry).toMatchObject({ newCount: 0, deletedCount: 0, updatedCount: mirror?.count(resource) });
      expect(entry.resourceUrl).toBe(`${vendor.url}/${RESOURCE_PATHS[resource]}`);
    }
  });

  it('lets the mirror be browsed on the control plane', async () => {
    const person = dataset.persons[3] as { id: string };
    const list = await control(mock, 'GET', `/ss12000/${urlId}/persons?limit=5`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(dataset.persons.length - 1);
    expect(list.body.data).toHaveLength(5);
    const one = await control(mock, 'GET', `/ss12000/${urlId}/persons/${person.id}`);
    expect(one.body).toEqual(vendor.api.store.collections.persons.get(person.id)?.item);
    const jobs = await control(mock, 'GET', `/ss12000/${urlId}/jobs`);
    expect((jobs.body.jobs as { kind: string; state: string }[])[0]).toMatchObject({
      kind: 'full',
      state: 'succeeded',
    });
    expect((await control(mock, 'GET', `/ss12000/${urlId}/nonsense`)).status).toBe(404);
  });

  it('refuses a second registration of the same URL with 409', async () => {
    const again = await control(mock, 'POST', '/admin/ss12000-apis', {
      organisationNumber: ORG,
      url: `${vendor.url}/`,
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_registered');
    const bad = await control(mock, 'POST', '/admin/ss12000-apis', {
      organisationNumber: '12',
      url: 'ftp://x',
    });
    expect(bad.status).toBe(400);
  });
});
