// Public surface of the journal capability.
export { createJournalApp } from './app.js';
export { CLIENT_ABORTED, clientWentAway } from './client-abort.js';
export { clientIp, normaliseIp } from './client-ip.js';
export { type HarLog, toHar, toHarEntry } from './har.js';
export {
  DEFAULT_JOURNAL_MAX_BYTES,
  Journal,
  type JournalFilter,
  type JournalListener,
  type JournalOptions,
} from './journal.js';
export type {
  JournalAnnotations,
  JournalComponent,
  JournalDirection,
  JournalEntry,
} from './journal-entry.js';
export { componentForPath, journalMiddleware } from './journal-middleware.js';
export {
  createJournaledFetch,
  type JournaledFetch,
  type JournaledFetchOptions,
  type JournaledRequestInit,
  type OutboundAnnotations,
} from './journaled-fetch.js';
export { redactTokens, tokenMarker } from './redact-tokens.js';
export { bearerToken, tokenFingerprint } from './token-fingerprint.js';
