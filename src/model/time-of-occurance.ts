// Formats instants as Skolverket does in `timeOfOccurance`: RFC 3339, milliseconds, Swedish local offset.
const STOCKHOLM = 'Europe/Stockholm';

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: STOCKHOLM,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'longOffset',
});

/**
 * Formats `date` in Swedish local time with its offset, as in the spec's examples.
 *
 * @example formatTimeOfOccurance(new Date('2021-05-12T08:30:00.123Z')) // '2021-05-12T10:30:00.123+02:00'
 */
export function formatTimeOfOccurance(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new TypeError('formatTimeOfOccurance: invalid Date');
  const part: Record<string, string> = {};
  for (const { type, value } of PARTS.formatToParts(date)) part[type] = value;
  // longOffset gives "GMT+02:00", or plain "GMT" at offset zero.
  const offset = (part.timeZoneName ?? 'GMT').replace('GMT', '') || '+00:00';
  const millis = String(date.getUTCMilliseconds()).padStart(3, '0');
  return `${part.year}-${part.month}-${part.day}T${part.hour}:${part.minute}:${part.second}.${millis}${offset}`;
}
