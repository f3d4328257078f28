// timeStamp is RFC 3339 in Swedish local time with its offset, as in the spec's examples.
import { describe, expect, it } from 'vitest';
import { formatTimeStamp } from '../../src/open-data/index.js';

describe('formatTimeStamp', () => {
  it('reproduces the spec example in summer time (+02:00)', () => {
    expect(formatTimeStamp(Date.UTC(2021, 5, 10, 15, 50, 49))).toBe('2021-06-10T17:50:49+02:00');
  });

  it('uses +01:00 in winter and drops milliseconds', () => {
    expect(formatTimeStamp(Date.UTC(2026, 0, 31, 23, 5, 9, 999))).toBe('2026-02-01T00:05:09+01:00');
  });

  it('switches offset at the end of summer time (last Sunday of October, 01:00 UTC)', () => {
    expect(formatTimeStamp(Date.UTC(2026, 9, 25, 0, 59, 59))).toBe('2026-10-25T02:59:59+02:00');
    expect(formatTimeStamp(Date.UTC(2026, 9, 25, 1, 0, 0))).toBe('2026-10-25T02:00:00+01:00');
  });
});
