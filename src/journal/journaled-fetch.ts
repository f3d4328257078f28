// A fetch that records every outbound exchange in the journal, reading response bodies through a capped tee.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock/clock.js';
import type { Journal } from './journal.js';
import type { JournalComponent } from './journal-entry.js';
import { pickRecordedHeaders } from './recorded-headers.js';
import { bearerToken, tokenFingerprint } from './token-fingerprint.js';

export interface JournaledFetchOptions {
  journal: Journal;
  clock: Clock;
  /** Which part of the mock makes these calls (default `ss12000-client`). */
  component?: JournalComponent;
  /** The fetch underneath (default: the global one). */
  fetch?: typeof fetch;
}

/** Facts added to one exchange's journal entry. */
export interface OutboundAnnotations {
  organisationId?: string;
  notes?: Record<string, unknown>;
}

export interface JournaledRequestInit extends RequestInit {
  /** Sent as `x-request-id` and kept as the entry's request id (default: a fresh UUID). */
  requestId?: string;
  journal?: OutboundAnnotations;
}

export type JournaledFetch = (url: string | URL, init?: JournaledRequestInit) => Promise<Response>;

const TEXTUAL = /json|text|xml|x-www-form-urlencoded/i;
/** Statuses whose Response may not carry a body (fetch spec "null body status"). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

function requestBodyText(body: RequestInit['body']): string | undefined {
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof Uint8Array) return Buffer.from(body).toString('utf8');
  return undefined;
}

function errorReason(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    const detail = cause instanceof Error ? `: ${cause.message}` : '';
    return `${error.name}: ${error.message}${detail}`;
  }
  return String(error);
}

/**
 * Wraps fetch so that each call becomes one `direction: 'outbound'` journal entry. The entry is written
 * when the response body has been read to its end, cancelled, or failed (bodiless answers at once), so
 * the caller decides how much is read: the journal keeps at most its body cap of it and never buffers more.
 * The caller must read or cancel every body it receives, as with fetch itself.
 *
 * @example
 * const fetchJ = createJournaledFetch({ journal, clock });
 * const res = await fetchJ(`${url}/persons`, { headers: { authorization: `Bearer ${jwt}` } });
 */
export function createJournaledFetch(options: JournaledFetchOptions): JournaledFetch {
  const { journal, clock } = options;
  const component = options.component ?? 'ss12000-client';
  const baseFetch = options.fetch ?? fetch;

  return async (input, init = {}) => {
    const { requestId = randomUUID(), journal: annotations = {}, ...fetchInit } = init;
    const headers = new Headers(fetchInit.headers);
    if (!headers.has('x-request-id')) headers.set('x-request-id', requestId);
    const url = new URL(String(input));
    const method = (fetchInit.method ?? 'GET').toUpperCase();
    const startedMs = clock.now();
    const sentBody = requestBodyText(fetchInit.body);
    const cappedRequest = sentBody === undefined ? undefined : journal.capBody(sentBody);
    const token = bearerToken(headers.get('authorization'));
    let recorded = false;

    const record = (
      response: Response | undefined,
      read: { size: number; kept: Uint8Array[]; truncated: boolean },
      extra: { error?: string; notes?: Record<string, unknown> } = {},
    ) => {
      if (recorded) return;
      recorded = true;
      const contentType = response?.headers.get('content-type') ?? '';
      const text =
        TEXTUAL.test(contentType) && read.size > 0 ? Buffer.concat(read.kept).toString('utf8') : '';
      const notes = { ...annotations.notes, ...extra.notes };
      journal.record({
        requestId,
        direction: 'outbound',
        component,
        time: new Date(startedMs).toISOString(),
        timeMs: startedMs,
        durationMs: Math.max(0, clock.now() - startedMs),
        method,
        url: url.toString(),
        path: url.pathname,
        status: response?.status ?? 0,
        ...(annotations.organisationId ? { organisationId: annotations.organisationId } : {}),
        ...(token ? { tokenId: tokenFingerprint(token) } : {}),
        requestHeaders: pickRecordedHeaders(headers),
        responseHeaders: response ? pickRecordedHeaders(response.headers) : {},
        requestBodySize: sentBody === undefined ? 0 : Buffer.byteLength(sentBody),
        responseBodySize: read.size,
        ...(cappedRequest && sentBody
          ? { requestBody: cappedRequest.text, requestBodyTruncated: cappedRequest.truncated }
          : {}),
        ...(text ? { responseBody: text, responseBodyTruncated: read.truncated } : {}),
        ...(extra.error ? { error: extra.error } : {}),
        ...(Object.keys(notes).length > 0 ? { notes } : {}),
      });
    };

    let response: Response;
    try {
      response = await baseFetch(url, { ...fetchInit, headers });
    } catch (error) {
      record(undefined, { size: 0, kept: [], truncated: false }, { error: errorReason(error) });
      throw error;
    }
    if (!response.body || NULL_BODY_STATUSES.has(response.status)) {
      record(response, { size: 0, kept: [], truncated: false });
      return response;
    }

    const reader = response.body.getReader();
    const read = { size: 0, kept: [] as Uint8Array[], truncated: false };
    let keptBytes = 0;
    const tee = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) {
            record(response, read);
            controller.close();
            return;
          }
          read.size += value.byteLength;
          if (keptBytes < journal.bodyCapBytes) {
            const slice = value.subarray(0, journal.bodyCapBytes - keptBytes);
            read.kept.push(slice);
            keptBytes += slice.byteLength;
          }
          read.truncated = read.size > keptBytes;
          controller.enqueue(value);
        } catch (error) {
          record(response, read, { error: errorReason(error) });
          controller.error(error);
        }
      },
      async cancel(reason) {
        // The caller stopped reading (size cap, wrong content type): the entry says how much it had read.
        read.truncated = true;
        record(response, read, { notes: { bodyCancelled: true, cancelReason: String(reason ?? '') } });
        await reader.cancel(reason).catch(() => undefined);
      },
    });
    return new Response(tee, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}
