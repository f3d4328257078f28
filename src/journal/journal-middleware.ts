// Hono middleware that records every inbound request and its answer in the journal, doing only the work it keeps.
import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import type { Clock } from '../clock/clock.js';
import { BodyCapture, type CapturedBody } from './body-capture.js';
import { CLIENT_ABORTED, clientWentAway } from './client-abort.js';
import { clientIp } from './client-ip.js';
import {
  InboundExchange,
  type InboundResponseBody,
  type InboundResponseHeaders,
} from './inbound-exchange.js';
import type { Journal } from './journal.js';
import type { JournalAnnotations, JournalComponent } from './journal-entry.js';
import { captureBodyLazily } from './lazy-request-body.js';
import { pickRecordedHeaders, plainHeader, rawHeader } from './recorded-headers.js';
import { heldResponseHeaders, plainResponseBody } from './response-body.js';

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

/** A plain answer body as the journal keeps it: short text as it is (measured when read), else capped now. */
function answerBody(body: string | Uint8Array, cap: number, journal: Journal): InboundResponseBody {
  if (typeof body === 'string') {
    // At most three bytes a character: a text this short is under the cap, so it is kept as it is.
    if (body.length * 3 <= cap) return body;
    const capped = journal.capBody(body);
    return { size: Buffer.byteLength(body), text: capped.text, truncated: capped.truncated };
  }
  const capture = new BodyCapture(cap);
  capture.add(body);
  return capture.read();
}

/** What the middleware saw of the request, for the record it makes once the answer is known. */
interface SeenRequest {
  c: Context<AppEnv>;
  startedMs: number;
  requestId: string;
  annotations: JournalAnnotations;
  requestHeaders: Headers;
  requestBody: CapturedBody | undefined;
}

export function journalMiddleware(options: JournalMiddlewareOptions): MiddlewareHandler<AppEnv> {
  const { journal, clock } = options;
  const cap = journal.bodyCapBytes;

  const record = (
    request: SeenRequest,
    res: Response,
    responseHeaders: InboundResponseHeaders,
    responseBody: InboundResponseBody,
    responseError?: string,
  ) => {
    const { c, startedMs, requestId, annotations, requestHeaders, requestBody } = request;
    const path = c.req.path;
    const aborted = clientWentAway(c);
    const error = aborted ? CLIENT_ABORTED : (annotations.error ?? responseError);
    const rawHeaders = c.env?.incoming?.rawHeaders;
    journal.recordDeferred(
      new InboundExchange({
        requestId,
        component: componentForPath(path),
        startedMs,
        durationMs: Math.max(0, clock.now() - startedMs),
        method: c.req.method,
        url: c.req.url,
        path,
        // No answer reached a client that went away, whatever the handler made of the broken body.
        status: error && (aborted || annotations.error) ? 0 : res.status,
        clientIp: clientIp(c, options.trustProxy),
        annotations,
        // Node's raw header list when there is one (kept as it is); else a record picked now, so the
        // request's own Headers (and what it holds) is not kept.
        requestHeaders: Array.isArray(rawHeaders) ? rawHeaders : pickRecordedHeaders(requestHeaders),
        requestBody,
        responseHeaders,
        responseBody,
        error,
        aborted,
      }),
    );
  };

  return async (c, next) => {
    const rawHeaders = c.env?.incoming?.rawHeaders;
    // Read from Node's raw list when there is one: asking c.req builds Node's header object first.
    const requestId =
      (Array.isArray(rawHeaders)
        ? rawHeader(rawHeaders, 'x-request-id')?.trim()
        : c.req.header('x-request-id')) || randomUUID();
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
    const seen: SeenRequest = {
      c,
      startedMs,
      requestId,
      annotations,
      requestHeaders,
      requestBody: requestCapture?.read(),
    };
    // Headers as the light answer holds them (plain object or prepared Headers): res.headers would rebuild it.
    const heldHeaders = heldResponseHeaders(res);
    const contentType =
      (heldHeaders ? plainHeader(heldHeaders, 'content-type') : res.headers.get('content-type')) ?? '';
    if (!TEXTUAL.test(contentType) || EVENT_STREAM.test(contentType)) {
      const declared = heldHeaders
        ? plainHeader(heldHeaders, 'content-length')
        : res.headers.get('content-length');
      const size = EVENT_STREAM.test(contentType) ? 0 : Number(declared ?? 0);
      record(seen, res, heldHeaders ?? res.headers, {
        ...NO_BODY,
        size,
      });
      return;
    }
    const plain = plainResponseBody(res);
    if (plain !== undefined) {
      const body = plain === null ? NO_BODY : answerBody(plain, cap, journal);
      record(seen, res, heldHeaders ?? res.headers, body);
      return;
    }
    if (!res.body) {
      record(seen, res, res.headers, NO_BODY);
      return;
    }
    // A streamed answer: recorded once it has been sent to its end (or the client stopped reading).
    const capture = new BodyCapture(cap);
    const tee = capture.tee((error) =>
      record(
        seen,
        res,
        res.headers,
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
