// Hono middleware that records every inbound request and its answer in the journal, doing only the work it keeps.
import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import type { Clock } from '../clock/clock.js';
import { BodyCapture, type CapturedBody } from './body-capture.js';
import { CLIENT_ABORTED, clientWentAway } from './client-abort.js';
import { clientIp } from './client-ip.js';
import type { Journal } from './journal.js';
import type { JournalAnnotations, JournalComponent } from './journal-entry.js';
import { captureBodyLazily } from './lazy-request-body.js';
import {
  type PlainHeaders,
  pickRecordedHeaders,
  pickRecordedPlainHeaders,
  pickRecordedRawHeaders,
  plainHeader,
} from './recorded-headers.js';
import { plainResponseBody, plainResponseHeaders } from './response-body.js';

export interface JournalMiddlewareOptions {
  journal: Journal;
  clock: Clock;
  /** Key the client IP by X-Forwarded-For (same switch as the rate limiter). */
  trustProxy?: boolean;
  /** Paths that are never recorded (reading the journal must not write to it). */
  skip?: (path: string) => boolean;
}

/** Maps a path to the component that serves it, by Skolverket's path prefixes. */
export function componentForPath(path: string): JournalComponent {
  if (path === '/transaction' || path.startsWith('/.well-known/')) return 'auth';
  if (path.startsWith('/provtjanst/open-data/')) return 'open-data';
  if (path.startsWith('/provtjanst/provisioning/')) return 'provisioning';
  if (path.startsWith('/provtjanst/ss12000/klient/')) return 'ss12000-client';
  if (path.startsWith('/_mock/')) return 'control';
  return 'other';
}

const TEXTUAL = /json|text|xml|x-www-form-urlencoded/i;
/** Answers that stream for as long as the client listens: recorded without their body. */
const EVENT_STREAM = /^text\/event-stream/i;
const NO_BODY: CapturedBody = { size: 0, text: '', truncated: false };

/** True when the request may carry a body; bodiless requests never get a body stream made for them. */
function mayHaveBody(method: string, headers: Headers): boolean {
  if (method === 'GET' || method === 'HEAD') return false;
  if (headers.has('transfer-encoding')) return true;
  const length = headers.get('content-length');
  return length !== null && length !== '0';
}

function decodeCapped(body: string | Uint8Array, cap: number, journal: Journal): CapturedBody {
  if (typeof body === 'string') {
    const capped = journal.capBody(body);
    // Below the cap and one byte a character, the length is the size: no byte count needed.
    const size = capped.truncated ? Buffer.byteLength(body) : Buffer.byteLength(capped.text);
    return { size, text: capped.text, truncated: capped.truncated };
  }
  const capture = new BodyCapture(cap);
  capture.add(body);
  return capture.read();
}

