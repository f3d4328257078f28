// Opaque list cursors: base64url JSON naming the last item served, like Skolverket's `{"id","created"}` tokens.
import { RESOURCE_NAMES, type ResourceName } from '../model/resource.js';

/** Where the next page starts: after the item with this store sequence number. */
export interface PageCursor {
  /** The list the token belongs to: a persons token is no good for duties. */
  resource: ResourceName;
  /** Store sequence number of the last item served (the store orders each resource by it). */
  seq: number;
  id: string;
  created: string;
}

/** Encodes a cursor; the token is opaque to clients. */
export function encodePageToken(cursor: PageCursor): string {
  return Buffer.from(
    JSON.stringify({ id: cursor.id, created: cursor.created, r: cursor.resource, seq: cursor.seq }),
  ).toString('base64url');
}

/** Decodes a token from an earlier answer, or undefined when it is not one (answered with 400). */
export function decodePageToken(token: string): PageCursor | undefined {
  if (token.length === 0 || token.length > 512 || !/^[A-Za-z0-9_-]+={0,2}$/.test(token)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { id, created, r, seq } = parsed as Record<string, unknown>;
  if (typeof id !== 'string' || typeof created !== 'string') return undefined;
  if (typeof r !== 'string' || !(RESOURCE_NAMES as readonly string[]).includes(r)) return undefined;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) return undefined;
  return { resource: r as ResourceName, seq, id, created };
}
