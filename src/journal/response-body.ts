// Reads the body and headers of an answer for the journal without undoing @hono/node-server's fast path for plain answers.
import type { PlainHeaders } from './recorded-headers.js';

/**
 * @hono/node-server's lightweight Response keeps `[status, body, headers]` under a private symbol and writes a
 * string or byte body straight to the socket. Touching `res.body` or `res.clone()` would turn it into a
 * real Response and a stream. The symbol is found by its description once; when it is missing (another
 * adapter, `app.request()`), callers fall back to streaming.
 */
let cacheSymbol: symbol | null | undefined;

function findCacheSymbol(res: Response): symbol | undefined {
  if (cacheSymbol === undefined) {
    const found = Object.getOwnPropertySymbols(res).find((s) => s.description === 'cache');
    if (found) cacheSymbol = found;
    else return undefined;
  }
  return cacheSymbol ?? undefined;
}

/** The answer's body when it is held as a string or bytes (no stream), else undefined. */
export function plainResponseBody(res: Response): string | Uint8Array | null | undefined {
  const symbol = findCacheSymbol(res);
  if (!symbol) return undefined;
  const cache = (res as unknown as Record<symbol, unknown>)[symbol];
  if (!Array.isArray(cache)) return undefined;
  const body = cache[1] as unknown;
  if (body === null || typeof body === 'string' || body instanceof Uint8Array) return body;
  return undefined;
}

/** What @hono/node-server sends when an answer names no headers (its default for a body). */
const DEFAULT_CONTENT_TYPE = 'text/plain; charset=UTF-8';

/**
 * The answer's headers as the adapter holds them: the plain object the handler gave (`c.json` gives one) or
 * the `Headers` a context prepared (`c.header` before the answer), else undefined (a list of pairs: left to
 * the caller's `res.headers`). Reading `res.headers` instead would turn the light answer into a full one.
 */
export function heldResponseHeaders(res: Response): PlainHeaders | Headers | undefined {
  const symbol = findCacheSymbol(res);
  if (!symbol) return undefined;
  const cache = (res as unknown as Record<symbol, unknown>)[symbol];
  if (!Array.isArray(cache)) return undefined;
  const headers = cache[2] as unknown;
  if (headers === undefined || headers === null)
    return cache[1] === null ? {} : { 'content-type': DEFAULT_CONTENT_TYPE };
  if (typeof headers !== 'object' || Array.isArray(headers)) return undefined;
  return headers as PlainHeaders | Headers;
}
