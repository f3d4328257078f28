// Hono middleware that records every inbound request and its answer in the journal, bodies streamed and capped.
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import type { Clock } from '../clock/clock.js';
import { clientIp } from './client-ip.js';
import type { Journal } from './journal.js';
import type { JournalAnnotations, JournalComponent } from './journal-entry.js';
import { pickRecordedHeaders } from './recorded-headers.js';

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

/** Tees a body stream: counts every byte and keeps the first `cap` bytes, without buffering the rest. */
function captureStream(cap: number) {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let kept = 0;
  const stream = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      size += chunk.byteLength;
      if (kept < cap) {
        const slice = chunk.subarray(0, cap - kept);
        chunks.push(slice);
        kept += slice.byteLength;
      }
      controller.enqueue(chunk);
    },
  });
  return {
    stream,
    read: () => ({ size, text: Buffer.concat(chunks).toString('utf8'), truncated: size > kept }),
  };
}

export function journalMiddleware(options: JournalMiddlewareOptions): MiddlewareHandler<AppEnv> {
  const { journal, clock } = options;
  return async (c, next) => {
    const path = c.req.path;
    const requestId = c.req.header('x-request-id') || randomUUID();
    c.set('requestId', requestId);
    const annotations: JournalAnnotations = {};
    c.set('journal', annotations);
    if (options.skip?.(path)) return next();

    const startedMs = clock.now();
    const raw = c.req.raw;
    const capture = raw.body ? captureStream(journal.bodyCapBytes) : undefined;
    if (raw.body && capture) {
      // Replace the body with a counting tee so limits downstream still see a stream (see body-limit).
      c.req.raw = new Request(raw, {
        body: raw.body.pipeThrough(capture.stream),
        duplex: 'half',
      } as RequestInit);
    }

    await next();

    const res = c.res;
    const requestBody = capture?.read();
    const declaredLength = Number(raw.headers.get('content-length') ?? 0);
    let responseText = '';
    let responseSize = 0;
    const contentType = res.headers.get('content-type') ?? '';
    if (res.body && TEXTUAL.test(contentType)) {
      responseText = await res.clone().text();
      responseSize = Buffer.byteLength(responseText);
    } else {
      responseSize = Number(res.headers.get('content-length') ?? 0);
    }
    const cappedResponse = journal.capBody(responseText);
    const requestContentType = raw.headers.get('content-type') ?? '';
    const keepRequestBody =
      requestBody && requestBody.size > 0 && (TEXTUAL.test(requestContentType) || !requestContentType);

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
      status: annotations.error ? 0 : res.status,
      clientIp: clientIp(c, options.trustProxy),
      ...(annotations.organisationId ? { organisationId: annotations.organisationId } : {}),
      ...(annotations.tokenId ? { tokenId: annotations.tokenId } : {}),
      requestHeaders: pickRecordedHeaders(raw.headers),
      responseHeaders: pickRecordedHeaders(res.headers),
      // Unread bodies (refused before parsing) are known only by their declared length.
      requestBodySize: requestBody && requestBody.size > 0 ? requestBody.size : declaredLength,
      responseBodySize: responseSize,
      ...(keepRequestBody
        ? { requestBody: requestBody.text, requestBodyTruncated: requestBody.truncated }
        : {}),
      ...(responseText
        ? { responseBody: cappedResponse.text, responseBodyTruncated: cappedResponse.truncated }
        : {}),
      ...(annotations.error ? { error: annotations.error } : {}),
      ...(annotations.notes ? { notes: annotations.notes } : {}),
    });
  };
}
