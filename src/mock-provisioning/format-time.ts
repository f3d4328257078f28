// Clock milliseconds → Skolverket's timestamp text, memoised: a job's items share a handful of instants.
import { formatTimeOfOccurance } from '../model/time-of-occurance.js';

let lastMs = Number.NaN;
let lastText = '';

/** `2026-09-01T10:00:00.000+02:00` for 2026-09-01T08:00:00Z (model's formatter, one-entry cache). */
export function formatTime(ms: number): string {
  if (ms !== lastMs) {
    lastText = formatTimeOfOccurance(new Date(ms));
    lastMs = ms;
  }
  return lastText;
}
