// Tenancy: each organisation (the token's organization_id) sees and changes only its own objects and jobs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  duty,
  FOREIGN_UNIT,
  GR_UNIT,
  PUPIL_CIVIC_NO,
  PUPIL_EPPN,
  PUPIL_ID,
  pupil,
  staff,
} from './fixtures.js';
import { call, type Harness, ORG_A, ORG_B, pushAndWait, startHarness } from './provisioning-harness.js';

let h: Harness;
let tokenA: string;
let tokenB: string;
let jobA: string;

beforeAll(async () => {
  h = await startHarness();
  tokenA = await h.token(ORG_A);
  tokenB = await h.token(ORG_B);
  const job = await pushAndWait(h, 'post', '/persons/bulk', { data: [pupil(), staff()] }, tokenA);
  jobA = job.jobId;
  expect(job.responses.map((r) => r.response.status)).toEqual(['Success', 'Success']);
  await pushAndWait(h, 'post', '/duties/bulk', { data: [duty()] }, tokenA);
});
afterAll(async () => h.close());

describe("a second organisation sees none of the first one's data", () => {
  it('gets 404 [4001] by id', async () => {
    const res = await call(h, 'get', `/persons/${PUPIL_ID}`, { token: tokenB });
    expect(res.status).toBe(404);
    expect(res.body[0]).toMatchObject({ id: '4001', resourceType: 'Person', parameterValue: PUPIL_ID });
  });

  it('lists nothing', async () => {
    for (const resource of ['persons', 'duties', 'groups', 'activities']) {
      const res = await call(h, 'get', `/${resource}`, { token: tokenB });
      expect(res.body).toEqual({ data: [], pageToken: null });
    }
  });

  it('finds nothing by lookup (id, civic number, EPPN)', async () => {
    const res = await call(h, 'post', '/persons/lookup', {
      token: tokenB,
      body: { ids: [PUPIL_ID], civicNos: [PUPIL_CIVIC_NO], eduPersonPrincipalNames: [PUPIL_EPPN] },
    });
    expect(res.body).toEqual([]);
  });

  it("cannot read the first organisation's job (404 [4001] on status and isCompleted)", async () => {
    expect((await call(h, 'get', `/persons/bulk/jobs/${jobA}`, { token: tokenB })).status).toBe(404);
    expect((await call(h, 'get', `/persons/bulk/jobs/${jobA}/isCompleted`, { token: tokenB })).status).toBe(
      404,
    );
  });

  it("cannot update the first organisation's object: PUT settles as Error 404 for its own (empty) store", async () => {
    const job = await pushAndWait(
      h,
      'put',
      '/persons/bulk',
      { data: [pupil({ givenName: 'Kapad' })] },
      tokenB,
    );
    expect(job.responses[0]?.response).toMatchObject({ status: 'Error', statusCode: 404 });
    expect((await call(h, 'get', `/persons/${PUPIL_ID}`, { token: tokenA })).body.givenName).toBe(
      'Pippilotta',
    );
  });

  it("cannot delete the first organisation's object", async () => {
    const submitted = await call(h, 'post', '/persons/bulk/delete', {
      token: tokenB,
      body: { data: [PUPIL_ID] },
    });
    await h.mock.services.provisioning.jobs.idle();
    const job = await call(h, 'get', `/persons/bulk/jobs/${submitted.body.jobId}`, { token: tokenB });
    expect(job.body.responses[0].response).toMatchObject({ status: 'Error', statusCode: 404 });
    expect((await call(h, 'get', `/persons/${PUPIL_ID}`, { token: tokenA })).status).toBe(200);
  });

  it('keeps objects with the same id apart: each organisation has its own', async () => {
    const nordljusPupil = pupil({
      givenName: 'Annika',
      enrolments: [{ enroledAt: { id: FOREIGN_UNIT }, schoolType: 'GR', schoolYear: 6 }],
    });
    const job = await pushAndWait(h, 'post', '/persons/bulk', { data: [nordljusPupil] }, tokenB);
    expect(job.responses[0]?.response).toMatchObject({ status: 'Success', statusCode: 201 });
    expect((await call(h, 'get', `/persons/${PUPIL_ID}`, { token: tokenB })).body.givenName).toBe('Annika');
    expect((await call(h, 'get', `/persons/${PUPIL_ID}`, { token: tokenA })).body.givenName).toBe(
      'Pippilotta',
    );
    const snapshotA = h.mock.services.provisioning.store.snapshot(`SE${ORG_A}`);
    const snapshotB = h.mock.services.provisioning.store.snapshot(`SE${ORG_B}`);
    expect(snapshotA.persons.map((p) => p.givenName).sort()).toEqual(['Pippilotta', 'Tommy']);
    expect(snapshotB.persons.map((p) => p.givenName)).toEqual(['Annika']);
    expect(
      h.mock.services.provisioning.jobs.list(`SE${ORG_B}`).every((j) => j.organisationId === `SE${ORG_B}`),
    ).toBe(true);
  });

  it('refuses a school unit that belongs to another organisation in open data (item Error, 403 code 3131)', async () => {
    const job = await pushAndWait(
      h,
      'post',
      '/persons/bulk?updateIfExists=true',
      { data: [pupil({ enrolments: [{ enroledAt: { id: GR_UNIT }, schoolType: 'GR', schoolYear: 6 }] })] },
      tokenB,
    );
    expect(job.responses[0]?.response).toMatchObject({
      status: 'Error',
      statusCode: 403,
      errors: [expect.objectContaining({ id: '3131', resourceType: 'Person', resourceId: PUPIL_ID })],
    });
  });

  it('notes the organisation and token id in the journal', async () => {
    await call(h, 'get', '/persons', { token: tokenB });
    const entry = h.mock.services.journal.query({ component: 'provisioning', path: '/persons' }).at(-1);
    expect(entry?.organisationId).toBe(`SE${ORG_B}`);
    expect(entry?.tokenId).toEqual(expect.any(String));
  });
});
