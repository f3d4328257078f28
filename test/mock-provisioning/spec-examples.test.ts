// The spec's own example objects and bodies are accepted, and answers look like the spec's examples.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GR_UNIT } from './fixtures.js';
import { call, type Harness, pushAndWait, startHarness } from './provisioning-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

/** `paths./persons.get.responses.200…data.example`, verbatim (meta and provisioningStatus are readOnly). */
const LIST_EXAMPLE_PERSON = {
  id: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
  meta: { created: '2021-05-12T10:30:00.123+02:00', modified: '2021-05-12T10:30:00.123+02:00' },
  givenName: 'Pippilotta Viktualia Rullgardina Krusmynta',
  middleName: 'Efraimsdotter',
  familyName: 'Långstrump',
  eduPersonPrincipalNames: ['fc79e369-18a3-40c4-aa33-d92057bfff65@edu.huvudman.se'],
  civicNo: { value: '200901272385', nationality: 'SE' },
  provisioningStatus: true,
};

describe("the spec's examples", () => {
  it('accepts the GET /persons example person as a new person (readOnly fields ignored)', async () => {
    const job = await pushAndWait(h, 'post', '/persons/bulk', { data: [LIST_EXAMPLE_PERSON] });
    expect(job.responses[0]?.response).toMatchObject({ status: 'Success', statusCode: 201 });
    const stored = await call(h, 'get', `/persons/${LIST_EXAMPLE_PERSON.id}`);
    expect(stored.body.meta.created).toBe('2026-09-01T10:00:00.000+02:00');
    expect(stored.body.provisioningStatus).toBe(false);
  });

  it('accepts the lookup example body', async () => {
    const res = await call(h, 'post', '/persons/lookup', {
      body: {
        ids: ['d544563a-747a-42d3-8d37-415a101537fa'],
        civicNos: ['200901272385'],
        eduPersonPrincipalNames: ['fc79e369-18a3-40c4-aa33-d92057bfff65@edu.huvudman.se'],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.map((p: { id: string }) => p.id)).toEqual([LIST_EXAMPLE_PERSON.id]);
  });

  it("answers the 3047 example person like the spec's 200_job_status example: Warning, 201, location, warnings", async () => {
    const person = {
      ...LIST_EXAMPLE_PERSON,
      id: '1282f516-d087-47fc-b82e-481e6663ba02',
      eduPersonPrincipalNames: ['efraimsdotter09@edu.huvudman.se'],
      civicNo: { value: '20090127TF20', nationality: 'SE' },
      enrolments: [{ enroledAt: { id: GR_UNIT }, schoolType: 'GR', schoolYear: 1, cancelled: false }],
      emails: [{ value: 'piplan145@soderhavetsgymnasium.se', type: 'Skola elev' }],
      securityMarking: 'Ingen',
    };
    const job = await pushAndWait(h, 'post', '/persons/bulk', { data: [person] });
    expect(job.responses[0]).toEqual({
      id: person.id,
      response: {
        status: 'Warning',
        statusCode: 201,
        location: `${h.mock.services.urls.provisioning}/persons/${person.id}`,
        errors: [],
        warnings: [
          expect.objectContaining({
            id: '3047',
            statusCode: 400,
            messageType: 'Bristfälligt värde',
            resourceType: 'Person',
            resourceId: person.id,
            attributeName: 'eppn',
            attributeValue: 'efraimsdotter09@edu.huvudman.se',
            severityLevel: 'Warning',
          }),
        ],
      },
      meta: { created: '2026-09-01T10:00:00.000+02:00', modified: '2026-09-01T10:00:00.000+02:00' },
    });
  });

  it('accepts the example staff member with an eduID external identifier', async () => {
    const job = await pushAndWait(h, 'post', '/persons/bulk', {
      data: [
        {
          id: '3fa85f64-5717-4562-b3fc-2c963f66afa7',
          givenName: 'Tommy',
          familyName: 'Settergren',
          eduPersonPrincipalNames: ['8f1e2d3c-4b5a-4c6d-8e7f-9a0b1c2d3e4f@edu.huvudman.se'],
          externalIdentifiers: [
            { value: 'movip-eiral@eduid.se', context: 'https://eduid.se', globallyUnique: true },
          ],
          civicNo: { value: '20090127TF12' },
          emails: [{ value: 'tommy@soderhavetsgymnasium.se', type: 'Skola personal' }],
        },
      ],
    });
    expect(job.responses[0]?.response).toMatchObject({ status: 'Success', statusCode: 201 });
  });
});
