// RATE rules judged per client run (a new process cannot know the last one's calls), and 503 waits that must grow.
import { describe, expect, it } from 'vitest';
import {
  RATE_HONOURS_RESET,
  RATE_NO_RETRY_STORM,
  RATE_WITHIN_QUOTA,
} from '../../../../src/conformance/push/rules/rate-rules.js';
import { call, evidence, run } from '../evidence-builder.js';
import { findings, skipReason } from './judge.js';

const write = (at: number, status = 202, headers: Record<string, string> = {}) =>
  call({ at, method: 'POST', path: '/persons/bulk', status, responseHeaders: headers });
const unavailable = (at: number) =>
  call({ at, method: 'POST', path: '/persons/bulk', status: 503, responseBody: '[{"id":5022}]' });

/** Run 1 paces itself at one write per 210 ms; run 2, 200 ms after it ended, opens with a burst of five. */
const backToBack = [
  ...[0, 210, 420, 630, 840, 1_050, 1_260, 1_470].map((at) => write(at)),
  ...[1_700, 1_710, 1_720, 1_730, 1_740].map((at) => write(at)),
];
const twoRuns = [run(0, 0, 1_500, 0), run(1, 1_700, 3_000, 0)];

describe('PUSH-RATE-001 per run', () => {
  it('passes two runs that each stay within 5/s, though together they crowd one second', () => {
    expect(findings(RATE_WITHIN_QUOTA, evidence({ runs: twoRuns, journal: backToBack }))).toEqual([]);
  });

  it('still fails a run that crowds one second itself, naming the run', () => {
    const journal = [...backToBack, write(1_750)];
    const [finding] = findings(RATE_WITHIN_QUOTA, evidence({ runs: twoRuns, journal }));
    expect(finding?.message).toMatch(/^Run 2: 6 write\/status calls within 1000 ms \(limit 5\)/);
  });

  it('is skipped when no run made more calls than the quota', () => {
    expect(skipReason(RATE_WITHIN_QUOTA, evidence({ journal: [write(0), write(10)] }))).toMatch(
      /no run made more than 5 write\/status calls/,
    );
  });
});

describe('PUSH-RATE-002 per run', () => {
  it('does not hold run 2 to a 429 run 1 got just before it ended', () => {
    const journal = [write(1_400, 429, { 'x-ratelimit-reset': '1' }), write(1_750)];
    expect(skipReason(RATE_HONOURS_RESET, evidence({ runs: twoRuns, journal }))).toMatch(/same run/);
  });

  it('reads a fractional X-RateLimit-Reset: a retry 10 ms after "0.5" is early', () => {
    const journal = [write(100, 429, { 'x-ratelimit-reset': '0.5' }), write(120)];
    const [finding] = findings(RATE_HONOURS_RESET, evidence({ journal }));
    expect(finding?.message).toBe(
      '1 time(s) the next call of the quota came before X-RateLimit-Reset had passed.',
    );
  });
});

describe('PUSH-RATE-003 growing waits after 503', () => {
  it('fails 503s retried every 300 ms, though never more than four in a second', () => {
    const journal = [0, 305, 610, 915, 1_220, 1_525, 1_830].map(unavailable);
    const [finding] = findings(RATE_NO_RETRY_STORM, evidence({ journal }));
    expect(finding?.message).toMatch(
      /^7 calls in a row answered 503, retried after waits of 300 ms, .*the wait does not grow\.$/,
    );
  });

  it('passes exponential back-off (1 s, 2 s, 4 s)', () => {
    const journal = [...[0, 1_005, 3_010, 7_015].map(unavailable), write(7_100)];
    expect(findings(RATE_NO_RETRY_STORM, evidence({ journal }))).toEqual([]);
  });

  it('does not judge growth from two refusals only', () => {
    const journal = [unavailable(0), unavailable(300), write(700)];
    expect(findings(RATE_NO_RETRY_STORM, evidence({ journal }))).toEqual([]);
  });
});
