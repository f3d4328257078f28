// Loading a user's own catalogue file: good files load (and serve), bad ones fail naming the file and the field.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import {
  catalogueToJson,
  createCatalogue,
  createSeededCatalogue,
  loadCatalogueFile,
  type OpenDataCatalogueInput,
  OpenDataError,
  uuidV5,
} from '../../src/open-data/index.js';
import { expectMatchesSpec } from '../support/openapi-validator.js';
import { createOpenDataServer, PREFIX } from './open-data-server.js';

const dir = mkdtempSync(join(tmpdir(), 'open-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileCount = 0;
function writeJson(data: unknown): string {
  fileCount += 1;
  const path = join(dir, `catalogue-${fileCount}.json`);
  writeFileSync(path, typeof data === 'string' ? data : JSON.stringify(data, null, 2));
  return path;
}

const SMALL: OpenDataCatalogueInput = {
  organisations: [{ displayName: 'Exempelkommun', organisationNumber: '2120000142' }],
  schoolUnits: [
    {
      displayName: 'Exempelskolan',
      schoolUnitCode: '12345678',
      municipalityCode: '0180',
      schoolTypes: [{ schoolType: 'GR', schoolYears: [{ schoolYear: 9 }] }],
      parentOrganisation: { organisationNumber: '2120000142' },
    },
  ],
  programmes: [
    { displayName: 'Naturvetenskapsprogrammet', educationCode: 'NA', validFrom: '2011-07-01T00:00:00+02:00' },
  ],
  activities: [{ displayName: 'GRGRMAT01-GR-9', schoolType: 'GR', schoolYear: 9 }],
};

/** Catches the OpenDataError `fn` throws (failing the test when it throws nothing or something else). */
function catchOpenDataError(fn: () => unknown): OpenDataError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(OpenDataError);
    return error as OpenDataError;
  }
  throw new Error('expected an OpenDataError');
}

