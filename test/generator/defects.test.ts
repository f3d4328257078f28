// Defects: each kind triggers exactly the rule named in defects.json, on its own item, and nothing else.
import { describe, expect, it } from 'vitest';
import {
  DEFECT_KINDS,
  DEFECTS,
  GeneratorError,
  generateDataset,
  validateDataset,
} from '../../src/generator/index.js';
import { RULES } from '../../src/model/index.js';
import { createSeededCatalogue } from '../../src/open-data/index.js';

const catalogue = createSeededCatalogue();
const ORG_A = '5567044268';
const SAMESKOLSTYRELSEN = '2021005505';

describe('defects', () => {
  it('has a spec for every kind, naming a rule of src/model’s RULES', () => {
    expect(DEFECTS.map((d) => d.kind)).toEqual([...DEFECT_KINDS]);
    for (const spec of DEFECTS) expect(RULES).toContain(spec.rule);
  });

  it.each(DEFECT_KINDS)('%s triggers exactly its rule on its own item and nothing else', (kind) => {
    const dataset = generateDataset({
      organisationNumber: ORG_A,
      pupils: 300,
      seed: 21,
      defectKinds: [kind],
      catalogue,
    });
    expect(dataset.defects).toHaveLength(1);
    const [defect] = dataset.defects;
    const spec = DEFECTS.find((d) => d.kind === kind);
    expect(defect).toMatchObject({
      kind,
      resource: spec?.resource,
      code: spec?.rule.code,
      rule: spec?.rule.name,
    });
    const { problems } = validateDataset(dataset, { catalogue });
    expect(problems).toHaveLength(1);
    const [problem] = problems;
    expect({ resource: problem?.resource, id: problem?.id, status: problem?.status }).toEqual({
      resource: defect?.resource,
      id: defect?.id,
      status: defect?.severity,
    });
    expect([...(problem?.errors ?? []), ...(problem?.warnings ?? [])].map((f) => [f.code, f.rule])).toEqual([
      [defect?.code, defect?.rule],
    ]);
  });

  it('cycles --defects K through every kind in order', () => {
    const dataset = generateDataset({
      organisationNumber: ORG_A,
      pupils: 200,
      defects: 2 * DEFECT_KINDS.length,
      catalogue,
    });
    expect(dataset.defects.map((d) => d.kind)).toEqual([...DEFECT_KINDS, ...DEFECT_KINDS]);
    expect(dataset.summary.defects.total).toBe(2 * DEFECT_KINDS.length);
    expect(Object.values(dataset.summary.defects.byKind).every((n) => n === 2)).toBe(true);
    const { problems } = validateDataset(dataset, { catalogue });
    expect(problems.map((p) => p.id).sort()).toEqual(dataset.defects.map((d) => d.id).sort());
  });

  it('cycles only the --defect kinds given, and makes one of each when --defects is not given', () => {
    const picked = generateDataset({
      organisationNumber: ORG_A,
      pupils: 50,
      defects: 5,
      defectKinds: ['bad-luhn', 'name-derived-eppn'],
      catalogue,
    });
    expect(picked.defects.map((d) => d.kind)).toEqual([
      'bad-luhn',
      'name-derived-eppn',
      'bad-luhn',
      'name-derived-eppn',
      'bad-luhn',
    ]);
    const once = generateDataset({
      organisationNumber: ORG_A,
      pupils: 50,
      defectKinds: ['two-eppns', 'bad-group-type'],
      catalogue,
    });
    expect(once.defects.map((d) => d.kind)).toEqual(['two-eppns', 'bad-group-type']);
  });

  it('adds defect items after the clean dataset, which stays the same item for item', () => {
    const clean = generateDataset({ organisationNumber: ORG_A, pupils: 200, seed: 3, catalogue });
    const broken = generateDataset({
      organisationNumber: ORG_A,
      pupils: 200,
      seed: 3,
      defects: 14,
      catalogue,
    });
    for (const resource of ['persons', 'duties', 'groups', 'activities'] as const) {
      expect(broken[resource].slice(0, clean[resource].length)).toEqual(clean[resource]);
    }
    expect(broken.summary.totals).toEqual(clean.summary.totals);
    expect(broken.summary.items.persons).toBeGreaterThan(clean.summary.items.persons);
  });

  it('lists the clean items a defect leans on as related, and they pass', () => {
    const dataset = generateDataset({
      organisationNumber: ORG_A,
      pupils: 100,
      defectKinds: ['staff-without-email'],
      catalogue,
    });
    const [defect] = dataset.defects;
    expect(defect?.related).toHaveLength(1);
    const person = dataset.persons.find((p) => p.id === defect?.related[0]?.id);
    expect(person?.emails).toBeUndefined();
    expect(dataset.duties.find((d) => d.id === defect?.id)?.person.id).toBe(person?.id);
  });

  it('refuses a --defect the organisation cannot host, and leaves it out of the default cycle', () => {
    let caught: unknown;
    try {
      generateDataset({
        organisationNumber: SAMESKOLSTYRELSEN,
        pupils: 50,
        defectKinds: ['gy-without-education-code'],
        catalogue,
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(GeneratorError);
    expect(caught).toMatchObject({ code: 'defect_not_possible', option: '--defect' });
    const cycled = generateDataset({
      organisationNumber: SAMESKOLSTYRELSEN,
      pupils: 50,
      defects: 14,
      catalogue,
    });
    expect(cycled.defects.map((d) => d.kind)).not.toContain('gy-without-education-code');
    expect(validateDataset(cycled, { catalogue }).problems).toHaveLength(14);
  });

  it('rejects an unknown --defect kind, naming the flag and listing the kinds', () => {
    expect(() =>
      // @ts-expect-error: a kind that does not exist, as a CLI user could type it
      generateDataset({ organisationNumber: ORG_A, defectKinds: ['bad-vibes'], catalogue }),
    ).toThrow(/--defect "bad-vibes" is not a defect kind; kinds: bad-luhn, /);
  });
});
