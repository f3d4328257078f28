// Answers a call-level problem the way Skolverket does: a JSON array holding one LogEntry, with its status.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  LOG_ENTRY_CODES,
  type LogEntryCode,
  type LogEntryDetails,
  makeLogEntry,
} from '../model/log-entry.js';
import type { ProvisioningEnv } from './provisioning-env.js';

/**
 * `[LogEntry]` with the HTTP status of `code`; the code is also noted in the journal entry.
 * @example return sendLogEntry(c, 3085, { parameterValue: '0' }, clock.now());
 */
export function sendLogEntry(
  c: Context<ProvisioningEnv>,
  code: LogEntryCode,
  details: LogEntryDetails,
  nowMs: number,
) {
  const annotations = c.get('journal');
  if (annotations) annotations.notes = { ...annotations.notes, logEntryId: String(code) };
  const status = LOG_ENTRY_CODES[code].statusCode as ContentfulStatusCode;
  return c.json([makeLogEntry(code, details, new Date(nowMs))], status);
}

/** Texts for whole-call problems Skolverket publishes no message for (mock's wording, same style). */
export const MOCK_MESSAGES = {
  invalidBody: (reason: string) => `Ogiltigt format på ´body´. ${reason}`,
  invalidPageToken:
    'Ogiltigt format på ´query´ parameter <pageToken>. Värdet ska vara ett pageToken från ett tidigare svar.',
} as const;
