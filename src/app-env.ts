// The Hono environment every sub-app shares: Node bindings (socket, TLS peer) and per-request variables.
import type { HttpBindings } from '@hono/node-server';
import type { JournalAnnotations } from './journal/journal-entry.js';

export interface AppVariables {
  /** Correlation id of this request (the caller's `x-request-id`, or a fresh UUID). */
  requestId: string;
  /** Facts the handler adds to this request's journal entry (organisation, token id, notes). */
  journal: JournalAnnotations;
}

/**
 * Bindings are partial: under `app.request()` (no Node server) there is no socket, and handlers must cope.
 */
export type AppEnv = { Bindings: Partial<HttpBindings>; Variables: AppVariables };
