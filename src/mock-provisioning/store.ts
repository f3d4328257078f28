// The per-organisation store: one table per resource, persons indexed by civic number and EPPN, and back-references.

import type { ResourceName } from '../model/resource.js';
import { internCodes } from './intern-codes.js';
import { type ObjectKey, referencesOf } from './references.js';
import { ResourceTable, type TablePage } from './resource-table.js';
import { isObject, type JsonObject, type StoredObject } from './stored-object.js';

/** Everything one organisation (huvudman) has sent; no other organisation ever sees it. */
class OrganisationData {
  readonly tables: Record<ResourceName, ResourceTable> = {
    persons: new ResourceTable(),
    duties: new ResourceTable(),
    groups: new ResourceTable(),
    activities: new ResourceTable(),
  };
  readonly byCivicNo = new Map<string, string | string[]>();
  readonly byEppn = new Map<string, string | string[]>();
  /** `resource:id` of a target → `resource:id` of the objects that refer to it. */
  readonly referrers = new Map<string, Set<string>>();
}

const keyOf = (resource: ResourceName, id: string) => `${resource}:${id}`;

function parseKey(key: string): ObjectKey {
  const at = key.indexOf(':');
  return { resource: key.slice(0, at) as ResourceName, id: key.slice(at + 1) };
}

function addToIndex(index: Map<string, string | string[]>, key: string, id: string): void {
  const current = index.get(key);
  if (current === undefined) index.set(key, id);
  else if (typeof current === 'string') {
    if (current !== id) index.set(key, [current, id]);
  } else if (!current.includes(id)) current.push(id);
}

function removeFromIndex(index: Map<string, string | string[]>, key: string, id: string): void {
  const current = index.get(key);
  if (current === undefined) return;
  if (typeof current === 'string') {
    if (current === id) index.delete(key);
    return;
  }
  const rest = current.filter((x) => x !== id);
  index.set(key, rest.length === 1 ? (rest[0] as string) : rest);
}

function idsIn(index: Map<string, string | string[]>, key: string): string[] {
  const current = index.get(key);
  if (current === undefined) return [];
  return typeof current === 'string' ? [current] : [...current];
}

/** The civic number of a person body, as the index keys it. */
export function civicNoOf(body: JsonObject): string | undefined {
  return isObject(body.civicNo) && typeof body.civicNo.value === 'string' ? body.civicNo.value : undefined;
}

/** The EPPNs of a person body, lower-cased for the index (domains are case-insensitive). */
export function eppnsOf(body: JsonObject): string[] {
  const list = body.eduPersonPrincipalNames;
  return Array.isArray(list)
    ? list.filter((e): e is string => typeof e === 'string').map((e) => e.toLowerCase())
    : [];
}

export interface SaveResult {
  object: StoredObject;
  created: boolean;
}

export class ProvisioningStore {
  private readonly orgs = new Map<string, OrganisationData>();
  private seq = 0;

  private data(org: string): OrganisationData {
    let data = this.orgs.get(org);
    if (!data) {
      data = new OrganisationData();
      this.orgs.set(org, data);
    }
    return data;
  }

  /** Organisations that have stored anything. */
  organisations(): string[] {
    return [...this.orgs.keys()];
  }

  get(org: string, resource: ResourceName, id: string): StoredObject | undefined {
    return this.orgs.get(org)?.tables[resource].get(id.toLowerCase());
  }

  count(org: string, resource: ResourceName): number {
    return this.orgs.get(org)?.tables[resource].size ?? 0;
  }

  /** Creates or replaces an object; a replaced object keeps its `created`, seq and transfer time. */
  save(
    org: string,
    resource: ResourceName,
    body: JsonObject,
    nowMs: number,
    transferDelayMs: number,
  ): SaveResult {
    const data = this.data(org);
    const id = String(body.id).toLowerCase();
    // The body is the model's fresh parse of the item: the store takes it over instead of copying it.
    const stored = body;
    if (stored.id !== id) stored.id = id;
    internCodes(resource, stored);
    const existing = data.tables[resource].get(id);
    if (existing) {
      this.unindex(data, resource, existing);
      existing.body = stored;
      existing.modifiedMs = nowMs;
      this.index(data, resource, existing);
      return { object: existing, created: false };
    }
    this.seq += 1;
    const object: StoredObject = {
      seq: this.seq,
      id,
      body: stored,
      createdMs: nowMs,
      modifiedMs: nowMs,
      transferDueMs: nowMs + transferDelayMs,
    };
    data.tables[resource].add(object);
    this.index(data, resource, object);
    return { object, created: true };
  }

