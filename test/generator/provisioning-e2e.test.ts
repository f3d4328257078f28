// End to end: generated datasets pushed through the mock's Provisioning API in the README order.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFECT_KINDS, generateDataset } from '../../src/generator/index.js';
import { type ProvisioningRig, startProvisioningRig } from './push-dataset.js';

let rig: ProvisioningRig;
beforeEach(async () => {
  rig = await startProvisioningRig();
});
afterEach(async () => rig.close());

describe('a generated dataset pushed through the Provisioning API', () => {
  it.each([
    ['5567044268', 'Testorganisation AB (GR, GY)'],
    ['2120002411', 'Sundsvalls kommun (GR, GY, VUXGY)'],
    ['2021005620', 'Specialpedagogiska skolmyndigheten (SP)'],
  ])('settles clean data of %s, %s, with zero Error and zero Warning items', async (organisationNumber) => {
    // 1,500 pupils: persons.json is more than 200 KB, so the persons go in several calls.
    const dataset = generateDataset({ organisationNumber, pupils: 1500, seed: 11 });
    const outcomes = await rig.push(dataset);
    expect(outcomes).toHaveLength(
      dataset.persons.length + dataset.duties.length + dataset.groups.length + dataset.activities.length,
    );
    const problems = outcomes.filter((o) => o.status !== 'Success');
    expect(problems).toEqual([]);
  });

  it('answers every defect item with exactly the LogEntry id of defects.json, and every other item Success', async () => {
    const dataset = generateDataset({
      organisationNumber: '5567044268',
      pupils: 300,
      seed: 12,
      defects: DEFECT_KINDS.length,
    });
    const outcomes = await rig.push(dataset);
    for (const defect of dataset.defects) {
      const outcome = outcomes.find((o) => o.id === defect.id && o.resource === defect.resource);
      const entries = [...(outcome?.errors ?? []), ...(outcome?.warnings ?? [])];
      expect({ kind: defect.kind, status: outcome?.status, ids: entries.map((e) => e.id) }).toEqual({
        kind: defect.kind,
        status: defect.severity,
        ids: [String(defect.code)],
      });
    }
    const defectIds = new Set(dataset.defects.map((d) => `${d.resource}:${d.id}`));
    const others = outcomes.filter((o) => !defectIds.has(`${o.resource}:${o.id}`) && o.status !== 'Success');
    expect(others).toEqual([]);
  });
});
