// The per-organisation store: keyset paging that survives deletes, indexes for lookup, back-references.
import { describe, expect, it } from 'vitest';
import { decodePageToken, encodePageToken } from '../../src/mock-provisioning/page-token.js';
import { ResourceTable } from '../../src/mock-provisioning/resource-table.js';
import { ProvisioningStore } from '../../src/mock-provisioning/store.js';
import type { StoredObject } from '../../src/mock-provisioning/stored-object.js';
import { duty, group, nthId, nthPupil, PUPIL_EPPN, PUPIL_ID, pupil, STAFF_ID, staff } from './fixtures.js';

const object = (seq: number): StoredObject => ({
  seq,
  id: nthId(seq),
  body: {},
  createdMs: 0,
  modifiedMs: 0,
  transferDueMs: 0,
});

describe('ResourceTable', () => {
  it('pages in insertion order after a sequence number, skipping removed objects', () => {
    const table = new ResourceTable();
    for (let seq = 1; seq <= 6; seq += 1) table.add(object(seq));
    table.remove(nthId(2));
    table.remove(nthId(3));
    expect(table.page(0, 2).items.map((o) => o.seq)).toEqual([1, 4]);
    expect(table.page(0, 2).more).toBe(true);
    // A cursor pointing at a removed object still continues after it.
    expect(table.page(2, 10)).toEqual({ items: [object(4), object(5), object(6)], more: false });
    expect(table.page(6, 10)).toEqual({ items: [], more: false });
  });

  it('compacts after many removals without changing what pages return', () => {
    const table = new ResourceTable();
    for (let seq = 1; seq <= 3000; seq += 1) table.add(object(seq));
    for (let seq = 1; seq <= 2900; seq += 1) table.remove(nthId(seq));
    expect(table.size).toBe(100);
    const page = table.page(0, 100);
    expect(page.items[0]?.seq).toBe(2901);
    expect(page.more).toBe(false);
  });
});

describe('ProvisioningStore', () => {
  it('keeps organisations apart even with equal ids', () => {
    const store = new ProvisioningStore();
    store.save('SE5567044268', 'persons', pupil(), 0, 0);
    expect(store.get('SE5569123457', 'persons', PUPIL_ID)).toBeUndefined();
    expect(store.get('SE5567044268', 'persons', PUPIL_ID.toUpperCase())?.id).toBe(PUPIL_ID);
  });

  it('indexes persons by civic number and EPPN, and re-indexes on update', () => {
    const store = new ProvisioningStore();
    store.save('o', 'persons', pupil(), 0, 0);
    expect(store.personsByEppn('o', PUPIL_EPPN.toUpperCase()).map((p) => p.id)).toEqual([PUPIL_ID]);
    store.save('o', 'persons', pupil({ eduPersonPrincipalNames: ['ny@edu.huvudman.se'] }), 1, 0);
    expect(store.personsByEppn('o', PUPIL_EPPN)).toEqual([]);
    expect(store.personsByEppn('o', 'ny@edu.huvudman.se')).toHaveLength(1);
    store.save('o', 'persons', nthPupil(1), 1, 0);
    expect(
      store.personsByCivicNo('o', String((nthPupil(1).civicNo as { value: string }).value)),
    ).toHaveLength(1);
    store.remove('o', 'persons', PUPIL_ID);
    expect(store.personsByEppn('o', 'ny@edu.huvudman.se')).toEqual([]);
  });

  it('tracks who refers to whom, and whether a person is in use as staff', () => {
    const store = new ProvisioningStore();
    store.save('o', 'persons', pupil(), 0, 0);
    store.save('o', 'persons', staff(), 0, 0);
    store.save('o', 'groups', group(), 0, 0);
    expect(store.referrersOf('o', 'persons', PUPIL_ID)).toEqual([{ resource: 'groups', id: group().id }]);
    expect(store.isInUse('o', 'persons', PUPIL_ID)).toBe(false);
    store.save('o', 'duties', duty(), 0, 0);
    expect(store.isInUse('o', 'persons', STAFF_ID)).toBe(true);
    store.remove('o', 'duties', String(duty().id));
    expect(store.isInUse('o', 'persons', STAFF_ID)).toBe(false);
  });
});

describe('page tokens', () => {
  it('round-trip and reject anything else', () => {
    const cursor = {
      resource: 'groups' as const,
      seq: 12,
      id: PUPIL_ID,
      created: '2026-09-01T10:00:00.000+02:00',
    };
    expect(decodePageToken(encodePageToken(cursor))).toEqual(cursor);
    expect(decodePageToken('')).toBeUndefined();
    expect(decodePageToken('!!')).toBeUndefined();
    expect(decodePageToken(Buffer.from('{"seq":-1}').toString('base64url'))).toBeUndefined();
  });
});
