// One resource's objects, kept in id order for stable keyset pagination, with parsed meta times for filters.
import type { DatasetObject } from './dataset.js';

export interface StoredObject {
  item: DatasetObject & { meta: { created: string; modified: string } };
  createdMs: number;
  modifiedMs: number;
}

/** Batches larger than this re-sort once instead of inserting one by one. */
const BULK_THRESHOLD = 256;

function lowerBound(sorted: readonly string[], id: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class Collection {
  private readonly byId = new Map<string, StoredObject>();
  private sorted: string[] = [];

  get size(): number {
    return this.byId.size;
  }

  get(id: string): StoredObject | undefined {
    return this.byId.get(id);
  }

  /** Stores objects whose meta is already set; returns how many were new. */
  putMany(items: readonly StoredObject['item'][]): number {
    const fresh: string[] = [];
    for (const item of items) {
      if (!this.byId.has(item.id)) fresh.push(item.id);
      this.byId.set(item.id, {
        item,
        createdMs: Date.parse(item.meta.created),
        modifiedMs: Date.parse(item.meta.modified),
      });
    }
    if (fresh.length > BULK_THRESHOLD) {
      this.sorted = [...this.byId.keys()].sort();
    } else {
      for (const id of new Set(fresh)) this.sorted.splice(lowerBound(this.sorted, id), 0, id);
    }
    return new Set(fresh).size;
  }

  delete(id: string): boolean {
    if (!this.byId.delete(id)) return false;
    const at = lowerBound(this.sorted, id);
    if (this.sorted[at] === id) this.sorted.splice(at, 1);
    return true;
  }

  clear(): void {
    this.byId.clear();
    this.sorted = [];
  }

  /** Objects after `afterId` (exclusive) in id order that pass `keep`, at most `limit` of them, plus whether more follow. */
  page(
    afterId: string | undefined,
    limit: number,
    keep: (o: StoredObject) => boolean,
  ): { items: StoredObject[]; more: boolean } {
    const items: StoredObject[] = [];
    let index = afterId === undefined ? 0 : lowerBound(this.sorted, afterId);
    if (afterId !== undefined && this.sorted[index] === afterId) index += 1;
    for (; index < this.sorted.length; index += 1) {
      const stored = this.byId.get(this.sorted[index] as string) as StoredObject;
      if (!keep(stored)) continue;
      if (items.length === limit) return { items, more: true };
      items.push(stored);
    }
    return { items, more: false };
  }
}
