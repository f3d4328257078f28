// One inbound request and its answer as the journal middleware saw them, made into a JournalEntry when read.
import type { CapturedBody } from './body-capture.js';
import { DeferredEntry } from './deferred-entry.js';
import { chars, ENTRY_OVERHEAD, HEADER_OVERHEAD } from './entry-footprint.js';
import type { JournalAnnotations, JournalComponent, JournalEntry } from './journal-entry.js';
import {
  type PlainHeaders,
  pickRecordedHeaders,
  pickRecordedPlainHeaders,
  pickRecordedRawHeaders,
  redactRawHeaderList,
} from './recorded-headers.js';
import { redactTokens } from './redact-tokens.js';

const TEXTUAL = /json|text|xml|x-www-form-urlencoded/i;

/** The request's headers: Node's raw list (kept as it is), or a record picked at once from a `Headers`. */
export type InboundRequestHeaders = readonly string[] | Record<string, string>;

/** The answer's headers: the handler's plain object, or a `Headers`. */
export type InboundResponseHeaders = PlainHeaders | Headers;

/** The answer's body: a short text not yet measured, or a capture already capped and counted. */
export type InboundResponseBody = string | CapturedBody;

export interface InboundExchangeFacts {
  requestId: string;
  /** The path's component; the handler's annotation, when it names one, wins. */
  component: JournalComponent;
  startedMs: number;
  durationMs: number;
  method: string;
  url: string;
  path: string;
  status: number;
  clientIp: string;
  /** What the handlers added; read when the entry is made (they are done with it by then). */
  annotations: JournalAnnotations;
  requestHeaders: InboundRequestHeaders;
  requestBody: CapturedBody | undefined;
  responseHeaders: InboundResponseHeaders;
  responseBody: InboundResponseBody;
  error: string | undefined;
  aborted: boolean;
}

const isRawList = (headers: InboundRequestHeaders): headers is readonly string[] => Array.isArray(headers);

function rawHeadersFootprint(raw: readonly string[]): number {
  let total = 0;
  for (let i = 0; i + 1 < raw.length; i += 2)
    total += HEADER_OVERHEAD + chars(raw[i] as string) + chars(raw[i + 1] as string);
  return total;
}

function plainHeadersFootprint(headers: InboundResponseHeaders): number {
  let total = 0;
  if (headers instanceof Headers) {
    headers.forEach((value, name) => {
      total += HEADER_OVERHEAD + chars(name) + chars(value);
    });
    return total;
  }
  for (const name in headers) {
    const value = headers[name] as string | readonly string[];
    total +=
      HEADER_OVERHEAD + chars(name) + (typeof value === 'string' ? chars(value) : chars(value.join(', ')));
  }
  return total;
}

/** An upper estimate of the notes' JSON, without serialising strings and numbers. */
function notesFootprint(notes: Record<string, unknown> | undefined): number {
  if (!notes) return 0;
  let total = 2;
  for (const name in notes) {
    const value = notes[name];
    total += chars(name) + 8;
    if (typeof value === 'string') total += chars(value) * 2;
    else if (typeof value === 'number' || typeof value === 'boolean') total += 48;
    else total += chars(JSON.stringify(value) ?? '');
  }
  return total;
}

function redactCaptured(body: CapturedBody): CapturedBody {
  const text = redactTokens(body.text);
  return text === body.text ? body : { ...body, text };
}

/** The facts (the journal's own object) with every token in the request's id, headers, URL and both bodies replaced by its fingerprint. */
function redactFacts(facts: InboundExchangeFacts): InboundExchangeFacts {
  const { requestHeaders, requestBody, responseBody } = facts;
  facts.requestId = redactTokens(facts.requestId);
  facts.url = redactTokens(facts.url);
  facts.path = redactTokens(facts.path);
  if (isRawList(requestHeaders)) facts.requestHeaders = redactRawHeaderList(requestHeaders);
  if (requestBody) facts.requestBody = redactCaptured(requestBody);
  if (typeof responseBody !== 'string') facts.responseBody = redactCaptured(responseBody);
  else {
    // A text that held a token is measured now: its size is what was sent, not the redacted text's.
    const text = redactTokens(responseBody);
    if (text !== responseBody)
      facts.responseBody = { size: Buffer.byteLength(responseBody), text, truncated: false };
  }
  return facts;
}

