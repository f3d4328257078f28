// The journal: an in-memory ring of exchanges, optionally appended to an NDJSON file, with filters and listeners.
import { appendFileSync } from 'node:fs';
import type { JournalDirection, JournalEntry } from './journal-entry.js';

export interface JournalOptions {
  /** How many entries the ring keeps before dropping the oldest. */
  capacity?: number;
  /** Bodies longer than this many bytes are cut (the size fields keep the true size). */
  bodyCapBytes?: number;
  /** Append every entry as one JSON line to this file. */
  ndjsonFile?: string;
}

export interface JournalFilter {
  direction?: JournalDirection;
  component?: string;
  method?: string;
  /** Substring of the path. */
  path?: string;
  status?: number;
  organisationId?: string;
  /** Only entries with `seq` greater than this. */
  afterSeq?: number;
  /** Only entries at or after this epoch millisecond. */
  sinceMs?: number;
  /** At most this many, newest last. */
  limit?: number;
}

export type JournalListener = (entry: JournalEntry) => void;

export const DEFAULT_JOURNAL_CAPACITY = 10_000;
export const DEFAULT_BODY_CAP_BYTES = 64 * 1024;

export class Journal {
  readonly capacity: number;
  readonly bodyCapBytes: number;
  private readonly ndjsonFile: string | undefined;
  private readonly ring: JournalEntry[] = [];
  private nextSeq = 1;
  private readonly listeners = new Set<JournalListener>();

  constructor(options: JournalOptions = {}) {
    this.capacity = options.capacity ?? DEFAULT_JOURNAL_CAPACITY;
    this.bodyCapBytes = options.bodyCapBytes ?? DEFAULT_BODY_CAP_BYTES;
    this.ndjsonFile = options.ndjsonFile;
    if (this.capacity < 1) throw new TypeError('journal capacity must be at least 1');
  }

  /** Stores an entry (assigning its `seq`), tells listeners, and returns the stored entry. */
  record(entry: Omit<JournalEntry, 'seq'>): JournalEntry {
    const stored: JournalEntry = { seq: this.nextSeq++, ...entry };
    this.ring.push(stored);
    if (this.ring.length > this.capacity) this.ring.shift();
    if (this.ndjsonFile) appendFileSync(this.ndjsonFile, `${JSON.stringify(stored)}\n`);
    for (const listener of this.listeners) listener(stored);
    return stored;
  }

  /** Entries matching the filter, oldest first. */
  query(filter: JournalFilter = {}): JournalEntry[] {
    const matches = this.ring.filter((entry) => matchesFilter(entry, filter));
    return filter.limit !== undefined ? matches.slice(-filter.limit) : matches;
  }

  /** Every entry still in the ring, oldest first. */
  entries(): readonly JournalEntry[] {
    return this.ring;
  }

  /** The seq the next entry will get; use it as a bookmark with `afterSeq`. */
  get bookmark(): number {
    return this.nextSeq - 1;
  }

  clear(): void {
    this.ring.length = 0;
  }

  subscribe(listener: JournalListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Cuts a body to the cap, reporting whether it was cut. */
  capBody(body: string): { text: string; truncated: boolean } {
    if (Buffer.byteLength(body) <= this.bodyCapBytes) return { text: body, truncated: false };
    return { text: Buffer.from(body).subarray(0, this.bodyCapBytes).toString('utf8'), truncated: true };
  }
}

function matchesFilter(entry: JournalEntry, filter: JournalFilter): boolean {
  if (filter.direction && entry.direction !== filter.direction) return false;
  if (filter.component && entry.component !== filter.component) return false;
  if (filter.method && entry.method !== filter.method.toUpperCase()) return false;
  if (filter.path && !entry.path.includes(filter.path)) return false;
  if (filter.status !== undefined && entry.status !== filter.status) return false;
  if (filter.organisationId && entry.organisationId !== filter.organisationId) return false;
  if (filter.afterSeq !== undefined && entry.seq <= filter.afterSeq) return false;
  if (filter.sinceMs !== undefined && entry.timeMs < filter.sinceMs) return false;
  return true;
}
