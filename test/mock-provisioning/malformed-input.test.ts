// Whole-call problems: 400 with one LogEntry and nothing processed, for every kind of malformed input; never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePageToken } from '../../src/mock-provisioning/page-token.js';
import { PUPIL_ID, pupil } from './fixtures.js';
import { call, type Harness, rawCall, startHarness } from './provisioning-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

const ORG = 'SE5567044268';

function expect400(res: { status: number; body: unknown }, id: string, parameterName?: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(Array.isArray(res.body) && res.body.length === 1).toBe(true);
  expect((res.body as unknown[])[0]).toMatchObject({
    id,
    statusCode: 400,
    severityLevel: 'Error',
    ...(parameterName ? { parameterName } : {}),
  });
}

async function expectNothingProcessed() {
  await h.mock.services.provisioning.jobs.idle();
  expect(h.mock.services.provisioning.jobs.list(ORG)).toEqual([]);
  expect(h.mock.services.provisioning.store.snapshot(ORG).persons).toEqual([]);
}

describe('bulk bodies', () => {
  const bad: Array<[string, { raw?: string; body?: unknown; contentType?: string }, string]> = [
    ['a body that is not JSON', { raw: '{"data": [' }, 'data'],
    ['an empty body', { raw: '' }, 'data'],
    ['text/plain', { raw: JSON.stringify({ data: [pupil()] }), contentType: 'text/plain' }, 'data'],
    ['form encoding', { raw: 'data=1', contentType: 'application/x-www-form-urlencoded' }, 'data'],
    ['a JSON array', { body: [pupil()] }, 'data'],
    ['a JSON string', { body: 'data' }, 'data'],
    ['no data', { body: { items: [pupil()] } }, 'data'],
    ['data null', { body: { data: null } }, 'data'],
    ['data an object', { body: { data: pupil() } }, 'data'],
    ['data a string', { body: { data: 'persons' } }, 'data'],
    ['a string item', { body: { data: [pupil(), 'x'] } }, 'data[1]'],
    ['a null item', { body: { data: [null] } }, 'data[0]'],
    ['an array item', { body: { data: [[pupil()]] } }, 'data[0]'],
    ['a number item', { body: { data: [42] } }, 'data[0]'],
    ['an item without id', { body: { data: [pupil({ id: undefined })] } }, 'data[0].id'],
    ['an item whose id is not a UUID', { body: { data: [pupil(), pupil({ id: 'elev-1' })] } }, 'data[1].id'],
    ['an item whose id is a number', { body: { data: [pupil({ id: 7 })] } }, 'data[0].id'],
    ['JSON nested 40 deep', { raw: `{"data":[${'['.repeat(40)}${']'.repeat(40)}]}` }, 'data'],
    ['JSON nested 100,000 deep', { raw: `{"data":[${'['.repeat(100_000)}${']'.repeat(100_000)}]}` }, 'data'],
  ];
  for (const [what, input, parameterName] of bad) {
    it(`answers 400 [2010] for ${what} on POST and PUT, and stores nothing`, async () => {
      expect400(await call(h, 'post', '/persons/bulk', input), '2010', parameterName);
      expect400(await call(h, 'put', '/persons/bulk', input), '2010', parameterName);
      await expectNothingProcessed();
    });
  }

  it('answers 400 [2010] for a body that is not UTF-8', async () => {
    const res = await rawCall(h, 'POST', '/persons/bulk', [
      Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
    ]);
    expect400(res, '2010', 'data');
    await expectNothingProcessed();
  });

  it('refuses a delete body whose entries are not UUID strings (400 [2010], nothing processed)', async () => {
    for (const data of [['elev-1'], [PUPIL_ID, 42], [{ id: PUPIL_ID }], [null]]) {
      const res = await call(h, 'post', '/persons/bulk/delete', { body: { data } });
      expect400(res, '2010', 'data');
    }
    expect400(await call(h, 'post', '/groups/bulk/delete', { body: { ids: [PUPIL_ID] } }), '2010', 'data');
    await expectNothingProcessed();
  });

  it('refuses a bad updateIfExists with 400 [2025] naming the value', async () => {
    for (const value of ['yes', '1', '', 'tru']) {
      const res = await call(h, 'post', `/persons/bulk?updateIfExists=${value}`, {
        body: { data: [pupil()] },
      });
      expect400(res, '2025', 'updateIfExists');
      expect((res.body as Array<{ parameterValue: string }>)[0]?.parameterValue).toBe(value);
    }
    await expectNothingProcessed();
  });

  it('accepts updateIfExists in any case', async () => {
    const res = await call(h, 'post', '/duties/bulk?updateIfExists=TRUE', { body: { data: [] } });
    expect(res.status).toBe(202);
  });
});

