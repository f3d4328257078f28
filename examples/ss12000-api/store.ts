// The reference API's data: five collections, the deletion log, subscriptions, and what the client reported.
import { Collection, type StoredObject } from './collection.js';
import { DATASET_KEYS, type Dataset, type DatasetKey, type DatasetObject } from './dataset.js';

/** `EndPointsEnum` name of each collection. */
export const RESOURCE_TYPE: Readonly<Record<DatasetKey, string>> = {
  organisations: 'Organisation',
  persons: 'Person',
  groups: 'Group',
  duties: 'Duty',
  activities: 'Activity',
};

export interface Deletion {
  seq: number;
  resource: DatasetKey;
  id: string;
  deletedMs: number;
}

export interface Subscription {
  id: string;
  name: string;
  target: string;
  resourceTypes: { resource: string }[];
  expires: string;
}

/** What one ingest call changed: drives one webhook per subscription. */
export interface ChangeSet {
  modified: Set<string>;
  deleted: Set<string>;
}

export class ReferenceStore {
  readonly collections: Readonly<Record<DatasetKey, Collection>> = {
    organisations: new Collection(),
    persons: new Collection(),
    groups: new Collection(),
    duties: new Collection(),
    activities: new Collection(),
  };
  readonly deletions: Deletion[] = [];
  readonly subscriptions = new Map<string, Subscription>();
  /** Bodies posted to `/log` and `/statistics`, newest last. */
  readonly logEntries: unknown[] = [];
  readonly statistics: unknown[] = [];
  private nextDeletionSeq = 1;

  constructor(private readonly now: () => number) {}

  /** Replaces everything with a dataset; objects without meta get `now`. No deletions, no webhooks. */
  seed(dataset: Dataset): void {
    for (const key of DATASET_KEYS) {
      this.collections[key].clear();
      this.collections[key].putMany(dataset[key].map((item) => this.withMeta(item, undefined, false)));
    }
    this.deletions.length = 0;
  }

  /** Creates or replaces objects, stamping `meta.modified` (and `created` for new ones) from the clock. */
  upsert(
    resource: DatasetKey,
    items: readonly DatasetObject[],
    changes: ChangeSet,
  ): { created: number; updated: number } {
    const collection = this.collections[resource];
    const stamped = items.map((item) => this.withMeta(item, collection.get(item.id), true));
    const created = collection.putMany(stamped);
    if (items.length > 0) changes.modified.add(RESOURCE_TYPE[resource]);
    return { created, updated: items.length - created };
  }

  /** Deletes objects, logging each for `deletedEntities`; returns how many existed. */
  remove(resource: DatasetKey, ids: readonly string[], changes: ChangeSet): number {
    let removed = 0;
    for (const id of ids) {
      if (!this.collections[resource].delete(id)) continue;
      removed += 1;
      this.deletions.push({ seq: this.nextDeletionSeq++, resource, id, deletedMs: this.now() });
    }
    if (removed > 0) changes.deleted.add(RESOURCE_TYPE[resource]);
    return removed;
  }

  /** The whole store as a dataset (what the client's mirror should equal). */
  snapshot(): Dataset {
    const out = { organisations: [], persons: [], groups: [], duties: [], activities: [] } as Dataset;
    for (const key of DATASET_KEYS) {
      out[key] = this.collections[key]
        .page(undefined, Number.MAX_SAFE_INTEGER, () => true)
        .items.map((s) => s.item);
    }
    return out;
  }

  private withMeta(
    item: DatasetObject,
    previous: StoredObject | undefined,
    stamp: boolean,
  ): StoredObject['item'] {
    const now = new Date(this.now()).toISOString();
    const created = previous?.item.meta.created ?? (stamp ? undefined : item.meta?.created) ?? now;
    const modified = stamp ? now : (item.meta?.modified ?? now);
    return { ...item, meta: { created, modified } };
  }
}
