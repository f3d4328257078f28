// The short form of a recorded request that findings show: time, method, path and query, status, body sizes.
import type { JournalEntry } from '../../journal/index.js';

/** What a rate rule adds to a request's evidence line (filled by the push rate rules). */
export interface RateFacts {
  /** The answer's `X-RateLimit-Reset` header, as sent (seconds, possibly fractional: `0.5`). */
  reset?: string;
  /** Milliseconds the client actually waited before this call, since the refused call before it. */
  waitedMs?: number;
}

export interface RequestRef {
  /** Journal sequence number (HAR `_seq`). */
  seq: number;
  /** ISO 8601 time the request arrived. */
  time: string;
  timeMs: number;
  method: string;
  path: string;
  /** The query string without `?`, when there was one. */
  query?: string;
  /** HTTP status; 0 when no answer was sent. */
  status: number;
  /** Request body in bytes. */
  requestBytes: number;
  /** Response body in bytes (what an evidence line shows). */
  responseBytes: number;
  /** Fingerprint of the bearer token used, when there was one. */
  tokenId?: string;
  rate?: RateFacts;
}

function queryOf(url: string): string | undefined {
  const at = url.indexOf('?');
  if (at < 0) return undefined;
  const query = url.slice(at + 1).split('#')[0] ?? '';
  return query === '' ? undefined : query;
}

/** Reduces a journal entry to what a finding shows. */
export function toRequestRef(entry: Readonly<JournalEntry>): RequestRef {
  const query = queryOf(entry.url);
  return {
    seq: entry.seq,
    time: entry.time,
    timeMs: entry.timeMs,
    method: entry.method,
    path: entry.path,
    ...(query ? { query } : {}),
    status: entry.status,
    requestBytes: entry.requestBodySize,
    responseBytes: entry.responseBodySize,
    ...(entry.tokenId ? { tokenId: entry.tokenId } : {}),
  };
}

/** `1234 B`, `12.3 kB`, `1.2 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** `reset 0.5 s, waited 120 ms`: the rate facts of an evidence line, or '' without any. */
export function formatRateFacts(rate: RateFacts | undefined): string {
  if (!rate) return '';
  const parts = [
    rate.reset !== undefined ? `X-RateLimit-Reset ${rate.reset}` : '',
    rate.waitedMs !== undefined ? `waited ${Math.round(rate.waitedMs)} ms` : '',
  ].filter(Boolean);
  return parts.join(', ');
}

/** The path with its query, cut to a readable length. */
export function pathWithQuery(ref: Pick<RequestRef, 'path' | 'query'>, max = 160): string {
  const full = ref.query ? `${ref.path}?${ref.query}` : ref.path;
  return full.length > max ? `${full.slice(0, max - 1)}…` : full;
}

/**
 * `12:00:01.250 GET /persons?limit=3 → 200 (12.3 kB)`: time (UTC), call, status and the answer's size; a
 * rate rule's facts follow (`→ 429 (54 B; X-RateLimit-Reset 0.5, waited 12 ms)`).
 */
export function formatRequestRef(ref: RequestRef): string {
  const time = ref.time.slice(11, 23);
  const answer = ref.status === 0 ? 'no answer' : String(ref.status);
  const rate = formatRateFacts(ref.rate);
  const size = ref.status === 0 ? '' : formatBytes(ref.responseBytes);
  const detail = [size, rate].filter(Boolean).join('; ');
  return `${time} ${ref.method} ${pathWithQuery(ref)} → ${answer}${detail ? ` (${detail})` : ''}`;
}

/** The entries as refs, each once, in journal order. */
export function uniqueRequestRefs(entries: readonly Readonly<JournalEntry>[]): RequestRef[] {
  const bySeq = new Map(entries.map((e) => [e.seq, e]));
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq).map(toRequestRef);
}
