// The reference SS 12000 API answers as the subset spec says: shapes, filters, pagination, 400s, subscriptions.
import { beforeEach, describe, expect, it } from 'vitest';
import { buildDemoDataset } from '../../examples/ss12000-api/demo-dataset.js';
import { createReferenceApi, type ReferenceApi } from '../../examples/ss12000-api/reference-api.js';
import { createSeededCatalogue } from '../../src/open-data/index.js';
import { expectMatchesSpec } from '../support/openapi-validator.js';
import { demoFacts } from './harness.js';

const T0 = Date.UTC(2026, 8, 1, 8, 0, 0);
const dataset = buildDemoDataset(demoFacts(createSeededCatalogue()), {
  persons: 30,
  at: new Date(T0 - 3_600_000).toISOString(),
});

let now = T0;
let api: ReferenceApi;

beforeEach(() => {
  now = T0;
  api = createReferenceApi({
    now: () => now,
    behaviour: { verifyJwt: false },
    dataset: structuredClone(dataset),
  });
});

async function call(method: string, path: string, body?: unknown) {
  const res = await api.app.request(path, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
    headers: Object.fromEntries(res.headers),
  };
}

describe('lists', () => {
  it.each(['/persons', '/groups', '/duties', '/activities', '/organisations'])(
    '%s validates against the spec',
    async (path) => {
      const res = await call('GET', `${path}?limit=5`);
      expect(res.status).toBe(200);
      expectMatchesSpec('ss12000', 'GET', path, res);
    },
  );

  it('serves organisations under "organisations", others under "data"', async () => {
    expect((await call('GET', '/organisations')).body).toHaveProperty('organisations');
    expect((await call('GET', '/persons')).body).toHaveProperty('data');
  });

  it('pages with an opaque pageToken until it is null, each object once', async () => {
    const seen: string[] = [];
    let path = '/persons?limit=7';
    for (let page = 0; page < 20; page += 1) {
      const res = await call('GET', path);
      const body = res.body as { data: { id: string }[]; pageToken: string | null };
      seen.push(...body.data.map((p) => p.id));
      if (body.pageToken === null) break;
      path = `/persons?pageToken=${encodeURIComponent(body.pageToken)}`;
    }
    expect(seen).toHaveLength(dataset.persons.length);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('answers 400 when pageToken comes with a filter', async () => {
    const first = await call('GET', '/persons?limit=2');
    const token = encodeURIComponent((first.body as { pageToken: string }).pageToken);
    const res = await call('GET', `/persons?pageToken=${token}&meta.modified.after=2020-01-01T00:00:00Z`);
    expect(res.status).toBe(400);
    expectMatchesSpec('ss12000', 'GET', '/persons', res);
  });

  it('answers 400 for a bad date, a bad limit and a forged token', async () => {
    expect((await call('GET', '/persons?meta.created.after=yesterday')).status).toBe(400);
    expect((await call('GET', '/persons?limit=0')).status).toBe(400);
    expect((await call('GET', '/persons?pageToken=forged')).status).toBe(400);
  });

  it('filters on meta.modified.after (inclusive) after a change', async () => {
    now = T0 + 600_000;
    const person = dataset.persons[4] as { id: string };
    await call('PATCH', `/_ingest/persons/${person.id}`, { givenName: 'Ny' });
    const res = await call('GET', `/persons?meta.modified.after=${new Date(now).toISOString()}`);
    expect((res.body as { data: { id: string }[] }).data.map((p) => p.id)).toEqual([person.id]);
    const before = await call(
      'GET',
      `/persons?meta.modified.before=${new Date(T0).toISOString()}&limit=1000`,
    );
    expect((before.body as { data: unknown[] }).data).toHaveLength(dataset.persons.length - 1);
  });
});

describe('get by id', () => {
  it('answers 200 with the object, 404 and 400 per the spec', async () => {
    const person = dataset.persons[0] as { id: string };
    const ok = await call('GET', `/persons/${person.id}`);
    expect(ok.body).toMatchObject({ id: person.id });
    expectMatchesSpec('ss12000', 'GET', '/persons/{id}', ok);
    const missing = await call('GET', '/groups/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expectMatchesSpec('ss12000', 'GET', '/groups/{id}', missing);
    const bad = await call('GET', '/duties/not-a-uuid');
    expect(bad.status).toBe(400);
    expectMatchesSpec('ss12000', 'GET', '/duties/{id}', bad);
  });
});

describe('deletedEntities', () => {
  it('lists deletions after a time, per resource, with activities under "activitites"', async () => {
    now = T0 + 1000;
    const activity = dataset.activities[0] as { id: string };
    const person = dataset.persons[1] as { id: string };
    await call('POST', '/_ingest/batch', { delete: { activities: [activity.id], persons: [person.id] } });
    const res = await call(
      'GET',
      `/deletedEntities?after=${new Date(T0).toISOString()}&entities=Activity&entities=Person`,
    );
    expect(res.body).toEqual({ data: { activitites: [activity.id], persons: [person.id] }, pageToken: null });
    expectMatchesSpec('ss12000', 'GET', '/deletedEntities', res);
    const later = await call('GET', `/deletedEntities?after=${new Date(T0 + 2000).toISOString()}`);
    expect(Object.values((later.body as { data: Record<string, string[]> }).data).flat()).toEqual([]);
  });

  it('pages deletions and refuses pageToken with a filter', async () => {
    const ids = dataset.persons.slice(0, 5).map((p) => p.id);
    await call('POST', '/_ingest/persons/delete', ids);
    const first = await call('GET', '/deletedEntities?limit=2');
    const token = (first.body as { pageToken: string }).pageToken;
    expect(token).toEqual(expect.any(String));
    expect(
      (await call('GET', `/deletedEntities?pageToken=${token}&after=${new Date(T0).toISOString()}`)).status,
    ).toBe(400);
    const second = await call('GET', `/deletedEntities?pageToken=${token}`);
    expect((second.body as { data: { persons: string[] } }).data.persons).toEqual(ids.slice(2, 4));
  });
});

describe('subscriptions, /log and /statistics', () => {
  it('creates (201), renews (200) and deletes (204) a subscription, as the spec declares', async () => {
    const created = await call('POST', '/subscriptions', {
      name: 'Webhook for test',
      target: 'http://localhost:8080/provtjanst/ss12000/klient/v1/webhooks/abc',
      resourceTypes: [{ resource: 'Person' }],
    });
    expect(created.status).toBe(201);
    expectMatchesSpec('ss12000', 'POST', '/subscriptions', created);
    const id = (created.body as { id: string }).id;
    now += 1000;
    const renewed = await call('PATCH', `/subscriptions/${id}`);
    expect(renewed.status).toBe(200);
    expectMatchesSpec('ss12000', 'PATCH', '/subscriptions/{subscriptionId}', renewed);
    expect(Date.parse((renewed.body as { expires: string }).expires)).toBeGreaterThan(
      Date.parse((created.body as { expires: string }).expires),
    );
    const deleted = await call('DELETE', `/subscriptions/${id}`);
    expect(deleted.status).toBe(204);
    expect((await call('PATCH', `/subscriptions/${id}`)).status).toBe(404);
  });

  it('refuses a subscription without a target with 400', async () => {
    expect((await call('POST', '/subscriptions', { name: 'x', resourceTypes: [] })).status).toBe(400);
  });

  it('takes LogEntry and StatisticsEntry with 201 and refuses malformed ones', async () => {
    const log = await call('POST', '/log', {
      message: 'fel',
      severityLevel: 'Error',
      resourceType: 'Person',
    });
    expect(log.status).toBe(201);
    expectMatchesSpec('ss12000', 'POST', '/log', log);
    expect((await call('POST', '/log', { message: 'fel', severityLevel: 'Fatal' })).status).toBe(400);
    const stats = await call('POST', '/statistics', {
      resourceType: 'Person',
      newCount: 0,
      updatedCount: 3,
      deletedCount: 0,
    });
    expect(stats.status).toBe(201);
    expectMatchesSpec('ss12000', 'POST', '/statistics', stats);
    expect((await call('POST', '/statistics', { resourceType: 'Person' })).status).toBe(400);
    expect(api.store.logEntries).toHaveLength(1);
    expect(api.store.statistics).toHaveLength(1);
  });
});

describe('switchable behaviours (for broken fixtures)', () => {
  it('can ignore the pageToken+filter rule, stop paginating, and use the other spellings', async () => {
    const broken = createReferenceApi({
      now: () => now,
      dataset: structuredClone(dataset),
      behaviour: {
        verifyJwt: false,
        rejectPageTokenWithFilter: false,
        paginate: false,
        deletedActivitiesKey: 'activities',
      },
    });
    const all = await broken.app.request('/persons?limit=2');
    const body = (await all.json()) as { data: unknown[]; pageToken: unknown };
    expect(body.data).toHaveLength(dataset.persons.length);
    expect(body.pageToken).toBeNull();
    const deleted = await broken.app.request('/deletedEntities');
    expect(((await deleted.json()) as { data: object }).data).toHaveProperty('activities');
  });

  it('needs a JWKS URL while it verifies tokens', () => {
    expect(() => createReferenceApi({})).toThrow(TypeError);
  });
});