describe('query and path parameters', () => {
  it('refuses a limit outside 1–100 or not an integer with 400 [3085]', async () => {
    for (const limit of ['0', '101', '-1', 'abc', '1.5', '', '1e2']) {
      expect400(await call(h, 'get', `/persons?limit=${limit}`), '3085', 'limit');
    }
    expect((await call(h, 'get', '/persons?limit=100')).status).toBe(200);
    expect((await call(h, 'get', '/persons?limit=1')).status).toBe(200);
  });

  it("refuses a bad pageToken with 400 (garbage, wrong JSON, another resource's token)", async () => {
    const otherList = encodePageToken({ resource: 'duties', seq: 1, id: PUPIL_ID, created: 'x' });
    for (const token of [
      'not a token!',
      'eyJmb28iOiJiYXIifQ',
      Buffer.from('[1,2]').toString('base64url'),
      otherList,
    ]) {
      expect400(await call(h, 'get', `/persons?pageToken=${encodeURIComponent(token)}`), '2024', 'pageToken');
    }
  });

  it('refuses a path id that is not a UUID with 400 [2011] naming the resource type', async () => {
    const res = await call(h, 'get', '/groups/6A');
    expect400(res, '2011', 'id');
    expect((res.body as Array<Record<string, unknown>>)[0]).toMatchObject({
      parameterValue: '6A',
      resourceType: 'Group',
    });
    expect400(await call(h, 'get', '/persons/bulk/jobs/42'), '2011', 'id');
    expect400(await call(h, 'get', '/persons/bulk/jobs/42/isCompleted'), '2011', 'id');
  });

  it('refuses a bad showOnlyError with 400 [2025]', async () => {
    const job = await call(h, 'post', '/persons/bulk/delete', { body: { data: [] } });
    expect400(
      await call(h, 'get', `/persons/bulk/jobs/${job.body.jobId}?showOnlyError=ja`),
      '2025',
      'showOnlyError',
    );
    await h.mock.services.provisioning.jobs.idle();
    h.mock.services.provisioning.reset();
  });

  it('answers an unknown job id with 404 [4001]', async () => {
    const res = await call(h, 'get', '/duties/bulk/jobs/3fa85f64-5717-4562-b3fc-2c963f66afa5');
    expect(res.status).toBe(404);
    expect(res.body[0]).toMatchObject({ id: '4001', statusCode: 404, parameterName: 'id' });
  });
});

describe('lookup bodies', () => {
  it('refuses ids that are not UUIDs with 400 [2010] naming the value', async () => {
    const res = await call(h, 'post', '/persons/lookup', { body: { ids: ['xxxxx'] } });
    expect400(res, '2010', 'ids');
    expect(res.body[0]).toMatchObject({ parameterValue: 'xxxxx' });
    expect400(await call(h, 'post', '/duties/lookup', { body: { ids: [42] } }), '2010', 'ids');
  });

  it('refuses fields of the wrong type, non-object bodies, non-JSON and wrong content types', async () => {
    expect400(await call(h, 'post', '/persons/lookup', { body: { ids: PUPIL_ID } }), '2010', 'ids');
    expect400(
      await call(h, 'post', '/persons/lookup', { body: { civicNos: [200901272385] } }),
      '2010',
      'civicNos',
    );
    expect400(
      await call(h, 'post', '/persons/lookup', { body: { eduPersonPrincipalNames: 'a@b.se' } }),
      '2010',
      'eduPersonPrincipalNames',
    );
    expect400(await call(h, 'post', '/groups/lookup', { body: [PUPIL_ID] }), '2010', 'ids');
    expect400(await call(h, 'post', '/groups/lookup', { raw: '{ids:[]}' }), '2010', 'ids');
    expect400(
      await call(h, 'post', '/activities/lookup', { raw: '{"ids":[]}', contentType: 'text/plain' }),
      '2010',
      'ids',
    );
  });

  it('answers an empty lookup with an empty list', async () => {
    const res = await call(h, 'post', '/persons/lookup', { body: {} });
    expect(res.status).toBe(200);
    expect(res.body).toEqual([]);
  });
});

describe('paths the API does not have', () => {
  it('answers 404 with a 4001 LogEntry', async () => {
    const res = await call(h, 'get', '/pupils', { unchecked: true });
    expect(res.status).toBe(404);
    expect(res.body[0]).toMatchObject({ id: '4001', statusCode: 404 });
  });
});
