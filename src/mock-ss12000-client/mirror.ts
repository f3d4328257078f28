// What "Skolverket" holds for one registered API: the accepted items per resource, with lookups the rules need.
import { RESOURCE_ORDER, type Ss12000ResourceType } from './resources.js';

/** An item as the vendor served it (accepted by the rules). */
export type MirrorItem = Record<string, unknown> & { id: string };

function references(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

function eppnsOf(person: MirrorItem): string[] {
  const names = person.eduPersonPrincipalNames;
  return Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : [];
}

/** One registration's copy of the vendor's data; tests compare it with the vendor's store. */
export class Mirror {
  private readonly items = new Map<Ss12000ResourceType, Map<string, MirrorItem>>(
    RESOURCE_ORDER.map((r) => [r, new Map<string, MirrorItem>()]),
  );
  /** EPPN → ids of the persons carrying it. */
  private readonly eppnOwners = new Map<string, Set<string>>();
  /** Person id → how many duties name the person. */
  private readonly dutyCounts = new Map<string, number>();

  private map(resource: Ss12000ResourceType): Map<string, MirrorItem> {
    return this.items.get(resource) as Map<string, MirrorItem>;
  }

  get(resource: Ss12000ResourceType, id: string): MirrorItem | undefined {
    return this.map(resource).get(id);
  }

  has(resource: Ss12000ResourceType, id: string): boolean {
    return this.map(resource).has(id);
  }

  /** Stores (or replaces) an accepted item. */
  put(resource: Ss12000ResourceType, item: MirrorItem): void {
    this.remove(resource, item.id);
    this.map(resource).set(item.id, item);
    this.index(resource, item, +1);
  }

  /** Drops an item; true when it was there. */
  remove(resource: Ss12000ResourceType, id: string): boolean {
    const old = this.map(resource).get(id);
    if (!old) return false;
    this.map(resource).delete(id);
    this.index(resource, old, -1);
    return true;
  }

  ids(resource: Ss12000ResourceType): string[] {
    return [...this.map(resource).keys()];
  }

  count(resource: Ss12000ResourceType): number {
    return this.map(resource).size;
  }

  counts(): Record<Ss12000ResourceType, number> {
    return Object.fromEntries(RESOURCE_ORDER.map((r) => [r, this.count(r)])) as Record<
      Ss12000ResourceType,
      number
    >;
  }

  /** Items in insertion order, a window at a time (the control plane pages with offset/limit). */
  list(resource: Ss12000ResourceType, offset = 0, limit = Number.POSITIVE_INFINITY): MirrorItem[] {
    const out: MirrorItem[] = [];
    let index = 0;
    for (const item of this.map(resource).values()) {
      if (index++ < offset) continue;
      if (out.length >= limit) break;
      out.push(item);
    }
    return out;
  }

  /** Id of a person carrying `eppn` that matches `test`, if any. */
  eppnOwner(eppn: string, test: (person: MirrorItem) => boolean): string | undefined {
    for (const id of this.eppnOwners.get(eppn) ?? []) {
      const person = this.get('Person', id);
      if (person && test(person)) return id;
    }
    return undefined;
  }

  isStaff(personId: string): boolean {
    return (this.dutyCounts.get(personId) ?? 0) > 0;
  }

  clear(): void {
    for (const map of this.items.values()) map.clear();
    this.eppnOwners.clear();
    this.dutyCounts.clear();
  }

  private index(resource: Ss12000ResourceType, item: MirrorItem, delta: 1 | -1): void {
    if (resource === 'Person') {
      for (const eppn of eppnsOf(item)) {
        const owners = this.eppnOwners.get(eppn) ?? new Set<string>();
        if (delta > 0) owners.add(item.id);
        else owners.delete(item.id);
        if (owners.size > 0) this.eppnOwners.set(eppn, owners);
        else this.eppnOwners.delete(eppn);
      }
    } else if (resource === 'Duty') {
      const personId = references(item.person);
      if (!personId) return;
      const next = (this.dutyCounts.get(personId) ?? 0) + delta;
      if (next > 0) this.dutyCounts.set(personId, next);
      else this.dutyCounts.delete(personId);
    }
  }
}
