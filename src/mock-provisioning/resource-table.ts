// The objects of one resource of one organisation: by id, and in insertion order for keyset paging.
import type { StoredObject } from './stored-object.js';

export interface TablePage {
  items: StoredObject[];
  /** True when live objects follow the last item. */
  more: boolean;
}

/** Map for lookups plus an append-only order array; removed objects leave holes that are compacted later. */
export class ResourceTable {
  private readonly byId = new Map<string, StoredObject>();
  private order: StoredObject[] = [];
  private holes = 0;

  get size(): number {
    return this.byId.size;
  }

  get(id: string): StoredObject | undefined {
    return this.byId.get(id);
  }

  /** Adds a new object; its `seq` must be higher than every seq added before. */
  add(object: StoredObject): void {
    if (this.byId.has(object.id)) throw new TypeError(`object ${object.id} is already stored`);
    this.byId.set(object.id, object);
    this.order.push(object);
  }

  remove(id: string): StoredObject | undefined {
    const object = this.byId.get(id);
    if (!object) return undefined;
    this.byId.delete(id);
    this.holes += 1;
    if (this.holes > 1024 && this.holes * 2 > this.order.length) this.compact();
    return object;
  }

  values(): IterableIterator<StoredObject> {
    return this.byId.values();
  }

  /** Up to `limit` live objects with a seq above `afterSeq`, oldest first. */
  page(afterSeq: number, limit: number): TablePage {
    let low = 0;
    let high = this.order.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.order[mid] as StoredObject).seq <= afterSeq) low = mid + 1;
      else high = mid;
    }
    const items: StoredObject[] = [];
    for (let i = low; i < this.order.length; i += 1) {
      const object = this.order[i] as StoredObject;
      if (this.byId.get(object.id) !== object) continue;
      if (items.length === limit) return { items, more: true };
      items.push(object);
    }
    return { items, more: false };
  }

  private compact(): void {
    this.order = this.order.filter((object) => this.byId.get(object.id) === object);
    this.holes = 0;
  }
}
