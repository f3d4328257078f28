// The bodies behind a report's evidence lines (request and answer), taken from the journal and with tokens masked.
import type { JournalEntry } from '../../journal/index.js';
import type { ScenarioResult } from '../result/result-model.js';

/** One exchange's bodies as the HTML report shows them when an evidence line is clicked. */
export interface ExchangeBodies {
  request: { contentType?: string; body?: string; bytes: number; truncated?: boolean };
  response: { contentType?: string; body?: string; bytes: number; truncated?: boolean };
}

/** Longest body kept per side: enough for a page of a list, small enough for a page of many findings. */
export const BODY_CAP_CHARS = 32_768;

/** Most exchanges kept per scenario. */
const MAX_EXCHANGES = 200;

// A compact JWS (three base64url parts, the first a JSON header): tokens must not land in a shared report.
const JWT = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/g;

/** The body with every JWT masked and cut to {@link BODY_CAP_CHARS}. */
export function maskBody(body: string): { body: string; cut: boolean } {
  const masked = body.replace(JWT, '<token removed>');
  return masked.length > BODY_CAP_CHARS
    ? { body: masked.slice(0, BODY_CAP_CHARS), cut: true }
    : { body: masked, cut: false };
}

function side(
  headers: Readonly<Record<string, string>>,
  body: string | undefined,
  bytes: number,
  truncated: boolean | undefined,
): ExchangeBodies['request'] {
  const contentType = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
  const masked = body === undefined ? undefined : maskBody(body);
  return {
    ...(contentType ? { contentType } : {}),
    ...(masked ? { body: masked.body } : {}),
    bytes,
    ...(truncated || masked?.cut ? { truncated: true } : {}),
  };
}

/** Key of an exchange in the page: scenario and journal sequence number. */
export function bodiesKey(scenarioId: string, seq: number): string {
  return `${scenarioId}#${seq}`;
}

/** The bodies of every request a finding of the scenario names, by {@link bodiesKey}. */
export function collectEvidenceBodies(
  result: Pick<ScenarioResult, 'id' | 'rules'>,
  journal: readonly Readonly<JournalEntry>[],
): Map<string, ExchangeBodies> {
  const wanted = new Set(
    result.rules.flatMap((r) => r.findings.flatMap((f) => (f.requests ?? []).map((q) => q.seq))),
  );
  const out = new Map<string, ExchangeBodies>();
  for (const entry of journal) {
    if (!wanted.has(entry.seq) || out.size >= MAX_EXCHANGES) continue;
    out.set(bodiesKey(result.id, entry.seq), {
      request: side(
        entry.requestHeaders,
        entry.requestBody,
        entry.requestBodySize,
        entry.requestBodyTruncated,
      ),
      response: side(
        entry.responseHeaders,
        entry.responseBody,
        entry.responseBodySize,
        entry.responseBodyTruncated,
      ),
    });
  }
  return out;
}
