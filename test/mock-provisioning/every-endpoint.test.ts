// Every endpoint of every resource answers each status the spec declares for it, and each answer matches the spec.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activity, duty, group, pupil, staff } from './fixtures.js';
import { call, type Harness, pushAndWait, startHarness } from './provisioning-harness.js';

let h: Harness;
const VALID: Record<string, Record<string, unknown>> = {
  persons: pupil(),
  duties: duty(),
  groups: group(),
  activities: activity(),
};
const jobs: Record<string, string> = {};

beforeAll(async () => {
  h = await startHarness();
  await pushAndWait(h, 'post', '/persons/bulk', { data: [pupil(), staff()] });
  for (const resource of ['duties', 'groups', 'activities']) {
    const job = await pushAndWait(h, 'post', `/${resource}/bulk`, { data: [VALID[resource]] });
    expect(job.responses[0]?.response.status).toBe('Success');
  }
});
afterAll(async () => h.close());

const UNKNOWN = '00000000-0000-4000-8000-00000000abcd';
const BIG = JSON.stringify({ data: [{ id: UNKNOWN, padding: 'x'.repeat(205_000) }] });

type Endpoint = [
  label: string,
  method: 'get' | 'post' | 'put',
  path: (r: string) => string,
  body?: (r: string) => unknown,
];

const ENDPOINTS: Endpoint[] = [
  ['POST /R/bulk', 'post', (r) => `/${r}/bulk?updateIfExists=true`, (r) => ({ data: [VALID[r]] })],
  ['PUT /R/bulk', 'put', (r) => `/${r}/bulk`, (r) => ({ data: [VALID[r]] })],
  ['POST /R/bulk/delete', 'post', (r) => `/${r}/bulk/delete`, () => ({ data: [UNKNOWN] })],
  ['GET /R/bulk/jobs/{id}', 'get', (r) => `/${r}/bulk/jobs/${jobs[r]}`],
  ['GET /R/bulk/jobs/{id}/isCompleted', 'get', (r) => `/${r}/bulk/jobs/${jobs[r]}/isCompleted`],
  ['GET /R', 'get', (r) => `/${r}?limit=10`],
  ['POST /R/lookup', 'post', (r) => `/${r}/lookup`, (r) => ({ ids: [VALID[r]?.id] })],
  ['GET /R/{id}', 'get', (r) => `/${r}/${VALID[r]?.id}`],
];

const BAD: Record<string, (r: string) => [string, { body?: unknown; raw?: string }]> = {
  'POST /R/bulk': (r) => [`/${r}/bulk?updateIfExists=maybe`, { body: { data: [] } }],
  'PUT /R/bulk': (r) => [`/${r}/bulk`, { body: { data: 'x' } }],
  'POST /R/bulk/delete': (r) => [`/${r}/bulk/delete`, { body: { data: ['x'] } }],
  'GET /R/bulk/jobs/{id}': (r) => [`/${r}/bulk/jobs/x`, {}],
  'GET /R/bulk/jobs/{id}/isCompleted': (r) => [`/${r}/bulk/jobs/x/isCompleted`, {}],
  'GET /R': (r) => [`/${r}?limit=0`, {}],
  'POST /R/lookup': (r) => [`/${r}/lookup`, { body: { ids: ['x'] } }],
  'GET /R/{id}': (r) => [`/${r}/x`, {}],
};

const NOT_FOUND = new Set(['GET /R/bulk/jobs/{id}', 'GET /R/bulk/jobs/{id}/isCompleted', 'GET /R/{id}']);
const WITH_BODY = new Set(['POST /R/bulk', 'PUT /R/bulk', 'POST /R/bulk/delete', 'POST /R/lookup']);

for (const resource of ['persons', 'duties', 'groups', 'activities']) {
  describe(`/${resource}`, () => {
    beforeAll(async () => {
      const job = await call(h, 'post', `/${resource}/bulk/delete`, { body: { data: [] } });
      jobs[resource] = job.body.jobId;
      await h.mock.services.provisioning.jobs.idle();
    });

    for (const [label, method, path, body] of ENDPOINTS) {
      it(`${label}: success, 400${NOT_FOUND.has(label) ? ', 404' : ''}, 403${WITH_BODY.has(label) ? ', 413' : ''}, 429, 503`, async () => {
        const ok = await call(h, method, path(resource), body ? { body: body(resource) } : {});
        expect(ok.status).toBe(method === 'get' || label === 'POST /R/lookup' ? 200 : 202);

        const [badPath, badInput] = (BAD[label] as (r: string) => [string, { body?: unknown }])(resource);
        expect((await call(h, method, badPath, badInput)).status).toBe(400);

        if (NOT_FOUND.has(label)) {
          const missing =
            label === 'GET /R/{id}'
              ? `/${resource}/${UNKNOWN}`
              : path(resource).replace(jobs[resource] as string, UNKNOWN);
          expect((await call(h, method, missing)).status).toBe(404);
        }

        expect(
          (await call(h, method, path(resource), { token: null, ...(body ? { body: body(resource) } : {}) }))
            .status,
        ).toBe(403);

        if (WITH_BODY.has(label))
          expect((await call(h, method, path(resource), { raw: BIG })).status).toBe(413);

        const control = request(h.server);
        await control
          .patch('/_mock/provisioning/config')
          .send({ rateLimit: { enabled: true, write: 0, read: 0 } })
          .expect(200);
        try {
          const limited = await call(h, method, path(resource), body ? { body: body(resource) } : {});
          expect(limited.status).toBe(429);
          expect(limited.headers['x-ratelimit-remaining']).toBe('0');
        } finally {
          await control
            .patch('/_mock/provisioning/config')
            .send({ rateLimit: { enabled: false, write: 5, read: 10 } })
            .expect(200);
        }

        await control.put('/_mock/provisioning/faults').send({ unavailable: true }).expect(200);
        try {
          expect((await call(h, method, path(resource), body ? { body: body(resource) } : {})).status).toBe(
            503,
          );
        } finally {
          await control.delete('/_mock/provisioning/faults').expect(200);
        }
        await h.mock.services.provisioning.jobs.idle();
      });
    }
  });
}
