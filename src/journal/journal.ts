// The journal: an in-memory ring of exchanges bounded by entries and bytes, optionally appended to an NDJSON file.
import { closeSync, fchmodSync, openSync, writeSync } from 'node:fs';
import { DeferredEntry } from './deferred-entry.js';
import { entryFootprint } from './entry-footprint.js';
import { EntryWindow } from './entry-window.js';
import type { JournalDirection, JournalEntry } from './journal-entry.js';
import { redactTokens } from './redact-tokens.js';

export interface JournalOptions {
  /** How many entries the ring keeps before dropping the oldest. */
  capacity?: number;
  /** How many bytes (estimated, see `entry-footprint.ts`) the ring holds before dropping the oldest. */
  maxBytes?: number;
  /** Bodies longer than this many bytes are cut (the size fields keep the true size). */
  bodyCapBytes?: number;
  /** Append every entry as one JSON line to this file (created, or narrowed to, mode 0600). */
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
export const DEFAULT_JOURNAL_MAX_BYTES = 64 * 1024 * 1024;
export const DEFAULT_BODY_CAP_BYTES = 64 * 1024;

function redactHeaders(headers: Record<string, string>): void {
  for (const name in headers) {
    const value = headers[name] as string;
    if (value.includes('eyJ')) headers[name] = redactTokens(value);
  }
}

/** Removes tokens from every text of an entry that may carry one in clear (bodies, URL, headers, ids). */
function redactEntry(entry: JournalEntry): JournalEntry {
  if (entry.requestBody !== undefined) entry.requestBody = redactTokens(entry.requestBody);
  if (entry.responseBody !== undefined) entry.responseBody = redactTokens(entry.responseBody);
  if (entry.error !== undefined) entry.error = redactTokens(entry.error);
  entry.url = redactTokens(entry.url);
  entry.path = redactTokens(entry.path);
  entry.requestId = redactTokens(entry.requestId);
  redactHeaders(entry.requestHeaders);
  redactHeaders(entry.responseHeaders);
  return entry;
}

export class Journal {
  readonly capacity: number;
  readonly maxBytes: number;
  readonly bodyCapBytes: number;
  /** Entries oldest first; an exchange recorded with `recordDeferred` stays raw until first read. */
  private readonly ring = new EntryWindow<JournalEntry | DeferredEntry>();
  private readonly footprints = new EntryWindow<number>();
  private heldBytes = 0;
  private dropped = 0;
  private nextSeq = 1;
  private readonly listeners = new Set<JournalListener>();
  private fileDescriptor: number | undefined;

  constructor(options: JournalOptions = {}) {
    this.capacity = options.capacity ?? DEFAULT_JOURNAL_CAPACITY;
    this.maxBytes = options.maxBytes ?? DEFAULT_JOURNAL_MAX_BYTES;
    this.bodyCapBytes = options.bodyCapBytes ?? DEFAULT_BODY_CAP_BYTES;
    if (this.capacity < 1) throw new TypeError('journal capacity must be at least 1');
    if (this.maxBytes < 1) throw new TypeError('journal maxBytes must be at least 1');
    if (options.ndjsonFile) {
      // Entries hold what clients sent (civic numbers, whole datasets): readable by the owner only.
      this.fileDescriptor = openSync(options.ndjsonFile, 'a', 0o600);
      fchmodSync(this.fileDescriptor, 0o600);
    }
  }

  /**
   * Stores an entry (assigning its `seq`, replacing tokens in its bodies and URL by their fingerprint),
   * drops the oldest entries past either bound, tells listeners, and returns the stored entry.
   */
  record(entry: Omit<JournalEntry, 'seq'>): JournalEntry {
    const stored = redactEntry({ seq: this.nextSeq++, ...entry });
    this.hold(stored, entryFootprint(stored));
    if (this.fileDescriptor !== undefined) writeSync(this.fileDescriptor, `${JSON.stringify(stored)}\n`);
    for (const listener of this.listeners) listener(stored);
    return stored;
  }

