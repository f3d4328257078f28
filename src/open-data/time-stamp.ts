// Formats an instant as the open-data API's `timeStamp`: RFC 3339 in Swedish local time, seconds, with offset.
import { formatSwedishTime } from '../clock/swedish-time.js';

/**
 * The spec's example is `2021-06-10T17:50:49+02:00` (Error.timeStamp): local Swedish time, no fraction.
 *
 * @example formatTimeStamp(Date.UTC(2021, 5, 10, 15, 50, 49)) // '2021-06-10T17:50:49+02:00'
 */
export function formatTimeStamp(ms: number): string {
  return formatSwedishTime(new Date(ms), { milliseconds: false });
}
