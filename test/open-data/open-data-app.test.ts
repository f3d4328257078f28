// Drives every open-data operation over HTTP and checks each answer against the official spec.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededCatalogue } from '../../src/open-data/index.js';
import { expectMatchesSpec } from '../support/openapi-validator.js';
import { createOpenDataServer, PREFIX } from './open-data-server.js';

const catalogue = createSeededCatalogue();
// 2026-03-15T09:30:00Z: Swedish winter time, so +01:00.
const NOW = Date.UTC(2026, 2, 15, 9, 30, 0, 250);
const server = createOpenDataServer(catalogue, { now: () => NOW });

const TEST_ORG_ID = '657ae6a4-2978-5fbe-b357-ba353c0f03b5';
const TESTSKOLAN_ID = 'fb22448b-b724-5e53-8a2c-d8b339206901';
const EKJURV_ID = 'f8bd4423-9693-51ed-a854-6e9984e6c2f7';
const MATMAT01_ID = '505c5ee0-7be4-560d-9c27-10ab0d96ac9a';
const UNKNOWN_ID = '00000000-0000-5000-8000-000000000000';

beforeAll(() => {
  server.listen(0);
});
afterAll(() => {
  server.close();
});

/** GETs `path` under the prefix and checks the answer against operation `template` of the spec. */
async function get(path: string, template: string) {
  const res = await request(server).get(`${PREFIX}${path}`);
  expectMatchesSpec('open-data', 'GET', template, res);
  return res;
}

describe('GET /alive', () => {
  it('answers 200 with no body', async () => {
    const res = await get('/alive', '/alive');
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
  });
});

describe('GET /organisations/{id}', () => {
  it('returns the spec example organisation without school units by default', async () => {
    const res = await get(`/organisations/${TEST_ORG_ID}`, '/organisations/{id}');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toMatchObject({
      id: TEST_ORG_ID,
      displayName: 'Testorganisation AB',
      organisationNumber: '5567044268',
      countryCode: 'SWE',
      organisationType: 'Huvudman',
      status: 'Active',
    });
    expect(res.body).not.toHaveProperty('schoolUnits');
  });

  it('expands the school units with expandSchoolUnits=true', async () => {
    const res = await get(`/organisations/${TEST_ORG_ID}?expandSchoolUnits=true`, '/organisations/{id}');
    expect(res.status).toBe(200);
    const codes = res.body.schoolUnits.map((u: { schoolUnitCode: string }) => u.schoolUnitCode);
    expect(codes).toEqual(catalogue.schoolUnitsOf('5567044268').map((u) => u.schoolUnitCode));
    expect(codes).toContain('31279295');
    expect(res.body.schoolUnits[0].parentOrganisation).toEqual({
      id: TEST_ORG_ID,
      organisationNumber: '5567044268',
      displayName: 'Testorganisation AB',
    });
  });

  it('leaves school units out with expandSchoolUnits=false', async () => {
    const res = await get(`/organisations/${TEST_ORG_ID}?expandSchoolUnits=false`, '/organisations/{id}');
    expect(res.body).not.toHaveProperty('schoolUnits');
  });

  it('accepts an upper-case uuid', async () => {
    const res = await get(`/organisations/${TEST_ORG_ID.toUpperCase()}`, '/organisations/{id}');
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(TEST_ORG_ID);
  });

  it('answers 400 "Invalid parameter: id" with the clock time for a malformed uuid', async () => {
    const res = await get('/organisations/not-a-uuid', '/organisations/{id}');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      code: 400,
      message: 'Invalid parameter: id',
      timeStamp: '2026-03-15T10:30:00+01:00',
    });
  });

  it('answers 400 for an expandSchoolUnits value that is not a boolean', async () => {
    const res = await get(`/organisations/${TEST_ORG_ID}?expandSchoolUnits=yes`, '/organisations/{id}');
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('Invalid parameter: expandSchoolUnits');
  });

  it('answers 404 "Organisation not found" for an unknown id', async () => {
    const res = await get(`/organisations/${UNKNOWN_ID}`, '/organisations/{id}');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      code: 404,
      message: 'Organisation not found',
      timeStamp: '2026-03-15T10:30:00+01:00',
    });
  });

  it('serves every seeded organisation, expanded, in the spec shape', async () => {
    for (const organisation of catalogue.organisations) {
      const res = await get(
        `/organisations/${organisation.id}?expandSchoolUnits=true`,
        '/organisations/{id}',
      );
      expect(res.status).toBe(200);
      expect(res.body.schoolUnits).toHaveLength(
        catalogue.schoolUnitsOf(organisation.organisationNumber).length,
      );
    }
  });
});

describe('GET /organisations/code/{code}', () => {
  it('returns the organisation by organisationNumber, with school units when asked', async () => {
    const res = await get(
      '/organisations/code/2120002411?expandSchoolUnits=true',
      '/organisations/code/{code}',
    );
    expect(res.status).toBe(200);
    expect(res.body.displayName).toBe('Sundsvalls kommun');
    expect(res.body.legalForm).toEqual({ id: '82', displayName: 'Kommuner' });
    expect(res.body.schoolUnits.length).toBeGreaterThanOrEqual(3);
  });

  it('reports an organisation whose school units have all closed as Expired', async () => {
    const res = await get('/organisations/code/5566345673', '/organisations/code/{code}');
    expect(res.body.status).toBe('Expired');
  });

  it('answers 404 for an unknown organisationNumber', async () => {
    const res = await get('/organisations/code/1234567890', '/organisations/code/{code}');
    expect(res.status).toBe(404);
    expect(res.body.message).toBe('Organisation not found');
  });
});

