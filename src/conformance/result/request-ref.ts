// The short form of a recorded request that findings show: time, method, path, status, size.
import type { JournalEntry } from '../../journal/index.js';

export interface RequestRef {
  /** Journal sequence number (HAR `_seq`). */
  seq: number;
  /** ISO 8601 time the request arrived. */
  time: string;
  timeMs: number;
  method: string;
  path: string;
  /** HTTP status; 0 when no answer was sent. */
  status: number;
  /** Request body in bytes. */
  size: number;
  /** Fingerprint of the bearer token used, when there was one. */
  tokenId?: string;
}

/** Reduces a journal entry to what a finding shows. */
export function toRequestRef(entry: Readonly<JournalEntry>): RequestRef {
  return {
    seq: entry.seq,
    time: entry.time,
    timeMs: entry.timeMs,
    method: entry.method,
    path: entry.path,
    status: entry.status,
    size: entry.requestBodySize,
    ...(entry.tokenId ? { tokenId: entry.tokenId } : {}),
  };
}

/** `12:00:01.250 POST /provtjanst/provisioning/v1/persons/bulk → 429 (1234 B)` */
export function formatRequestRef(ref: RequestRef): string {
  const time = ref.time.slice(11, 23);
  return `${time} ${ref.method} ${ref.path} → ${ref.status === 0 ? 'no answer' : ref.status} (${ref.size} B)`;
}

/** The entries as refs, each once, in journal order. */
export function uniqueRequestRefs(entries: readonly Readonly<JournalEntry>[]): RequestRef[] {
  const bySeq = new Map(entries.map((e) => [e.seq, e]));
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq).map(toRequestRef);
}
