// Formats instants as Skolverket's services do: RFC 3339 in Swedish local time (Europe/Stockholm) with offset.

const STOCKHOLM_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Stockholm',
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
 * `date` in Swedish local time with its offset; `milliseconds: false` drops the fraction.
 *
 * @example formatSwedishTime(new Date('2021-05-12T08:30:00.123Z')) // '2021-05-12T10:30:00.123+02:00'
 * @example formatSwedishTime(new Date('2021-06-10T15:50:49Z'), { milliseconds: false }) // '2021-06-10T17:50:49+02:00'
 */
export function formatSwedishTime(date: Date, options: { milliseconds?: boolean } = {}): string {
  if (Number.isNaN(date.getTime())) throw new TypeError('formatSwedishTime: invalid Date');
  const part: Record<string, string> = {};
  for (const { type, value } of STOCKHOLM_PARTS.formatToParts(date)) part[type] = value;
  // longOffset gives "GMT+02:00", or plain "GMT" at offset zero.
  const offset = (part.timeZoneName ?? 'GMT').replace('GMT', '') || '+00:00';
  const fraction =
    options.milliseconds === false ? '' : `.${String(date.getUTCMilliseconds()).padStart(3, '0')}`;
  return `${part.year}-${part.month}-${part.day}T${part.hour}:${part.minute}:${part.second}${fraction}${offset}`;
}
