// Formats an instant as the open-data API's `timeStamp`: RFC 3339 in Swedish local time, seconds, with offset.

const STOCKHOLM = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Stockholm',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The spec's example is `2021-06-10T17:50:49+02:00` (Error.timeStamp): local Swedish time, no fraction.
 *
 * @example formatTimeStamp(Date.UTC(2021, 5, 10, 15, 50, 49)) // '2021-06-10T17:50:49+02:00'
 */
export function formatTimeStamp(ms: number): string {
  const wholeSecondMs = Math.floor(ms / 1000) * 1000;
  const parts: Record<string, string> = {};
  for (const part of STOCKHOLM.formatToParts(new Date(wholeSecondMs))) parts[part.type] = part.value;
  const localAsUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  const offsetMinutes = Math.round((localAsUtc - wholeSecondMs) / 60_000);
  const abs = Math.abs(offsetMinutes);
  const offset = `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}
