// Picks the headers worth keeping in the journal, redacting bearer tokens to their fingerprint.
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

/** Keeps the recorded headers; an Authorization value becomes `Bearer [fingerprint]`. */
export function pickRecordedHeaders(headers: Headers): Record<string, string> {
  const kept: Record<string, string> = {};
  headers.forEach((value, name) => {
    const key = name.toLowerCase();
    if (!RECORDED_HEADERS.has(key)) return;
    if (key === 'authorization') {
      const token = bearerToken(value);
      kept[key] = token ? `Bearer [${tokenFingerprint(token)}]` : value.split(/\s+/)[0] || '[empty]';
      return;
    }
    kept[key] = value;
  });
  return kept;
}
