// Checks the body of a bulk call as a whole: `{"data":[…]}` with addressable items, before any job exists.
import type { LogEntryDetails } from '../model/log-entry.js';
import type { JobOperation } from './job.js';
import { MOCK_MESSAGES } from './log-entry-response.js';

/** RFC 4122 text form (8-4-4-4-12 hex, any version), as the model's schemas and Java's UUID accept. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type BulkItemsResult =
  | { ok: true; items: Array<{ id: string; payload: unknown }> }
  /** A whole-call 400: LogEntry 2010 with these details. */
  | { ok: false; details: LogEntryDetails };

const invalid = (reason: string, parameterName = 'data', parameterValue?: string): BulkItemsResult => ({
  ok: false,
  details: {
    parameterName,
    ...(parameterValue !== undefined ? { parameterValue } : {}),
    message: MOCK_MESSAGES.invalidBody(reason),
  },
});

/**
 * Whole-call checks of a bulk body. Each item must be addressable, since the job answers per item id:
 * create/update items are objects with a UUID `id`; delete items are UUID strings. Everything else about an
 * item (fields, rules) is the item's own verdict when the job settles.
 */
export function parseBulkItems(body: unknown, operation: JobOperation): BulkItemsResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return invalid('Innehållet ska vara ett JSON-objekt med attributet <data>.');
  }
  const data = (body as Record<string, unknown>).data;
  if (data === undefined || data === null) return invalid('Attributet <data> saknas.');
  if (!Array.isArray(data)) return invalid('Attributet <data> ska vara en lista.');
  const items: Array<{ id: string; payload: unknown }> = [];
  for (let index = 0; index < data.length; index += 1) {
    const entry: unknown = data[index];
    if (operation === 'delete') {
      if (typeof entry !== 'string' || !UUID_PATTERN.test(entry)) {
        return {
          ok: false,
          details: {
            parameterName: 'data',
            parameterValue: String(typeof entry === 'string' ? entry : JSON.stringify(entry)),
          },
        };
      }
      items.push({ id: entry.toLowerCase(), payload: undefined });
      continue;
    }
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      return invalid(`Posten <data[${index}]> ska vara ett JSON-objekt.`, `data[${index}]`);
    }
    const id = (entry as Record<string, unknown>).id;
    if (typeof id !== 'string' || !UUID_PATTERN.test(id)) {
      return {
        ok: false,
        details: {
          parameterName: `data[${index}].id`,
          ...(id !== undefined ? { parameterValue: typeof id === 'string' ? id : JSON.stringify(id) } : {}),
        },
      };
    }
    items.push({ id: id.toLowerCase(), payload: entry });
  }
  return { ok: true, items };
}