  /**
   * Stores an exchange whose entry is made when first read (see `DeferredEntry`): the request path pays
   * only for keeping its raw facts. With a file or a listener, the entry is needed now and made now.
   */
  recordDeferred(exchange: DeferredEntry): void {
    if (this.fileDescriptor !== undefined || this.listeners.size > 0) {
      this.record(exchange.toEntry());
      return;
    }
    exchange.seq = this.nextSeq++;
    this.hold(exchange, exchange.footprint);
  }

  private hold(entry: JournalEntry | DeferredEntry, footprint: number): void {
    this.ring.push(entry);
    this.footprints.push(footprint);
    this.heldBytes += footprint;
    this.trim();
  }

  /** Drops the oldest entries past either bound; the newest always stays, even alone over the byte bound. */
  private trim(): void {
    while (this.ring.length > this.capacity || (this.heldBytes > this.maxBytes && this.ring.length > 1)) {
      this.ring.dropOldest();
      this.heldBytes -= this.footprints.dropOldest() ?? 0;
      this.dropped++;
    }
  }

  /** Makes the entries of deferred exchanges from ring index `start` on, in place, with their exact footprint. */
  private materialise(start: number): void {
    let changed = false;
    for (let i = start; i < this.ring.length; i += 1) {
      const held = this.ring.at(i);
      if (!(held instanceof DeferredEntry)) continue;
      const stored = redactEntry({ seq: held.seq, ...held.toEntry() });
      const footprint = entryFootprint(stored);
      this.heldBytes += footprint - this.footprints.at(i);
      this.footprints.set(i, footprint);
      this.ring.set(i, stored);
      changed = true;
    }
    if (changed) this.trim();
  }

  /** Ring index of the first entry with a seq above `afterSeq` (seqs in the ring are consecutive). */
  private indexAfter(afterSeq: number | undefined): number {
    if (afterSeq === undefined || this.ring.length === 0) return 0;
    const oldest = this.ring.at(0).seq;
    return Math.min(this.ring.length, Math.max(0, afterSeq - oldest + 1));
  }

  /** Entries matching the filter, oldest first. */
  query(filter: JournalFilter = {}): JournalEntry[] {
    const start = this.indexAfter(filter.afterSeq);
    this.materialise(start);
    const matches = (this.ring.slice(this.indexAfter(filter.afterSeq)) as JournalEntry[]).filter((entry) =>
      matchesFilter(entry, filter),
    );
    return filter.limit !== undefined ? matches.slice(-filter.limit) : matches;
  }

  /** Every entry still in the ring, oldest first. */
  entries(): readonly JournalEntry[] {
    this.materialise(0);
    return this.ring.slice() as JournalEntry[];
  }

  /** The seq the next entry will get; use it as a bookmark with `afterSeq`. */
  get bookmark(): number {
    return this.nextSeq - 1;
  }

  /** Estimated bytes the ring holds now (never above `maxBytes` unless one entry alone is). */
  get bytes(): number {
    return this.heldBytes;
  }

  /** How many entries were dropped to stay within the bounds since start (or the last `clear`). */
  get droppedCount(): number {
    return this.dropped;
  }

  clear(): void {
    this.ring.clear();
    this.footprints.clear();
    this.heldBytes = 0;
    this.dropped = 0;
  }

  subscribe(listener: JournalListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Cuts a body to the cap, reporting whether it was cut. */
  capBody(body: string): { text: string; truncated: boolean } {
    // Fewer characters than the cap means fewer bytes too only when each is one byte; the length check
    // spares the byte count for short bodies.
    if (body.length * 3 <= this.bodyCapBytes || Buffer.byteLength(body) <= this.bodyCapBytes)
      return { text: body, truncated: false };
    return { text: Buffer.from(body).subarray(0, this.bodyCapBytes).toString('utf8'), truncated: true };
  }

  /** Closes the NDJSON file, if any; later entries stay in memory only. */
  close(): void {
    if (this.fileDescriptor === undefined) return;
    closeSync(this.fileDescriptor);
    this.fileDescriptor = undefined;
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
