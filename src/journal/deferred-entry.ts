// An exchange the journal holds as it was seen, and writes out as a JournalEntry only when someone reads it.
import type { JournalEntry } from './journal-entry.js';

/**
 * What a producer on a hot path hands to `Journal.recordDeferred`: the raw facts of one exchange, a
 * footprint estimate that is never below the finished entry's, and the work of making the entry (picking
 * headers, formatting times). The journal calls `toEntry` at most once, on the first read, on the first
 * listener, or at once when it writes a file; it then redacts the result as it redacts every entry, so no
 * reader ever sees a token in clear. Until then the raw facts stay inside the journal object only.
 */
export abstract class DeferredEntry {
  /** Given by the journal when it takes the entry in. */
  seq = 0;
  /** Estimated bytes held, an upper bound of `entryFootprint(toEntry())`. */
  abstract readonly footprint: number;
  abstract toEntry(): Omit<JournalEntry, 'seq'>;
}
