// The generator's `ss12000` dataset seeds the reference API; a sync mirrors the clean items and logs each defect.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDataset } from '../../examples/ss12000-api/dataset.js';
import { DEFECT_KINDS } from '../../src/generator/defect-kinds.js';
import {
  type Dataset as GeneratedDataset,
  generateDataset,
  toSs12000Dataset,
} from '../../src/generator/index.js';
import type { RegisteredApi } from '../../src/mock-ss12000-client/index.js';
import {
  type MockHarness,
  ORG,
  registerAndSync,
  startMockHarness,
  startVendor,
  type VendorHarness,
} from './harness.js';

describe('a generated dataset with one defect of every kind', () => {
  let mock: MockHarness;
  let vendor: VendorHarness;
  let generated: GeneratedDataset;
  let registered: RegisteredApi;

  beforeAll(async () => {
    mock = await startMockHarness();
    generated = generateDataset({
      organisationNumber: ORG,
      pupils: 150,
      defects: DEFECT_KINDS.length,
      catalogue: mock.running.mock.services.catalogue,
      today: mock.clock.date().toISOString().slice(0, 10),
    });
    // Through JSON and the loader, as `dataset.json` would come.
    const dataset = parseDataset(JSON.parse(JSON.stringify(toSs12000Dataset(generated))));
    vendor = await startVendor(mock, { dataset });
    ({ registered } = await registerAndSync(mock, vendor.url));
  });

  afterAll(async () => {
    await vendor?.close();
    await mock?.close();
  });

  it('reports every defect to /log with the rule code the generator promised', () => {
    const entries = vendor.api.store.logEntries as Record<string, unknown>[];
    for (const defect of generated.defects) {
      const entry = entries.find((e) => e.resourceId === defect.id && e.messageType === String(defect.code));
      expect(entry, `${defect.kind} (${defect.rule})`).toMatchObject({ severityLevel: defect.severity });
    }
  });

  it('refuses no clean item', () => {
    const defectIds = new Set(generated.defects.map((d) => d.id));
    const entries = vendor.api.store.logEntries as Record<string, unknown>[];
    const cleanErrors = entries.filter(
      (e) => e.severityLevel === 'Error' && !defectIds.has(e.resourceId as string),
    );
    expect(cleanErrors).toEqual([]);
  });

  it('mirrors clean items and warned-about ones, and leaves out refused ones', () => {
    const refused = new Set(generated.defects.filter((d) => d.severity === 'Error').map((d) => d.id));
    const persons = generated.persons.filter((p) => !refused.has(p.id));
    expect(registered.mirror.count('Person')).toBe(persons.length);
    for (const defect of generated.defects) {
      const resource = (
        { persons: 'Person', duties: 'Duty', groups: 'Group', activities: 'Activity' } as const
      )[defect.resource];
      expect(registered.mirror.has(resource, defect.id), defect.kind).toBe(defect.severity !== 'Error');
    }
    expect(registered.mirror.count('Organisation')).toBe(generated.schoolUnits.length);
  });
});
