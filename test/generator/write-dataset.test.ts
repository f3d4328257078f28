// writeDataset: byte-identical files for the same options, both formats, shaped as the official specs say.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDatasetFile } from '../../examples/ss12000-api/dataset.js';
import { generateDataset, toSs12000Dataset, writeDataset } from '../../src/generator/index.js';
import { validateAgainstSpec } from '../support/openapi-validator.js';

const root = mkdtempSync(join(tmpdir(), 'provtjanst-write-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => join(root, `out-${n++}`);

const OPTIONS = { organisationNumber: '2120002411', pupils: 400, seed: 'same', defects: 14 } as const;

function readAll(dir: string): Map<string, Buffer> {
  return new Map(
    readdirSync(dir)
      .sort()
      .map((name) => [name, readFileSync(join(dir, name))]),
  );
}

describe('writeDataset', () => {
  it.each(['provisioning', 'ss12000'] as const)(
    'writes byte-identical %s files for two runs with the same seed',
    async (format) => {
      const first = freshDir();
      const second = freshDir();
      await writeDataset(generateDataset(OPTIONS), first, format);
      await writeDataset(generateDataset(OPTIONS), second, format);
      const a = readAll(first);
      const b = readAll(second);
      expect([...a.keys()]).toEqual([...b.keys()]);
      for (const [name, bytes] of a) expect(bytes.equals(b.get(name) as Buffer), name).toBe(true);
    },
  );

  it('writes different people for another seed', async () => {
    const first = freshDir();
    const second = freshDir();
    await writeDataset(generateDataset(OPTIONS), first, 'provisioning');
    await writeDataset(generateDataset({ ...OPTIONS, seed: 'other' }), second, 'provisioning');
    expect(readFileSync(join(first, 'persons.json')).equals(readFileSync(join(second, 'persons.json')))).toBe(
      false,
    );
  });

  it('writes bulk-ready {"data":[…]} files, summary.json and defects.json in the provisioning format', async () => {
    const dir = freshDir();
    const dataset = generateDataset(OPTIONS);
    const written = await writeDataset(dataset, dir, 'provisioning');
    expect(written.map((p) => p.slice(dir.length + 1))).toEqual([
      'persons.json',
      'duties.json',
      'groups.json',
      'activities.json',
      'summary.json',
      'defects.json',
    ]);
    for (const resource of ['persons', 'duties', 'groups', 'activities'] as const) {
      const body = JSON.parse(readFileSync(join(dir, `${resource}.json`), 'utf8'));
      expect(Object.keys(body)).toEqual(['data']);
      expect(body.data).toEqual(JSON.parse(JSON.stringify(dataset[resource])));
    }
    expect(JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'))).toEqual(dataset.summary);
    const defects = JSON.parse(readFileSync(join(dir, 'defects.json'), 'utf8'));
    expect(defects.count).toBe(14);
    expect(defects.defects[0]).toEqual({
      kind: 'bad-luhn',
      resource: 'persons',
      id: expect.any(String),
      code: 3122,
      rule: 'person.civic-no.check-digit',
      severity: 'Error',
      related: [],
    });
  });

  it('removes a stale defects.json when the dataset has no defects', async () => {
    const dir = freshDir();
    await writeDataset(generateDataset(OPTIONS), dir, 'provisioning');
    await writeDataset(generateDataset({ ...OPTIONS, defects: 0 }), dir, 'provisioning');
    expect(readdirSync(dir)).not.toContain('defects.json');
  });

  it('writes one item a line', async () => {
    const dir = freshDir();
    const dataset = generateDataset({ ...OPTIONS, defects: 0 });
    await writeDataset(dataset, dir, 'provisioning');
    const lines = readFileSync(join(dir, 'duties.json'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(dataset.duties.length + 2);
    expect(lines[0]).toBe('{"data":[');
    expect(lines.at(-1)).toBe(']}');
  });

  it('shapes provisioning items as the Provisioning API 1.3.2 schemas', () => {
    const dataset = generateDataset({ ...OPTIONS, defects: 0 });
    for (const [resource, items] of [
      ['persons', dataset.persons],
      ['duties', dataset.duties],
      ['groups', dataset.groups],
      ['activities', dataset.activities],
    ] as const) {
      for (const item of items) {
        const result = validateAgainstSpec('provisioning', 'GET', `/${resource}/{id}`, 200, item);
        expect(result.errors, `${resource} ${item.id}`).toEqual([]);
      }
    }
  });
});

describe('the ss12000 format', () => {
  const dataset = generateDataset({ ...OPTIONS, defects: 0 });
  const ss = toSs12000Dataset(dataset);

  it('lists the organisation’s school units as SS 12000 organisations, with schoolUnitCode and meta', () => {
    expect(ss.organisations.map((o) => o.schoolUnitCode)).toEqual(
      dataset.schoolUnits.map((u) => u.schoolUnitCode),
    );
    expect(
      validateAgainstSpec('ss12000', 'GET', '/organisations', 200, { organisations: ss.organisations })
        .errors,
    ).toEqual([]);
  });

  it.each(['persons', 'groups', 'duties', 'activities'] as const)(
    'shapes %s as the SS 12000 subset spec, with meta',
    (resource) => {
      const items = ss[resource];
      expect(items).toHaveLength(dataset[resource].length);
      expect(
        validateAgainstSpec('ss12000', 'GET', `/${resource}`, 200, { data: items, pageToken: null }).errors,
      ).toEqual([]);
      for (const item of items) {
        expect(Object.keys(item).slice(0, 2)).toEqual(['id', 'meta']);
        expect(Date.parse(item.meta.created)).toBeLessThanOrEqual(Date.parse(item.meta.modified));
        expect(Date.parse(item.meta.modified)).toBeLessThanOrEqual(Date.parse('2026-09-01T00:00:00Z'));
      }
    },
  );

  it('writes dataset.json with the five keys, and the same items as the provisioning format', async () => {
    const dir = freshDir();
    await writeDataset(dataset, dir, 'ss12000');
    expect(readdirSync(dir).sort()).toEqual(['dataset.json', 'summary.json']);
    const file = JSON.parse(readFileSync(join(dir, 'dataset.json'), 'utf8'));
    expect(Object.keys(file)).toEqual(['organisations', 'persons', 'groups', 'duties', 'activities']);
    const withoutMeta = file.persons.map(({ meta: _meta, ...rest }: { meta: unknown }) => rest);
    expect(withoutMeta).toEqual(JSON.parse(JSON.stringify(dataset.persons)));
  });

  it('writes a dataset.json the reference SS 12000 API (examples/ss12000-api) seeds from', async () => {
    const dir = freshDir();
    await writeDataset(generateDataset(OPTIONS), dir, 'ss12000');
    const loaded = loadDatasetFile(join(dir, 'dataset.json'));
    expect(loaded.persons).toHaveLength(generateDataset(OPTIONS).persons.length);
    expect(loaded.organisations).toHaveLength(ss.organisations.length);
  });

  it('takes meta from the seed and --today, never from the wall clock', () => {
    const later = generateDataset({ ...OPTIONS, defects: 0, today: '2027-09-01' });
    expect(toSs12000Dataset(dataset)).toEqual(ss);
    expect(toSs12000Dataset(later).organisations[0]?.meta).not.toEqual(ss.organisations[0]?.meta);
  });
});
