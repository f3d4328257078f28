// Formats instants as Skolverket does in `timeOfOccurance`: RFC 3339, milliseconds, Swedish local offset.
import { formatSwedishTime } from '../clock/swedish-time.js';

/**
 * Formats `date` in Swedish local time with its offset, as in the spec's examples.
 *
 * @example formatTimeOfOccurance(new Date('2021-05-12T08:30:00.123Z')) // '2021-05-12T10:30:00.123+02:00'
 */
export function formatTimeOfOccurance(date: Date): string {
  return formatSwedishTime(date);
}
