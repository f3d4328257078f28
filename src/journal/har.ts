// Exports journal entries as a HAR 1.2 log, which browser devtools and HAR viewers open directly.
import type { JournalEntry } from './journal-entry.js';

interface HarHeader {
  name: string;
  value: string;
}

const STATUS_TEXT: Record<number, string> = {
  0: '',
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

function toHarHeaders(headers: Record<string, string>): HarHeader[] {
  return Object.entries(headers).map(([name, value]) => ({ name, value }));
}

function queryString(url: string): HarHeader[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

/** One HAR entry; the underscore fields are HAR's sanctioned custom fields. */
export function toHarEntry(entry: JournalEntry) {
  const requestType = entry.requestHeaders['content-type'] ?? 'application/json';
  const responseType = entry.responseHeaders['content-type'] ?? 'application/octet-stream';
  return {
    startedDateTime: entry.time,
    time: entry.durationMs,
    request: {
      method: entry.method,
      url: entry.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: toHarHeaders(entry.requestHeaders),
      queryString: queryString(entry.url),
      headersSize: -1,
      bodySize: entry.requestBodySize,
      ...(entry.requestBody !== undefined
        ? { postData: { mimeType: requestType, text: entry.requestBody } }
        : {}),
    },
    response: {
      status: entry.status,
      statusText: STATUS_TEXT[entry.status] ?? '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: toHarHeaders(entry.responseHeaders),
      content: { size: entry.responseBodySize, mimeType: responseType, text: entry.responseBody ?? '' },
      redirectURL: entry.responseHeaders.location ?? '',
      headersSize: -1,
      bodySize: entry.responseBodySize,
      ...(entry.error ? { _error: entry.error } : {}),
    },
    cache: {},
    timings: { send: 0, wait: entry.durationMs, receive: 0 },
    ...(entry.clientIp ? { serverIPAddress: entry.clientIp } : {}),
    _seq: entry.seq,
    _requestId: entry.requestId,
    _direction: entry.direction,
    _component: entry.component,
    ...(entry.organisationId ? { _organisationId: entry.organisationId } : {}),
    ...(entry.tokenId ? { _tokenId: entry.tokenId } : {}),
  };
}

export type HarEntry = ReturnType<typeof toHarEntry>;

export interface HarLog {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    comment: string;
    pages: [];
    entries: HarEntry[];
  };
}

/** Said in every export, so whoever opens the file knows why no token in it works. */
export const HAR_TOKEN_COMMENT =
  'Tokens are not stored in clear: every bearer token (Authorization headers) and every JWT in a URL or body ' +
  '(e.g. the /transaction answer) is replaced by its fingerprint in brackets, "[fingerprint]", the same value as _tokenId.';

/** A HAR 1.2 document with the given entries, oldest first. */
export function toHar(entries: readonly JournalEntry[], creatorVersion = '0.1.0'): HarLog {
  return {
    log: {
      version: '1.2',
      creator: { name: 'provtjanst-mock', version: creatorVersion },
      comment: HAR_TOKEN_COMMENT,
      pages: [],
      entries: entries.map(toHarEntry),
    },
  };
}
