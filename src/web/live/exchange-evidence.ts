// One exchange as the live view's popup shows it: request and answer, every token cut to its fingerprint.
import { type JournalEntry, tokenFingerprint } from '../../journal/index.js';

const JWT = /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

/** Replaces every compact JWT in `text` by `[token <fingerprint>]` (the journal's tokenId for it). */
export function redactTokens(text: string): string {
  return text.replace(JWT, (token) => `[token ${tokenFingerprint(token)}]`);
}

function pretty(body: string | undefined): string | undefined {
  if (body === undefined) return undefined;
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

export interface ExchangeEvidence {
  seq: number;
  time: string;
  direction: JournalEntry['direction'];
  component: JournalEntry['component'];
  durationMs: number;
  organisationId?: string;
  tokenId?: string;
  request: {
    method: string;
    url: string;
    headers: Record<string, string>;
    body?: string;
    truncated?: boolean;
  };
  response: { status: number; headers: Record<string, string>; body?: string; truncated?: boolean };
  notes?: Record<string, unknown>;
  error?: string;
}

const redactHeaders = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, redactTokens(value)]));

export function toExchangeEvidence(entry: JournalEntry): ExchangeEvidence {
  const requestBody = pretty(entry.requestBody);
  const responseBody = pretty(entry.responseBody);
  return {
    seq: entry.seq,
    time: entry.time,
    direction: entry.direction,
    component: entry.component,
    durationMs: entry.durationMs,
    ...(entry.organisationId ? { organisationId: entry.organisationId } : {}),
    ...(entry.tokenId ? { tokenId: entry.tokenId } : {}),
    request: {
      method: entry.method,
      url: redactTokens(entry.url),
      headers: redactHeaders(entry.requestHeaders),
      ...(requestBody !== undefined ? { body: redactTokens(requestBody) } : {}),
      ...(entry.requestBodyTruncated ? { truncated: true } : {}),
    },
    response: {
      status: entry.status,
      headers: redactHeaders(entry.responseHeaders),
      ...(responseBody !== undefined ? { body: redactTokens(responseBody) } : {}),
      ...(entry.responseBodyTruncated ? { truncated: true } : {}),
    },
    ...(entry.notes ? { notes: JSON.parse(redactTokens(JSON.stringify(entry.notes))) } : {}),
    ...(entry.error ? { error: entry.error } : {}),
  };
}
