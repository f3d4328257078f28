// Identity: every call needs a valid provisioning-api JWT naming this API; anything else is 403 [5002].
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssueTokenRequest } from '../../src/mock-auth/index.js';
import { call, type Harness, ORG_A, startHarness } from './provisioning-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

async function issue(overrides: Partial<IssueTokenRequest> = {}): Promise<string> {
  const issued = await h.mock.services.auth.issueToken({
    organisationNumber: ORG_A,
    entityId: 'https://testhuvudman.se',
    access: [{ type: 'provisioning-api', locations: [h.mock.services.urls.provisioning] }],
    authSource: 'mtls',
    ...overrides,
  });
  return issued.value;
}

const expect403 = (res: { status: number; body: unknown }) => {
  expect(res.status).toBe(403);
  expect(res.body).toEqual([
    expect.objectContaining({
      id: '5002',
      statusCode: 403,
      messageType: 'Behörighet saknas',
      message: 'Ogiltigt JWT bearer token.',
      severityLevel: 'Error',
    }),
  ]);
};

describe('bearer token checks', () => {
  it('refuses a call without Authorization', async () => {
    expect403(await call(h, 'get', '/persons', { token: null }));
  });

  it('refuses a token that is not a JWT, and a non-Bearer scheme', async () => {
    expect403(await call(h, 'get', '/persons', { token: 'abc.def' }));
    const basic = await request(h.server)
      .get('/provtjanst/provisioning/v1/persons')
      .set('Authorization', 'Basic dXNlcjpwdw==');
    expect403(basic);
  });

  it('refuses a token for another access type', async () => {
    const token = await issue({
      access: [{ type: 'ss12000-api', locations: [h.mock.services.urls.provisioning] }],
    });
    expect403(await call(h, 'post', '/persons/bulk', { token, body: { data: [] } }));
  });

  it('refuses a token whose location names another API', async () => {
    const token = await issue({
      access: [
        { type: 'provisioning-api', locations: ['https://api.skolverket.se/provtjanst/provisioning/v1'] },
      ],
    });
    expect403(await call(h, 'get', '/duties', { token }));
  });

  it('refuses an expired token, and one that expires while in use (on the clock)', async () => {
    expect403(await call(h, 'get', '/persons', { token: await issue({ faults: ['expired'] }) }));
    const shortLived = await issue({ lifetimeSeconds: 60 });
    expect((await call(h, 'get', '/persons', { token: shortLived })).status).toBe(200);
    h.clock.advance(61_000);
    expect403(await call(h, 'get', '/persons', { token: shortLived }));
  });

  it('refuses a token signed with a key the JWKS does not publish', async () => {
    expect403(await call(h, 'get', '/groups', { token: await issue({ faults: ['unknown-kid'] }) }));
  });

  it('checks every endpoint, the job endpoints included', async () => {
    const id = '3fa85f64-5717-4562-b3fc-2c963f66afa6';
    expect403(await call(h, 'get', `/activities/${id}`, { token: null }));
    expect403(await call(h, 'post', '/activities/lookup', { token: null, body: { ids: [] } }));
    expect403(await call(h, 'get', `/activities/bulk/jobs/${id}`, { token: null }));
    expect403(await call(h, 'get', `/activities/bulk/jobs/${id}/isCompleted`, { token: null }));
    expect403(await call(h, 'put', '/activities/bulk', { token: null, body: { data: [] } }));
    expect403(await call(h, 'post', '/activities/bulk/delete', { token: null, body: { data: [] } }));
  });

  it('notes why a token was refused in the journal, never on the wire', async () => {
    await call(h, 'get', '/persons', { token: 'abc.def' });
    const entry = h.mock.services.journal.query({ component: 'provisioning', status: 403 }).at(-1);
    expect(entry?.notes?.authFailure).toMatch(/malformed/);
  });

  it('accepts a token naming one of the local alternate roots', async () => {
    const alternate = `${h.mock.services.urls.alternateRoots[0]}/provtjanst/provisioning/v1`;
    const token = await issue({ access: [{ type: 'provisioning-api', locations: [alternate] }] });
    expect((await call(h, 'get', '/persons', { token })).status).toBe(200);
  });
});
