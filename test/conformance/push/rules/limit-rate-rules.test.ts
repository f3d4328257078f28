// LIMIT and RATE rules judged on hand-built evidence: a passing and a failing case each.
import { describe, expect, it } from 'vitest';
import {
  LIMIT_NO_OVERSIZED_BODY,
  LIMIT_SPLITS_LARGE_SETS,
} from '../../../../src/conformance/push/rules/limit-rules.js';
import {
  RATE_HONOURS_RESET,
  RATE_NO_RETRY_STORM,
  RATE_WITHIN_QUOTA,
} from '../../../../src/conformance/push/rules/rate-rules.js';
import { formatRateFacts } from '../../../../src/conformance/result/request-ref.js';
import { call, evidence, job, person, sets } from '../evidence-builder.js';
import { findings, skipReason } from './judge.js';

const write = (at: number, status = 202, headers: Record<string, string> = {}) =>
  call({ at, method: 'POST', path: '/persons/bulk', status, size: 1000, responseHeaders: headers });

describe('PUSH-LIMIT-001 no body over the limit', () => {
  it('passes at exactly the limit', () => {
    const e = evidence({
      journal: [call({ at: 0, method: 'POST', path: '/persons/bulk', size: 204_800, status: 202 })],
    });
    expect(findings(LIMIT_NO_OVERSIZED_BODY, e)).toEqual([]);
  });

  it('fails one byte over, showing the call', () => {
    const e = evidence({
      journal: [call({ at: 0, method: 'POST', path: '/persons/bulk', size: 204_801, status: 413 })],
    });
    expect(findings(LIMIT_NO_OVERSIZED_BODY, e)[0]?.requests?.[0]).toMatchObject({
      status: 413,
      requestBytes: 204_801,
    });
  });
});

describe('PUSH-LIMIT-002 large sets are split', () => {
  const ids = Array.from({ length: 30 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
  const big = sets({ persons: ids.map((id) => person(id, 'x'.repeat(40))) });

  it('is skipped when every set fits one call', () => {
    expect(skipReason(LIMIT_SPLITS_LARGE_SETS, evidence())).toMatch(/no set/);
  });

  it('passes when every person arrived in some accepted job', () => {
    const e = evidence({
      settings: { ...evidence().settings, payloadLimit: 1000 },
      datasets: [big],
      jobs: [
        job(
          'a',
          'persons',
          0,
          ids.slice(0, 15).map((id) => [id, 'Success']),
        ),
        job(
          'b',
          'persons',
          300,
          ids.slice(15).map((id) => [id, 'Success']),
        ),
      ],
    });
    expect(findings(LIMIT_SPLITS_LARGE_SETS, e)).toEqual([]);
  });

  it('fails when the unsplit call was refused and nothing else was sent', () => {
    const e = evidence({
      settings: { ...evidence().settings, payloadLimit: 1000 },
      datasets: [big],
      journal: [call({ at: 0, method: 'POST', path: '/persons/bulk', size: 3000, status: 413 })],
    });
    const [finding] = findings(LIMIT_SPLITS_LARGE_SETS, e);
    expect(finding?.message).toMatch(/^30 of 30 persons never reached the API/);
    expect(finding?.requests?.[0]?.status).toBe(413);
  });
});

describe('PUSH-RATE-001 within 5 calls per second', () => {
  it('passes at one call per 200 ms', () => {
    const e = evidence({ journal: Array.from({ length: 20 }, (_, i) => write(i * 200)) });
    expect(findings(RATE_WITHIN_QUOTA, e)).toEqual([]);
  });

  it('counts job polls with writes and fails at six in one second', () => {
    const journal = [
      ...[0, 100, 200, 300, 400].map((at) => write(at)),
      call({ at: 500, path: '/persons/bulk/jobs/j/isCompleted' }),
      call({ at: 600, path: '/persons' }),
    ];
    const [finding] = findings(RATE_WITHIN_QUOTA, evidence({ journal }));
    expect(finding?.message).toMatch(/^6 write\/status calls within 1000 ms/);
    expect(finding?.requests).toHaveLength(6);
  });

  it('tolerates jitter within toleranceMs', () => {
    const e = evidence({ journal: [0, 200, 400, 600, 800, 970].map((at) => write(at)) });
    expect(findings(RATE_WITHIN_QUOTA, e)).toEqual([]);
  });
});

describe('PUSH-RATE-002 waits X-RateLimit-Reset', () => {
  it('is skipped without a 429', () => {
    expect(skipReason(RATE_HONOURS_RESET, evidence({ journal: [write(0)] }))).toMatch(/never got a 429/);
  });

  it('passes when the next call waits the reset (decimal seconds accepted)', () => {
    const e = evidence({ journal: [write(0, 429, { 'x-ratelimit-reset': '0.5' }), write(520)] });
    expect(findings(RATE_HONOURS_RESET, e)).toEqual([]);
  });

  it('fails when the next call comes before the reset', () => {
    const e = evidence({
      journal: [
        write(0, 429, { 'x-ratelimit-reset': '1' }),
        write(30, 429, { 'x-ratelimit-reset': '1' }),
        write(1100),
      ],
    });
    const [finding] = findings(RATE_HONOURS_RESET, e);
    expect(finding?.requests?.map((r) => r.timeMs - e.journal[0]!.timeMs)).toEqual([0, 30]);
  });

  it("shows each refusal's X-RateLimit-Reset and the gap the client actually waited", () => {
    const e = evidence({
      journal: [
        write(0, 429, { 'x-ratelimit-reset': '0.5' }),
        write(40, 429, { 'x-ratelimit-reset': '0.5' }),
      ],
    });
    const [finding] = findings(RATE_HONOURS_RESET, e);
    const [refused, next] = finding?.requests ?? [];
    expect(refused?.rate).toEqual({ reset: '0.5' });
    expect(next?.rate?.reset).toBe('0.5');
    expect(next?.rate?.waitedMs).toBe(40 - (e.journal[0]!.durationMs ?? 0));
    expect(formatRateFacts(next?.rate)).toMatch(/^X-RateLimit-Reset 0\.5, waited \d+ ms$/);
  });
});

describe('PUSH-RATE-003 no retry storms', () => {
  it('passes with backed-off retries of a 503', () => {
    const e = evidence({ journal: [0, 250, 750, 1750, 3750].map((at) => write(at, 503)) });
    expect(findings(RATE_NO_RETRY_STORM, e)).toEqual([]);
  });

  it('fails when refusals pile up within a second', () => {
    const e = evidence({ journal: Array.from({ length: 10 }, (_, i) => write(i * 50, 503)) });
    expect(findings(RATE_NO_RETRY_STORM, e)[0]?.message).toMatch(/^10 refused calls/);
  });
});
