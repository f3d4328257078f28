// Administration's views of pushed data: transfer status with the items that failed, and protected persons' platform view.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../src/generator/index.js';
import type { PlatformPerson } from '../../src/web/admin/pseudonymisation.js';
import type { ResourceTransfer } from '../../src/web/admin/transfer-status.js';
import { type ProvisioningRig, type PushedItem, startProvisioningRig } from '../generator/push-dataset.js';

const ORG = '5567044268';
const BASE = `/_mock/admin/organisations/SE${ORG}`;

interface Pseudonymisation {
  attested: boolean;
  persons: PlatformPerson[];
}

describe('Administration over a pushed dataset', () => {
  let rig: ProvisioningRig;
  let pushed: PushedItem[];
  const get = async <T>(path: string) => (await (await rig.mock.app.request(BASE + path)).json()) as T;

  beforeAll(async () => {
    rig = await startProvisioningRig();
    const dataset = generateDataset({
      organisationNumber: ORG,
      pupils: 40,
      seed: 11,
      defectKinds: ['name-derived-eppn', 'bad-luhn'],
    });
    // Two protected identities (the generator makes 1 % of people protected; these tests need some for sure).
    Object.assign(dataset.persons[0] as object, { securityMarking: 'Skyddad folkbokföring' });
    Object.assign(dataset.persons[1] as object, { securityMarking: 'Sekretessmarkering' });
    pushed = await rig.push(dataset);
  });
  afterAll(async () => rig?.close());

  it('counts each resource by latest status and lists the items with Errors or Warnings', async () => {
    const { resources } = await get<{ resources: ResourceTransfer[] }>('/transfers');
    const persons = resources.find((r) => r.resource === 'persons') as ResourceTransfer;
    const sent = pushed.filter((item) => item.resource === 'persons');
    expect(persons.counts.Success + persons.counts.Warning + persons.counts.Error).toBe(sent.length);
    const flagged = sent
      .filter((item) => item.status === 'Error' || item.status === 'Warning')
      .map((item) => item.id);
    expect(flagged.length).toBeGreaterThan(0);
    expect(persons.itemsWithFindings.map((item) => item.id).sort()).toEqual(flagged.sort());
    expect(persons.stored).toBe(rig.mock.services.provisioning.data.count(`SE${ORG}`, 'persons'));
  });

  it('shows protected persons pseudonymised until the huvudman attests, then as sent', async () => {
    const before = await get<Pseudonymisation>('/pseudonymisation');
    expect(before.attested).toBe(false);
    expect(before.persons.length).toBeGreaterThanOrEqual(2);
    for (const person of before.persons) {
      expect(['Sekretessmarkering', 'Skyddad folkbokföring']).toContain(person.securityMarking);
      expect(person.treatment).toBe('pseudonymised');
      expect(person.person.civicNo).toBeUndefined();
    }
    const patched = await rig.mock.app.request(`${BASE}/settings`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pseudonymisationAttested: true }),
    });
    expect(patched.status).toBe(200);
    const after = await get<Pseudonymisation>('/pseudonymisation');
    expect(after.persons.map((p) => p.treatment)).toEqual(before.persons.map(() => 'as-sent'));
    expect(after.persons[0]?.person.civicNo).toBeDefined();
    // The Provisioning API's answers are Skolverket's storage: unchanged by the attestation either way.
    const snapshot = rig.mock.services.provisioning.store.snapshot(`SE${ORG}`);
    const stored = snapshot.persons.find((p) => p.id === before.persons[0]?.id) as { civicNo?: unknown };
    expect(stored.civicNo).toBeDefined();
  });

  it("renders the Administration page with the organisation's transfer table", async () => {
    const page = await rig.mock.app.request(`/_mock/admin?org=${ORG}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('data-resource="persons"');
    expect(html).toContain('Testorganisation AB');
    expect((await rig.mock.app.request('/_mock/admin?org=12')).status).toBe(400);
  });
});