/**
 * The facts of one exchange, kept as they came (Node's raw header list, the handler's header object, the
 * answer's text) until `toEntry` picks, measures and formats them. Nothing here holds the request's
 * objects (context, socket), only strings and the handler's own small objects.
 */
export class InboundExchange extends DeferredEntry {
  readonly footprint: number;

  private readonly facts: InboundExchangeFacts;

  constructor(seen: InboundExchangeFacts) {
    super();
    // Tokens are replaced as the exchange is kept (a cheap scan when there is none); the rest waits.
    const facts = redactFacts(seen);
    this.facts = facts;
    const { requestHeaders, requestBody, responseBody, annotations } = facts;
    this.footprint =
      ENTRY_OVERHEAD +
      chars(facts.url) +
      chars(facts.path) +
      chars(requestBody?.text) +
      chars(typeof responseBody === 'string' ? responseBody : responseBody.text) +
      chars(facts.error) +
      (isRawList(requestHeaders)
        ? rawHeadersFootprint(requestHeaders)
        : plainHeadersFootprint(requestHeaders)) +
      plainHeadersFootprint(facts.responseHeaders) +
      notesFootprint(annotations.notes) +
      (facts.aborted ? 64 : 0);
  }

  toEntry(): Omit<JournalEntry, 'seq'> {
    const { facts } = this;
    const { annotations, requestBody, responseBody } = facts;
    const requestHeaders = isRawList(facts.requestHeaders)
      ? pickRecordedRawHeaders(facts.requestHeaders, { alreadyRedacted: true })
      : facts.requestHeaders;
    const responseHeaders =
      facts.responseHeaders instanceof Headers
        ? pickRecordedHeaders(facts.responseHeaders)
        : pickRecordedPlainHeaders(facts.responseHeaders);
    const requestContentType = requestHeaders['content-type'] ?? '';
    const keepRequestBody =
      requestBody !== undefined &&
      requestBody.size > 0 &&
      (!requestContentType || TEXTUAL.test(requestContentType));
    const responseText = typeof responseBody === 'string' ? responseBody : responseBody.text;
    const responseSize =
      typeof responseBody === 'string' ? Buffer.byteLength(responseBody) : responseBody.size;
    const entry: Omit<JournalEntry, 'seq'> = {
      requestId: facts.requestId,
      direction: 'inbound',
      component: annotations.component ?? facts.component,
      time: new Date(facts.startedMs).toISOString(),
      timeMs: facts.startedMs,
      durationMs: facts.durationMs,
      method: facts.method,
      url: facts.url,
      path: facts.path,
      status: facts.status,
      clientIp: facts.clientIp,
      requestHeaders,
      responseHeaders,
      // Unread bodies (refused before parsing) are known only by their declared length.
      requestBodySize:
        requestBody && requestBody.size > 0
          ? requestBody.size
          : Number(requestHeaders['content-length'] ?? 0),
      responseBodySize: responseSize,
    };
    if (annotations.organisationId) entry.organisationId = annotations.organisationId;
    if (annotations.tokenId) entry.tokenId = annotations.tokenId;
    if (keepRequestBody) {
      entry.requestBody = requestBody.text;
      entry.requestBodyTruncated = requestBody.truncated;
    }
    if (responseText) {
      entry.responseBody = responseText;
      entry.responseBodyTruncated = typeof responseBody === 'string' ? false : responseBody.truncated;
    }
    if (facts.error) entry.error = facts.error;
    if (facts.aborted) entry.notes = { ...annotations.notes, aborted: true };
    else if (annotations.notes) entry.notes = annotations.notes;
    return entry;
  }
}
