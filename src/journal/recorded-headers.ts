// Picks the headers worth keeping in the journal, redacting bearer tokens to their fingerprint.
import { redactTokens } from './redact-tokens.js';
import { bearerToken, tokenFingerprint } from './token-fingerprint.js';

/** Headers the journal keeps; everything else is noise for the rules and the HAR view. */
export const RECORDED_HEADERS = new Set([
  'accept',
  'authorization',
  'content-length',
  'content-type',
  'location',
  'retry-after',
  'transfer-encoding',
  'user-agent',
  'x-forwarded-for',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'x-request-id',
]);

/** A header object as handlers pass it to a Response (`{ 'content-type': 'application/json' }`). */
export type PlainHeaders = Readonly<Record<string, string | readonly string[]>>;

const HTTP_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;

function redact(key: string, value: string): string {
  if (key !== 'authorization') return value;
  const token = bearerToken(value);
  return token ? `Bearer [${tokenFingerprint(token)}]` : value.split(/\s+/)[0] || '[empty]';
}

/** Keeps the recorded headers; an Authorization value becomes `Bearer [fingerprint]`. */
export function pickRecordedHeaders(headers: Headers): Record<string, string> {
  const kept: Record<string, string> = {};
  headers.forEach((value, name) => {
    const key = name.toLowerCase();
    if (RECORDED_HEADERS.has(key)) kept[key] = redact(key, value);
  });
  return kept;
}

/**
 * The same record from name/value pairs, without building a `Headers`: as `Headers` would give them,
 * names lower-cased and sorted, repeated names joined with `, `, values trimmed of HTTP whitespace.
 */
function pickFromPairs(
  each: (keep: (name: string, value: string) => void) => void,
  alreadyRedacted = false,
): Record<string, string> {
  const found = new Map<string, string>();
  each((name, value) => {
    const key = name.toLowerCase();
    if (!RECORDED_HEADERS.has(key)) return;
    const clean = value.replace(HTTP_WHITESPACE, '');
    const prior = found.get(key);
    found.set(key, prior === undefined ? clean : `${prior}, ${clean}`);
  });
  const kept: Record<string, string> = {};
  for (const key of [...found.keys()].sort()) {
    const value = found.get(key) as string;
    kept[key] = alreadyRedacted ? value : redact(key, value);
  }
  return kept;
}

/**
 * Node's raw header list with every token already replaced (an Authorization value by `Bearer [fingerprint]`,
 * any JWT elsewhere by `[fingerprint]`): the list itself when there is none, else a copy. The journal keeps
 * this, so not even its memory holds a token in clear until the entry is made.
 */
export function redactRawHeaderList(rawHeaders: readonly string[]): readonly string[] {
  let copy: string[] | undefined;
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] as string;
    const value = rawHeaders[i + 1] as string;
    const isAuthorization = name.length === 13 && name.toLowerCase() === 'authorization';
    if (!isAuthorization && !value.includes('eyJ')) continue;
    copy ??= rawHeaders.slice();
    copy[i + 1] = isAuthorization ? redact('authorization', value.trim()) : redactTokens(value);
  }
  return copy ?? rawHeaders;
}

/** From Node's `rawHeaders` (name, value, name, value…; HTTP/2 pseudo-headers skipped); `alreadyRedacted`: a list from {@link redactRawHeaderList}. */
export function pickRecordedRawHeaders(
  rawHeaders: readonly string[],
  options: { alreadyRedacted?: boolean } = {},
): Record<string, string> {
  return pickFromPairs((keep) => {
    for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
      const name = rawHeaders[i] as string;
      if (!name.startsWith(':')) keep(name, rawHeaders[i + 1] as string);
    }
  }, options.alreadyRedacted);
}

/** From a plain header object. */
export function pickRecordedPlainHeaders(headers: PlainHeaders): Record<string, string> {
  return pickFromPairs((keep) => {
    for (const [name, value] of Object.entries(headers)) {
      if (typeof value === 'string') keep(name, value);
      else for (const one of value) keep(name, one);
    }
  });
}

/** One header of a plain header object (or a `Headers`), by lower-case name in any case (repeats joined), or null. */
export function plainHeader(headers: PlainHeaders | Headers, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  let found: string | null = null;
  for (const key in headers) {
    if (key.length !== name.length || key.toLowerCase() !== name) continue;
    const value = headers[key] as string | readonly string[];
    const text =
      typeof value === 'string'
        ? value.replace(HTTP_WHITESPACE, '')
        : value.map((one) => one.replace(HTTP_WHITESPACE, '')).join(', ');
    found = found === null ? text : `${found}, ${text}`;
  }
  return found;
}

/** The first value of `name` (lower case) in Node's raw header list, or undefined; no Headers is made. */
export function rawHeader(rawHeaders: readonly string[], name: string): string | undefined {
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const key = rawHeaders[i] as string;
    if (key.length === name.length && key.toLowerCase() === name) return rawHeaders[i + 1];
  }
  return undefined;
}