export function journalMiddleware(options: JournalMiddlewareOptions): MiddlewareHandler<AppEnv> {
  const { journal, clock } = options;
  const cap = journal.bodyCapBytes;

  const record = (
    c: Context<AppEnv>,
    startedMs: number,
    requestId: string,
    annotations: JournalAnnotations,
    requestHeaders: Headers,
    requestBody: CapturedBody | undefined,
    res: Response,
    plainHeaders: PlainHeaders | undefined,
    responseBody: CapturedBody,
    responseError?: string,
  ) => {
    const path = c.req.path;
    const aborted = clientWentAway(c);
    const error = aborted ? CLIENT_ABORTED : (annotations.error ?? responseError);
    const requestContentType = requestHeaders.get('content-type') ?? '';
    const keepRequestBody =
      requestBody !== undefined &&
      requestBody.size > 0 &&
      (!requestContentType || TEXTUAL.test(requestContentType));
    journal.record({
      requestId,
      direction: 'inbound',
      component: annotations.component ?? componentForPath(path),
      time: new Date(startedMs).toISOString(),
      timeMs: startedMs,
      durationMs: Math.max(0, clock.now() - startedMs),
      method: c.req.method,
      url: c.req.url,
      path,
      // No answer reached a client that went away, whatever the handler made of the broken body.
      status: error && (aborted || annotations.error) ? 0 : res.status,
      clientIp: clientIp(c, options.trustProxy),
      ...(annotations.organisationId ? { organisationId: annotations.organisationId } : {}),
      ...(annotations.tokenId ? { tokenId: annotations.tokenId } : {}),
      // Node's raw header list when there is one: materialising a Headers for it costs more than the rest.
      requestHeaders: Array.isArray(c.env?.incoming?.rawHeaders)
        ? pickRecordedRawHeaders(c.env.incoming.rawHeaders)
        : pickRecordedHeaders(requestHeaders),
      responseHeaders: plainHeaders
        ? pickRecordedPlainHeaders(plainHeaders)
        : pickRecordedHeaders(res.headers),
      // Unread bodies (refused before parsing) are known only by their declared length.
      requestBodySize:
        requestBody && requestBody.size > 0
          ? requestBody.size
          : Number(requestHeaders.get('content-length') ?? 0),
      responseBodySize: responseBody.size,
      ...(keepRequestBody
        ? { requestBody: requestBody.text, requestBodyTruncated: requestBody.truncated }
        : {}),
      ...(responseBody.text
        ? { responseBody: responseBody.text, responseBodyTruncated: responseBody.truncated }
        : {}),
      ...(error ? { error } : {}),
      ...(aborted
        ? { notes: { ...annotations.notes, aborted: true } }
        : annotations.notes
          ? { notes: annotations.notes }
          : {}),
    });
  };

  return async (c, next) => {
    const requestId = c.req.header('x-request-id') || randomUUID();
    c.set('requestId', requestId);
    const annotations: JournalAnnotations = {};
    c.set('journal', annotations);
    if (options.skip?.(c.req.path)) return next();

    const startedMs = clock.now();
    const raw = c.req.raw;
    const requestHeaders = raw.headers;
    let requestCapture: BodyCapture | undefined;
    if (mayHaveBody(c.req.method, requestHeaders)) {
      // The body is seen as the handler (or a body limit) reads it: nothing is read ahead or copied.
      requestCapture = new BodyCapture(cap);
      captureBodyLazily(raw, requestCapture);
    }

    await next();

    const res = c.res;
    const requestBody = requestCapture?.read();
    // Headers still held as the handler's plain object are read as such (res.headers would rebuild them).
    const plainHeaders = plainResponseHeaders(res);
    const header = (name: string) => (plainHeaders ? plainHeader(plainHeaders, name) : res.headers.get(name));
    const contentType = header('content-type') ?? '';
    const declaredSize = () => Number(header('content-length') ?? 0);
    if (!TEXTUAL.test(contentType) || EVENT_STREAM.test(contentType)) {
      const size = EVENT_STREAM.test(contentType) ? 0 : declaredSize();
      record(c, startedMs, requestId, annotations, requestHeaders, requestBody, res, plainHeaders, {
        ...NO_BODY,
        size,
      });
      return;
    }
    const plain = plainResponseBody(res);
    if (plain !== undefined) {
      const body = plain === null ? NO_BODY : decodeCapped(plain, cap, journal);
      record(c, startedMs, requestId, annotations, requestHeaders, requestBody, res, plainHeaders, body);
      return;
    }
    if (!res.body) {
      record(c, startedMs, requestId, annotations, requestHeaders, requestBody, res, undefined, NO_BODY);
      return;
    }
    // A streamed answer: recorded once it has been sent to its end (or the client stopped reading).
    const capture = new BodyCapture(cap);
    const tee = capture.tee((error) =>
      record(
        c,
        startedMs,
        requestId,
        annotations,
        requestHeaders,
        requestBody,
        res,
        undefined,
        capture.read(),
        error === undefined ? undefined : `answer not sent to its end: ${String(error)}`,
      ),
    );
    c.res = new Response(res.body.pipeThrough(tee), {
      status: res.status,
      statusText: res.statusText,
      headers: res.headers,
    });
  };
}
