// Reads list queries: meta.* filters, limit and pageToken (never together with a filter), as opaque tokens.

/** The four `meta.*` filters; each bound is inclusive ("on or before/after"). */
export interface MetaFilter {
  createdBefore?: number;
  createdAfter?: number;
  modifiedBefore?: number;
  modifiedAfter?: number;
}

/** Where a walk through a list stands: encoded as the opaque `pageToken`. */
export interface Cursor {
  /** Which list the token belongs to. */
  list: string;
  /** Last id served (resource lists) or last deletion sequence number (deletedEntities). */
  after: string | number;
  limit: number;
  filter: MetaFilter;
  /** deletedEntities only. */
  deletedAfter?: number;
  entities?: string[];
}

export type QueryResult<T> = { ok: true; value: T } | { ok: false; message: string };

const META_PARAMS: Readonly<Record<string, keyof MetaFilter>> = {
  'meta.created.before': 'createdBefore',
  'meta.created.after': 'createdAfter',
  'meta.modified.before': 'modifiedBefore',
  'meta.modified.after': 'modifiedAfter',
};

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(token: string, list: string): Cursor | undefined {
  if (token.length > 2048 || !/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
  try {
    const cursor = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Cursor;
    if (cursor.list !== list || !Number.isInteger(cursor.limit) || cursor.limit < 1) return undefined;
    if (typeof cursor.after !== 'string' && typeof cursor.after !== 'number') return undefined;
    return cursor;
  } catch {
    return undefined;
  }
}

export function parseTime(name: string, value: string): QueryResult<number> {
  const ms = Date.parse(value);
  if (!RFC3339.test(value) || Number.isNaN(ms)) {
    return { ok: false, message: `${name} must be an RFC 3339 date-time, e.g. 2015-12-12T10:30:00+01:00` };
  }
  return { ok: true, value: ms };
}

export function parseLimit(value: string | undefined, fallback: number, max: number): QueryResult<number> {
  if (value === undefined) return { ok: true, value: Math.min(fallback, max) };
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1) return { ok: false, message: 'limit must be an integer of at least 1' };
  return { ok: true, value: Math.min(n, max) };
}

/** The meta filters present in `query`, or the first bad one. */
export function parseMetaFilter(
  query: Record<string, string>,
): QueryResult<{ filter: MetaFilter; present: string[] }> {
  const filter: MetaFilter = {};
  const present: string[] = [];
  for (const [param, key] of Object.entries(META_PARAMS)) {
    const raw = query[param];
    if (raw === undefined) continue;
    const time = parseTime(param, raw);
    if (!time.ok) return time;
    filter[key] = time.value;
    present.push(param);
  }
  return { ok: true, value: { filter, present } };
}

export function matchesMeta(filter: MetaFilter, createdMs: number, modifiedMs: number): boolean {
  if (filter.createdBefore !== undefined && createdMs > filter.createdBefore) return false;
  if (filter.createdAfter !== undefined && createdMs < filter.createdAfter) return false;
  if (filter.modifiedBefore !== undefined && modifiedMs > filter.modifiedBefore) return false;
  if (filter.modifiedAfter !== undefined && modifiedMs < filter.modifiedAfter) return false;
  return true;
}

/** The 400 the subset spec describes: filters "kan inte kombineras med `pageToken`". */
export function pageTokenConflict(filters: readonly string[]): string {
  return `pageToken cannot be combined with filters (${filters.join(', ')}); send the token alone`;
}