  remove(org: string, resource: ResourceName, id: string): StoredObject | undefined {
    const data = this.orgs.get(org);
    const object = data?.tables[resource].remove(id.toLowerCase());
    if (data && object) this.unindex(data, resource, object);
    return object;
  }

  /** The objects that still refer to `resource/id` (duties and groups naming a person, activities naming a group). */
  referrersOf(org: string, resource: ResourceName, id: string): ObjectKey[] {
    const set = this.orgs.get(org)?.referrers.get(keyOf(resource, id.toLowerCase()));
    return set ? [...set].map(parseKey) : [];
  }

  /**
   * Whether the object is placed in a way the test platform needs (spec, `provisioningStatus` descriptions):
   * a person has a duty, a group or duty is named by an activity.
   */
  isInUse(org: string, resource: ResourceName, id: string): boolean {
    const set = this.orgs.get(org)?.referrers.get(keyOf(resource, id.toLowerCase()));
    if (!set) return false;
    if (resource !== 'persons') return set.size > 0;
    for (const key of set) if (key.startsWith('duties:')) return true;
    return false;
  }

  personsByCivicNo(org: string, civicNo: string): StoredObject[] {
    const data = this.orgs.get(org);
    return data ? this.resolve(data, idsIn(data.byCivicNo, civicNo)) : [];
  }

  personsByEppn(org: string, eppn: string): StoredObject[] {
    const data = this.orgs.get(org);
    return data ? this.resolve(data, idsIn(data.byEppn, eppn.toLowerCase())) : [];
  }

  page(org: string, resource: ResourceName, afterSeq: number, limit: number): TablePage {
    return this.orgs.get(org)?.tables[resource].page(afterSeq, limit) ?? { items: [], more: false };
  }

  values(org: string, resource: ResourceName): StoredObject[] {
    const table = this.orgs.get(org)?.tables[resource];
    return table ? [...table.values()] : [];
  }

  /** Forgets one organisation's data, or everyone's. */
  clear(org?: string): void {
    if (org === undefined) this.orgs.clear();
    else this.orgs.delete(org);
  }

  private resolve(data: OrganisationData, ids: string[]): StoredObject[] {
    return ids.map((id) => data.tables.persons.get(id)).filter((o): o is StoredObject => o !== undefined);
  }

  private index(data: OrganisationData, resource: ResourceName, object: StoredObject): void {
    if (resource === 'persons') {
      const civicNo = civicNoOf(object.body);
      if (civicNo) addToIndex(data.byCivicNo, civicNo, object.id);
      for (const eppn of eppnsOf(object.body)) addToIndex(data.byEppn, eppn, object.id);
    }
    const source = keyOf(resource, object.id);
    for (const target of referencesOf(resource, object.body)) {
      const key = keyOf(target.resource, target.id);
      let set = data.referrers.get(key);
      if (!set) {
        set = new Set();
        data.referrers.set(key, set);
      }
      set.add(source);
    }
  }

  private unindex(data: OrganisationData, resource: ResourceName, object: StoredObject): void {
    if (resource === 'persons') {
      const civicNo = civicNoOf(object.body);
      if (civicNo) removeFromIndex(data.byCivicNo, civicNo, object.id);
      for (const eppn of eppnsOf(object.body)) removeFromIndex(data.byEppn, eppn, object.id);
    }
    const source = keyOf(resource, object.id);
    for (const target of referencesOf(resource, object.body)) {
      const key = keyOf(target.resource, target.id);
      const set = data.referrers.get(key);
      set?.delete(source);
      if (set?.size === 0) data.referrers.delete(key);
    }
  }
}
