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

/** Stockholm's offset and local wall time of an instant, the slow way (Intl). */
function partsOf(date: Date): { fields: Record<string, string>; offset: string } {
  const part: Record<string, string> = {};
  for (const { type, value } of STOCKHOLM_PARTS.formatToParts(date)) part[type] = value;
  // longOffset gives "GMT+02:00", or plain "GMT" at offset zero.
  return { fields: part, offset: (part.timeZoneName ?? 'GMT').replace('GMT', '') || '+00:00' };
}

const HOUR_MS = 3_600_000;
/** Since 1980 Stockholm changes offset only at 01:00 UTC, so one UTC hour has one offset. */
const CACHE_FROM_MS = Date.UTC(1980, 0, 1);
/** From year 9999 on (local time may cross into 10000), ISO strings grow a six-digit year: the slow way. */
const CACHE_UNTIL_MS = Date.UTC(9999, 0, 1);
let cachedHour = Number.NaN;
let cachedOffset = '+01:00';
let cachedOffsetMs = 0;
/** The last instant formatted on the cached path, with milliseconds (its offset is the cached one). */
let lastMs = Number.NaN;
let lastText = '';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * `date` in Swedish local time with its offset; `milliseconds: false` drops the fraction. The offset is
 * looked up once per UTC hour (answers carry the time of every call).
 *
 * @example formatSwedishTime(new Date('2021-05-12T08:30:00.123Z')) // '2021-05-12T10:30:00.123+02:00'
 * @example formatSwedishTime(new Date('2021-06-10T15:50:49Z'), { milliseconds: false }) // '2021-06-10T17:50:49+02:00'
 */
export function formatSwedishTime(date: Date, options: { milliseconds?: boolean } = {}): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new TypeError('formatSwedishTime: invalid Date');
  if (ms < CACHE_FROM_MS || ms >= CACHE_UNTIL_MS) {
    const fraction = options.milliseconds === false ? '' : `.${pad(date.getUTCMilliseconds(), 3)}`;
    const { fields: part, offset } = partsOf(date);
    return `${part.year}-${part.month}-${part.day}T${part.hour}:${part.minute}:${part.second}${fraction}${offset}`;
  }
  const hour = Math.floor(ms / HOUR_MS);
  if (hour !== cachedHour) {
    const start = new Date(hour * HOUR_MS);
    const { fields: part, offset } = partsOf(start);
    const localMs = Date.UTC(
      Number(part.year),
      Number(part.month) - 1,
      Number(part.day),
      Number(part.hour),
      Number(part.minute),
      Number(part.second),
    );
    cachedOffsetMs = localMs - start.getTime();
    cachedOffset = offset;
    cachedHour = hour;
    lastMs = Number.NaN;
  }
  // Answers under load share milliseconds: the last one's text is reused. Wall time is a UTC ISO string
  // ('YYYY-MM-DDTHH:mm:ss.sssZ' for years 1980–9999) cut before its zone.
  if (ms !== lastMs) {
    lastText = `${new Date(ms + cachedOffsetMs).toISOString().slice(0, 23)}${cachedOffset}`;
    lastMs = ms;
  }
  return options.milliseconds === false ? `${lastText.slice(0, 19)}${cachedOffset}` : lastText;
}
