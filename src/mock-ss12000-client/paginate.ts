// Follows `pageToken` through a vendor's list, guarding against repeated tokens, endless pages and bad shapes.
import { createHash } from 'node:crypto';
import { LIST_ITEMS_KEY, type Ss12000ResourceType } from './resources.js';
import { SyncError } from './sync-error.js';
import type { VendorHttp } from './vendor-http.js';

/** One page's content and where the next one is. */
export interface PageContent<T> {
  content: T;
  /** Null or absent when the list is complete (an empty string counts as absent). */
  pageToken: string | null;
}

export type PageExtractor<T> = (body: unknown, url: string) => PageContent<T>;

export interface PaginateOptions<T> {
  http: VendorHttp;
  firstUrl: string;
  /** URL of the page after `token`: the token alone, since filters must not be combined with it (§4.6). */
  nextUrl: (token: string) => string;
  extract: PageExtractor<T>;
  pageLimit: number;
  notes?: Record<string, unknown>;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readPageToken(body: Record<string, unknown>, url: string): string | null {
  const token = body.pageToken;
  if (token === undefined || token === null || token === '') return null;
  if (typeof token !== 'string') {
    throw new SyncError('invalid_answer', `pageToken is ${typeof token}, not a string or null`, {
      url,
      status: 200,
    });
  }
  return token;
}

/**
 * Reads `{ data: [...] }` (or `{ organisations: [...] }`) and its `pageToken`. Organisations are read from
 * `data` too when `organisations` is absent: Skolverket's own reference API answers them so (dnp-facts §6),
 * and Skolverket's client copes with its own reference.
 */
export function listExtractor(resource: Ss12000ResourceType): PageExtractor<unknown[]> {
  const key = LIST_ITEMS_KEY[resource];
  return (body, url) => {
    if (!isRecord(body))
      throw new SyncError('invalid_answer', 'answer is not a JSON object', { url, status: 200 });
    const items = key === 'organisations' && !Array.isArray(body[key]) ? body.data : body[key];
    if (!Array.isArray(items)) {
      throw new SyncError('invalid_answer', `answer has no "${key}" array`, { url, status: 200 });
    }
    return { content: items, pageToken: readPageToken(body, url) };
  };
}

/** Reads `DeletedEntities`: `{ data: { persons: [...], ... }, pageToken }`. */
export const deletedExtractor: PageExtractor<Record<string, unknown>> = (body, url) => {
  if (!isRecord(body) || !isRecord(body.data)) {
    throw new SyncError('invalid_answer', 'answer has no "data" object', { url, status: 200 });
  }
  return { content: body.data, pageToken: readPageToken(body, url) };
};

/**
 * Yields every page of a list. Each GET is retried by `http`; a token seen before in this walk or more than
 * `pageLimit` pages stop it with a SyncError, so a hostile API cannot keep the client busy for ever.
 */
export async function* paginate<T>(
  options: PaginateOptions<T>,
): AsyncGenerator<PageContent<T> & { url: string }> {
  const seen = new Set<string>();
  let url = options.firstUrl;
  for (let page = 1; ; page += 1) {
    if (page > options.pageLimit) {
      throw new SyncError('page_limit', `still more pages after ${options.pageLimit} (page limit)`, { url });
    }
    const extracted = await options.http.getJson(url, options.extract, { ...options.notes, page });
    yield { ...extracted, url };
    if (extracted.pageToken === null) return;
    // Long tokens are remembered by their hash, so a hostile API cannot grow this set without bound.
    const key =
      extracted.pageToken.length > 64
        ? createHash('sha256').update(extracted.pageToken).digest('base64')
        : extracted.pageToken;
    if (seen.has(key)) {
      throw new SyncError('repeated_page_token', `page ${page} handed out a pageToken already followed`, {
        url,
        status: 200,
      });
    }
    seen.add(key);
    url = options.nextUrl(extracted.pageToken);
  }
}
