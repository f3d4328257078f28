// The README sequence end to end over HTTP: persons, duties, groups, activities, each awaited through job status.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCivicNumber } from '../../src/model/index.js';
import {
  ACTIVITY_ID,
  activity,
  DUTY_ID,
  duty,
  GROUP_ID,
  group,
  PUPIL_CIVIC_NO,
  PUPIL_EPPN,
  PUPIL_ID,
  pupil,
  STAFF_ID,
  staff,
} from './fixtures.js';
import { awaitJob, call, type Harness, startHarness } from './provisioning-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ jobDelay: 2000, transferDelay: 60_000 });
});
afterAll(async () => h.close());

async function pushInOrder(resource: string, data: unknown[]) {
  const res = await call(h, 'post', `/${resource}/bulk`, { body: { data } });
  expect(res.status).toBe(202);
  expect(res.body.message).toMatch(/Anropet har tagits emot/);
  expect(res.headers.location).toBe(
    `${h.mock.services.urls.provisioning}/${resource}/bulk/jobs/${res.body.jobId}`,
  );
  const pending = await call(h, 'get', `/${resource}/bulk/jobs/${res.body.jobId}`);
  expect(
    pending.body.responses.every((r: { response: { status: string } }) => r.response.status === 'Pending'),
  ).toBe(true);
  return awaitJob(h, resource, res.body.jobId);
}

describe('the README sequence (Person → Duty → Group → Activity)', () => {
  it('accepts persons, then their duties, then groups, then the activity, each Success 201 with a location', async () => {
    for (const [resource, items] of [
      ['persons', [pupil(), staff()]],
      ['duties', [duty()]],
      ['groups', [group()]],
      ['activities', [activity()]],
    ] as const) {
      const job = await pushInOrder(resource, [...items]);
      expect(job.responses).toHaveLength(items.length);
      for (const [index, item] of items.entries()) {
        expect(job.responses[index]).toMatchObject({
          id: item.id,
          response: {
            status: 'Success',
            statusCode: 201,
            location: `${h.mock.services.urls.provisioning}/${resource}/${item.id}`,
            errors: [],
            warnings: [],
          },
        });
      }
    }
  });

  it('serves every object back by id, with meta and provisioningStatus false before the transfer', async () => {
    for (const [resource, id] of [
      ['persons', PUPIL_ID],
      ['duties', DUTY_ID],
      ['groups', GROUP_ID],
      ['activities', ACTIVITY_ID],
    ] as const) {
      const res = await call(h, 'get', `/${resource}/${id}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id,
        provisioningStatus: false,
        meta: { created: expect.any(String) },
      });
    }
  });

  it('lists persons with the summary fields only', async () => {
    const res = await call(h, 'get', '/persons');
    expect(res.status).toBe(200);
    expect(res.body.pageToken).toBeNull();
    expect(res.body.data.map((p: { id: string }) => p.id)).toEqual([PUPIL_ID, STAFF_ID]);
    for (const person of res.body.data) {
      expect(Object.keys(person).sort()).toEqual(
        [
          'civicNo',
          'eduPersonPrincipalNames',
          'familyName',
          'givenName',
          'id',
          'meta',
          'provisioningStatus',
        ].sort(),
      );
    }
  });

  it('lists duties, groups and activities in full', async () => {
    expect((await call(h, 'get', '/duties')).body.data).toEqual([expect.objectContaining(duty())]);
    expect((await call(h, 'get', '/groups')).body.data).toEqual([expect.objectContaining(group())]);
    expect((await call(h, 'get', '/activities')).body.data).toEqual([expect.objectContaining(activity())]);
  });

  it('looks persons up by id, civic number and EPPN, each once', async () => {
    const res = await call(h, 'post', '/persons/lookup', {
      body: { ids: [PUPIL_ID, STAFF_ID], civicNos: [PUPIL_CIVIC_NO], eduPersonPrincipalNames: [PUPIL_EPPN] },
    });
    expect(res.status).toBe(200);
    expect(res.body.map((p: { id: string }) => p.id)).toEqual([PUPIL_ID, STAFF_ID]);
    expect(res.body[0].enrolments).toEqual(pupil().enrolments);
  });

  it('looks duties, groups and activities up by id', async () => {
    for (const [resource, id] of [
      ['duties', DUTY_ID],
      ['groups', GROUP_ID],
      ['activities', ACTIVITY_ID],
    ] as const) {
      const res = await call(h, 'post', `/${resource}/lookup`, {
        body: { ids: [id, '00000000-0000-4000-8000-000000000000'] },
      });
      expect(res.status).toBe(200);
      expect(res.body.map((o: { id: string }) => o.id)).toEqual([id]);
    }
  });

  it('turns provisioningStatus true once the onward transfer has run on the clock', async () => {
    h.clock.advance(60_000);
    for (const [resource, id] of [
      ['persons', PUPIL_ID],
      ['persons', STAFF_ID],
      ['duties', DUTY_ID],
      ['groups', GROUP_ID],
      ['activities', ACTIVITY_ID],
    ] as const) {
      expect((await call(h, 'get', `/${resource}/${id}`)).body.provisioningStatus, `${resource} ${id}`).toBe(
        true,
      );
    }
  });

  it('pages a list with limit and pageToken until the token is null', async () => {
    const seen: string[] = [];
    let token: string | null = null;
    let pages = 0;
    do {
      const query: string = token ? `?limit=1&pageToken=${encodeURIComponent(token)}` : '?limit=1';
      const res = await call(h, 'get', `/persons${query}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((p: { id: string }) => p.id));
      token = res.body.pageToken;
      pages += 1;
    } while (token);
    expect(seen).toEqual([PUPIL_ID, STAFF_ID]);
    expect(pages).toBe(2);
  });

  it("settles one organisation's jobs in submission order (persons before later duties)", async () => {
    const newStaff = staff({
      id: 'b0b0b0b0-0000-4000-8000-000000000001',
      eduPersonPrincipalNames: ['new-staff-0001@edu.huvudman.se'],
      civicNo: { value: makeCivicNumber('1975-03-03', 42, 'personnummer') },
    });
    const newDuty = duty({ id: 'b0b0b0b0-0000-4000-8000-000000000002', person: { id: newStaff.id } });
    const persons = await call(h, 'post', '/persons/bulk', { body: { data: [newStaff] } });
    const duties = await call(h, 'post', '/duties/bulk', { body: { data: [newDuty] } });
    const dutyJob = await awaitJob(h, 'duties', duties.body.jobId);
    const personJob = await awaitJob(h, 'persons', persons.body.jobId);
    expect(personJob.responses[0].response, JSON.stringify(personJob)).toMatchObject({ status: 'Success' });
    expect(dutyJob.responses[0].response, JSON.stringify(dutyJob)).toMatchObject({ status: 'Success' });
  });
});
