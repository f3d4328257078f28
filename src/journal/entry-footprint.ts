// Estimates the memory one journal entry holds, so the journal can be bounded by bytes as well as entries.
import type { JournalEntry } from './journal-entry.js';

/** Fixed cost of one entry object and its small fields (numbers, enums, ids, ISO time). */
export const ENTRY_OVERHEAD = 640;
/** Cost of one recorded header beyond its characters (property slot, string headers). */
export const HEADER_OVERHEAD = 48;

/** Characters cost at most two bytes each in V8 (two-byte strings); counting two keeps the bound honest. */
export const chars = (text: string | undefined): number => (text ? text.length * 2 : 0);

function headersFootprint(headers: Record<string, string>): number {
  let total = 0;
  for (const name in headers) total += HEADER_OVERHEAD + chars(name) + chars(headers[name]);
  return total;
}

/** An upper estimate of the bytes `entry` keeps alive (its bodies dominate). */
export function entryFootprint(entry: JournalEntry): number {
  return (
    ENTRY_OVERHEAD +
    chars(entry.url) +
    chars(entry.path) +
    chars(entry.requestBody) +
    chars(entry.responseBody) +
    chars(entry.error) +
    headersFootprint(entry.requestHeaders) +
    headersFootprint(entry.responseHeaders) +
    (entry.notes ? chars(JSON.stringify(entry.notes)) : 0)
  );
}
