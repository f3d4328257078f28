// formatSwedishTime: Stockholm wall time with its offset, right on both sides of each DST change (offset cached per UTC hour).
import { describe, expect, it } from 'vitest';
import { formatSwedishTime } from '../../src/clock/swedish-time.js';

const at = (iso: string, milliseconds = true) => formatSwedishTime(new Date(iso), { milliseconds });

describe('formatSwedishTime', () => {
  it('formats summer and winter time, with and without milliseconds', () => {
    expect(at('2021-05-12T08:30:00.123Z')).toBe('2021-05-12T10:30:00.123+02:00');
    expect(at('2021-06-10T15:50:49Z', false)).toBe('2021-06-10T17:50:49+02:00');
    expect(at('2026-01-31T23:59:59.999Z')).toBe('2026-02-01T00:59:59.999+01:00');
  });

  it('changes offset exactly at 01:00 UTC on the last Sundays of March and October, in either order', () => {
    // Asked out of order, so an hour's cached offset is never reused for another hour.
    expect(at('2026-03-29T01:00:00.000Z')).toBe('2026-03-29T03:00:00.000+02:00');
    expect(at('2026-03-29T00:59:59.999Z')).toBe('2026-03-29T01:59:59.999+01:00');
    expect(at('2026-10-25T00:59:59.999Z')).toBe('2026-10-25T02:59:59.999+02:00');
    expect(at('2026-10-25T01:00:00.000Z')).toBe('2026-10-25T02:00:00.000+01:00');
    expect(at('2026-10-25T00:30:00.000Z')).toBe('2026-10-25T02:30:00.000+02:00');
  });

  it('gives the same text for an instant asked again, with or without milliseconds, across an offset change', () => {
    expect(at('2026-03-29T00:59:59.999Z')).toBe('2026-03-29T01:59:59.999+01:00');
    expect(at('2026-03-29T00:59:59.999Z', false)).toBe('2026-03-29T01:59:59+01:00');
    expect(at('2026-03-29T00:59:59.999Z')).toBe('2026-03-29T01:59:59.999+01:00');
    expect(at('2026-03-29T01:00:00.000Z', false)).toBe('2026-03-29T03:00:00+02:00');
    expect(at('2026-03-29T01:00:00.000Z')).toBe('2026-03-29T03:00:00.000+02:00');
  });

  it('formats instants before 1980 from the time-zone database directly, and refuses an invalid Date', () => {
    expect(at('1975-07-01T12:00:00Z', false)).toBe('1975-07-01T13:00:00+01:00');
    expect(at('1949-07-01T12:00:00Z', false)).toBe('1949-07-01T14:00:00+02:00');
    expect(() => formatSwedishTime(new Date(Number.NaN))).toThrow(TypeError);
  });
});