describe('GET /schoolUnits/{id} and /schoolUnits/code/{code}', () => {
  it('returns Testskolan by id with its school types, years and parent', async () => {
    const res = await get(`/schoolUnits/${TESTSKOLAN_ID}`, '/schoolUnits/{id}');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: TESTSKOLAN_ID,
      displayName: 'Testskolan',
      schoolUnitCode: '31279295',
      municipalityCode: '0180',
      municipalityName: 'Stockholm',
      status: 'Active',
      dnpStatus: true,
      parentOrganisation: { id: TEST_ORG_ID, organisationNumber: '5567044268' },
    });
    const gr = res.body.schoolTypes.find((t: { schoolType: string }) => t.schoolType === 'GR');
    expect(gr.dnpStatus).toBe(true);
    expect(gr.schoolYears.map((y: { schoolYear: number }) => y.schoolYear)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
  });

  it('returns the same unit by code', async () => {
    const res = await get('/schoolUnits/code/31279295', '/schoolUnits/code/{code}');
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(TESTSKOLAN_ID);
  });

  it('answers 400 for a malformed uuid and 404 for unknown ids and codes', async () => {
    const bad = await get('/schoolUnits/31279295', '/schoolUnits/{id}');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('Invalid parameter: id');
    const unknownId = await get(`/schoolUnits/${UNKNOWN_ID}`, '/schoolUnits/{id}');
    expect(unknownId.status).toBe(404);
    expect(unknownId.body.message).toBe('School unit not found');
    const unknownCode = await get('/schoolUnits/code/99999999', '/schoolUnits/code/{code}');
    expect(unknownCode.status).toBe(404);
    expect(unknownCode.body.message).toBe('School unit not found');
  });
});

describe('GET /programmes, /programmes/{id}, /programmes/code/{code}', () => {
  it('lists every programme in the spec shape', async () => {
    const res = await get('/programmes', '/programmes');
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(catalogue.programmes.length);
    const statuses = new Set(res.body.map((p: { status: string }) => p.status));
    expect(statuses).toEqual(new Set(['Active', 'Expired', 'New']));
  });

  it('returns EKJURV by id and by code', async () => {
    const byId = await get(`/programmes/${EKJURV_ID}`, '/programmes/{id}');
    expect(byId.status).toBe(200);
    expect(byId.body).toEqual({
      id: EKJURV_ID,
      displayName: 'Ekonomiprogrammet, Juridik, särskild variant inom det estetiska området',
      educationCode: 'EKJURV',
      schoolType: 'GY',
      validFrom: '2011-07-01T00:00:00+02:00',
      status: 'Active',
    });
    const byCode = await get('/programmes/code/EKJURV', '/programmes/code/{code}');
    expect(byCode.body).toEqual(byId.body);
  });

  it('answers 400 for a malformed uuid and 404 "Programme not found" for unknown ones', async () => {
    expect((await get('/programmes/EKJURV', '/programmes/{id}')).status).toBe(400);
    const unknownId = await get(`/programmes/${UNKNOWN_ID}`, '/programmes/{id}');
    expect(unknownId.status).toBe(404);
    expect(unknownId.body.message).toBe('Programme not found');
    const unknownCode = await get('/programmes/code/XXXXX', '/programmes/code/{code}');
    expect(unknownCode.status).toBe(404);
    expect(unknownCode.body.message).toBe('Programme not found');
  });
});

describe('GET /activities, /activities/{id}', () => {
  it('lists every exam activity in the spec shape', async () => {
    const res = await get('/activities', '/activities');
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(catalogue.activities.length);
    expect(res.body.every((a: { activityType: string }) => a.activityType === 'Provaktivitet')).toBe(true);
  });

  it('returns the spec example activity MATMAT01 by id', async () => {
    const res = await get(`/activities/${MATMAT01_ID}`, '/activities/{id}');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: MATMAT01_ID,
      displayName: 'MATMAT01',
      activityType: 'Provaktivitet',
      schoolType: 'GY',
    });
  });

  it('returns a year-based activity with its school year', async () => {
    const maths6 = catalogue.activityByDisplayName('GRGRMAT01-GR-6');
    const res = await get(`/activities/${maths6?.id}`, '/activities/{id}');
    expect(res.body).toMatchObject({ schoolType: 'GR', schoolYear: 6 });
  });

  it('answers 400 for a malformed uuid and 404 "Activity not found" for an unknown id', async () => {
    expect((await get('/activities/MATMAT01', '/activities/{id}')).status).toBe(400);
    const res = await get(`/activities/${UNKNOWN_ID}`, '/activities/{id}');
    expect(res.status).toBe(404);
    expect(res.body.message).toBe('Activity not found');
  });
});

describe('paths no operation serves', () => {
  it('answers 404 in the spec Error shape for an unknown path under the prefix', async () => {
    const res = await request(server).get(`${PREFIX}/schools`);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: 404, message: 'Not found', timeStamp: '2026-03-15T10:30:00+01:00' });
  });

  it('answers 404 for a method the spec does not declare', async () => {
    const res = await request(server).post(`${PREFIX}/programmes`).send({});
    expect(res.status).toBe(404);
    expect(res.body.code).toBe(404);
  });
});