describe('loadCatalogueFile: good files', () => {
  it('loads a minimal file, deriving ids, parent references, defaults and the organisation status', () => {
    const catalogue = loadCatalogueFile(writeJson(SMALL));
    const unit = catalogue.schoolUnitByCode('12345678');
    expect(unit).toMatchObject({
      id: uuidV5('12345678'),
      status: 'Active',
      dnpStatus: true,
      parentOrganisation: { organisationNumber: '2120000142', displayName: 'Exempelkommun' },
      schoolTypes: [{ schoolType: 'GR', dnpStatus: true, schoolYears: [{ schoolYear: 9, dnpStatus: true }] }],
    });
    expect(catalogue.organisationByNumber('2120000142')).toMatchObject({
      countryCode: 'SWE',
      status: 'Active',
    });
    expect(catalogue.programmeByCode('NA')).toMatchObject({ schoolType: 'GY', status: 'Active' });
    expect(catalogue.activityByDisplayName('GRGRMAT01-GR-9')?.activityType).toBe('Provaktivitet');
  });

  it('round-trips the seeded catalogue through catalogueToJson and a file', () => {
    const seeded = createSeededCatalogue();
    const loaded = loadCatalogueFile(writeJson(catalogueToJson(seeded)));
    expect(catalogueToJson(loaded)).toEqual(catalogueToJson(seeded));
  });

  it('serves a loaded catalogue over HTTP, in the spec shape', async () => {
    const server = createOpenDataServer(loadCatalogueFile(writeJson(SMALL)));
    const res = await request(server).get(`${PREFIX}/organisations/code/2120000142?expandSchoolUnits=true`);
    expectMatchesSpec('open-data', 'GET', '/organisations/code/{code}', res);
    expect(res.body.schoolUnits.map((u: { schoolUnitCode: string }) => u.schoolUnitCode)).toEqual([
      '12345678',
    ]);
    const seededOnly = await request(server).get(`${PREFIX}/schoolUnits/code/31279295`);
    expect(seededOnly.status).toBe(404);
  });

  it('loads the example in docs/open-data.md', () => {
    const doc = readFileSync(new URL('../../docs/open-data.md', import.meta.url), 'utf8');
    const example = /```json\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const catalogue = loadCatalogueFile(writeJson(example ?? ''));
    expect(catalogue.schoolUnits.length).toBeGreaterThan(0);
  });
});

describe('loadCatalogueFile: bad files', () => {
  it('names the file and the JSON path of a bad school unit code', () => {
    const data = catalogueToJson(createSeededCatalogue());
    const unit = data.schoolUnits[3];
    if (!unit) throw new Error('seed has fewer than 4 school units');
    data.schoolUnits[3] = { ...unit, schoolUnitCode: '1234567', id: undefined as unknown as string };
    const path = writeJson(data);
    const error = catchOpenDataError(() => loadCatalogueFile(path));
    expect(error.code).toBe('invalid_open_data');
    expect(error.source).toBe(path);
    expect(error.message).toContain(path);
    expect(error.message).toContain('schoolUnits[3].schoolUnitCode: must be 8 digits');
    expect(error.issues).toEqual([{ path: 'schoolUnits[3].schoolUnitCode', message: 'must be 8 digits' }]);
  });

  it('reports every problem at once: missing, unknown and badly typed fields', () => {
    const error = catchOpenDataError(() =>
      loadCatalogueFile(
        writeJson({
          organisations: [{ organisationNumber: '55670442', displayname: 'typo' }],
          programmes: [{ displayName: 'X', educationCode: 'X', validFrom: '2011-07-01' }],
          activities: [
            { displayName: 'GRGRMAT01', schoolType: 'GR' },
            { displayName: 'X', schoolType: 'FS' },
          ],
        }),
      ),
    );
    expect(error.issues).toEqual(
      expect.arrayContaining([
        { path: 'organisations[0].displayName', message: 'is required' },
        { path: 'organisations[0].organisationNumber', message: 'must be 10 digits' },
        { path: 'organisations[0]', message: 'Unrecognized key: "displayname"' },
        {
          path: 'programmes[0].validFrom',
          message: 'must be an RFC 3339 date-time, e.g. 2011-07-01T00:00:00+02:00',
        },
        { path: 'activities[0].schoolYear', message: 'is required for GR' },
        {
          path: 'activities[1].schoolType',
          message: 'must be one of GR, SP, SAM, GY, VUXGY (the DNP school types)',
        },
      ]),
    );
  });

  it('rejects an unknown parent, a wrong id, and a duplicate key, by path', () => {
    const data: OpenDataCatalogueInput = {
      ...SMALL,
      organisations: [
        ...(SMALL.organisations ?? []),
        {
          displayName: 'Fel id AB',
          organisationNumber: '5567044268',
          id: '00000000-0000-5000-8000-000000000000',
        },
      ],
      schoolUnits: [
        ...(SMALL.schoolUnits ?? []),
        {
          displayName: 'Dubblett',
          schoolUnitCode: '12345678',
          schoolTypes: [],
          parentOrganisation: { organisationNumber: '1111111111' },
        },
      ],
    };
    const error = catchOpenDataError(() => loadCatalogueFile(writeJson(data)));
    expect(error.issues).toEqual([
      {
        path: 'organisations[1].id',
        message:
          'must be the UUID v5 (nil namespace) of organisationNumber "5567044268": 657ae6a4-2978-5fbe-b357-ba353c0f03b5, or be left out',
      },
      { path: 'schoolUnits[1].schoolUnitCode', message: '"12345678" is already used by schoolUnits[0]' },
      {
        path: 'schoolUnits[1].parentOrganisation.organisationNumber',
        message: 'no organisation 1111111111 in organisations',
      },
    ]);
  });

  it('rejects a top level that is not an object', () => {
    const error = catchOpenDataError(() => loadCatalogueFile(writeJson([])));
    expect(error.code).toBe('invalid_open_data');
    expect(error.issues[0]?.path).toBe('(root)');
  });

  it('fails with unreadable_open_data for a missing file or a file that is not JSON', () => {
    const missing = join(dir, 'missing.json');
    const notFound = catchOpenDataError(() => loadCatalogueFile(missing));
    expect(notFound.code).toBe('unreadable_open_data');
    expect(notFound.message).toContain(missing);
    const broken = writeJson('{ "organisations": [ ');
    const notJson = catchOpenDataError(() => loadCatalogueFile(broken));
    expect(notJson.code).toBe('unreadable_open_data');
    expect(notJson.message).toMatch(/not valid JSON/);
  });
});

describe('createCatalogue', () => {
  it('validates in-memory data the same way, naming the given source', () => {
    const error = catchOpenDataError(() =>
      createCatalogue(
        {
          schoolUnits: [
            {
              displayName: 'x',
              schoolUnitCode: 'abc',
              schoolTypes: [],
              parentOrganisation: { organisationNumber: '2120000142' },
            },
          ],
        },
        'fixture',
      ),
    );
    expect(error.message).toMatch(/^Invalid open-data catalogue fixture:/);
    expect(error.issues[0]).toEqual({ path: 'schoolUnits[0].schoolUnitCode', message: 'must be 8 digits' });
  });

  it('builds an empty catalogue from an empty object', () => {
    const empty = createCatalogue({});
    expect(empty.organisations).toEqual([]);
    expect(empty.examActivities({ schoolType: 'GR' })).toEqual([]);
  });
});
