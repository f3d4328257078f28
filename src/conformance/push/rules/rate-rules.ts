// RATE rules: at most 5 write+status calls in any second, X-RateLimit-Reset honoured after a 429, no retry storms.
import { z } from 'zod';
import { type RequestRef, toRequestRef } from '../../result/request-ref.js';
import { defineRule, type Finding, firstRequests } from '../../rule/rule.js';
import { SOURCES } from '../../rule/sources.js';
import { isWriteQuotaCall, rateLimitResetSeconds } from '../evidence/endpoint.js';
import type { Evidence } from '../evidence/evidence.js';
import {
  answeredMs,
  callsInRun,
  type Entry,
  isRefusal,
  provisioningCalls,
  unavailabilityStreaks,
} from '../evidence/traffic.js';

/** The densest stretch: the most entries whose start times fall within `windowMs` of each other. */
export function densestWindow(entries: readonly Entry[], windowMs: number): Entry[] {
  let best: Entry[] = [];
  let start = 0;
  for (let end = 0; end < entries.length; end += 1) {
    const last = entries[end] as Entry;
    while ((entries[start] as Entry).timeMs <= last.timeMs - windowMs) start += 1;
    if (end - start + 1 > best.length) best = entries.slice(start, end + 1);
  }
  return best;
}

/** Write and status calls of each run (one list per run; the whole journal when no run was recorded). */
function quotaCallsPerRun(evidence: Evidence): Entry[][] {
  if (evidence.runs.length === 0) return [provisioningCalls(evidence).filter(isWriteQuotaCall)];
  return evidence.runs.map((run) => callsInRun(evidence, run).filter(isWriteQuotaCall));
}

function runLabel(evidence: Evidence, index: number): string {
  return evidence.runs.length > 1 ? `Run ${index + 1}: ` : '';
}

/**
 * Each 429 with the next call of its quota in the same run. Only calls sent after the 429 arrived count:
 * one already in flight could not know; and a new run is a new process, which cannot know either.
 */
function afterRefusals(evidence: Evidence): Array<{ refusal: Entry; next: Entry }> {
  return quotaCallsPerRun(evidence).flatMap((calls) =>
    calls.flatMap((refusal, i) => {
      if (refusal.status !== 429) return [];
      const next = calls.slice(i + 1).find((c) => c.timeMs >= answeredMs(refusal));
      return next ? [{ refusal, next }] : [];
    }),
  );
}

export const RATE_WITHIN_QUOTA = defineRule({
  id: 'PUSH-RATE-001',
  family: 'RATE',
  title: 'Stays within 5 write and status calls per second',
  severity: 'major',
  why:
    'Since 2026-01-19 bulk writes and job-status calls share a quota of 5 calls per second per client IP; over ' +
    'it the API answers 429 (LogEntry 5021). A client that paces itself never loses a call to the quota.',
  sources: [SOURCES.changelog131, SOURCES.openApi],
  fix:
    'Put every write and job-status call through one limiter (a token bucket or a sliding window of 5 per ' +
    'second, with a little margin); reads have their own quota of 10 per second.',
  params: z.object({
    limit: z.number().int().min(1).default(5).describe('Calls allowed in any window (Skolverket: 5).'),
    windowMs: z.number().int().min(1).default(1000).describe('Length of the sliding window in ms.'),
    toleranceMs: z
      .number()
      .int()
      .min(0)
      .default(50)
      .describe(
        'Timing slack: the window judged is windowMs minus this, so network jitter is not a failure.',
      ),
  }),
  skipUnless: (evidence, params) =>
    quotaCallsPerRun(evidence).some((calls) => calls.length > params.limit)
      ? undefined
      : `no run made more than ${params.limit} write/status calls, too few to exceed the quota`,
  check(evidence, params) {
    const findings: Finding[] = [];
    for (const [index, calls] of quotaCallsPerRun(evidence).entries()) {
      const worst = densestWindow(calls, Math.max(1, params.windowMs - params.toleranceMs));
      if (worst.length <= params.limit) continue;
      findings.push({
        message:
          `${runLabel(evidence, index)}${worst.length} write/status calls within ${params.windowMs} ms ` +
          `(limit ${params.limit}), starting at ${worst[0]?.time}.`,
        requests: firstRequests(worst.map(toRequestRef), 20),
      });
    }
    return findings;
  },
});

/** Each entry once, in journal order. */
function inSeqOrder(entries: readonly Entry[]): Entry[] {
  return [...new Map(entries.map((e) => [e.seq, e])).values()].sort((a, b) => a.seq - b.seq);
}

/**
 * A sequence of calls as evidence lines with their rate facts: each refused call shows the
 * X-RateLimit-Reset it was answered with, each call after a refusal the gap the client actually waited.
 */
function withRateFacts(calls: readonly Entry[]): RequestRef[] {
  return calls.map((entry, i) => {
    const ref = toRequestRef(entry);
    const reset = entry.responseHeaders['x-ratelimit-reset'];
    const before = i > 0 ? calls[i - 1] : undefined;
    const waitedMs = before && isRefusal(before) ? entry.timeMs - answeredMs(before) : undefined;
    if (reset === undefined && waitedMs === undefined) return ref;
    return {
      ...ref,
      rate: { ...(reset !== undefined ? { reset } : {}), ...(waitedMs !== undefined ? { waitedMs } : {}) },
    };
  });
}

export const RATE_HONOURS_RESET = defineRule({
  id: 'PUSH-RATE-002',
  family: 'RATE',
  title: 'Waits X-RateLimit-Reset after a 429',
  severity: 'major',
  why:
    'A 429 says the quota is spent until the window resets; X-RateLimit-Reset says when, in seconds (an ' +
    "integer, or a decimal such as 0.5: the spec allows both). Skolverket's changelog asks for back-off and " +
    'retry. Every call before the reset is refused again and only prolongs the overload.',
  sources: [SOURCES.changelog131, SOURCES.openApi],
  fix:
    'On 429, read X-RateLimit-Reset as a decimal number of seconds and hold every call of that quota ' +
    '(writes and job status together) until it has passed; then retry the refused call.',
  params: z.object({
    toleranceMs: z.number().int().min(0).default(50).describe('Timing slack for the wait, in ms.'),
  }),
  skipUnless(evidence) {
    if (!provisioningCalls(evidence).some((e) => e.status === 429)) return 'the client never got a 429';
    return afterRefusals(evidence).length > 0
      ? undefined
      : 'no call of the quota followed a 429 in the same run';
  },
  check(evidence, params) {
    const early: Entry[] = [];
    let times = 0;
    for (const { refusal, next } of afterRefusals(evidence)) {
      const reset = rateLimitResetSeconds(refusal) ?? 1;
      const notBefore = refusal.timeMs + reset * 1000 - params.toleranceMs;
      if (next.timeMs < notBefore) {
        times += 1;
        early.push(refusal, next);
      }
    }
    if (early.length === 0) return [];
    return [
      {
        message: `${times} time(s) the next call of the quota came before X-RateLimit-Reset had passed.`,
        requests: firstRequests(withRateFacts(inSeqOrder(early)), 20),
      },
    ];
  },
});

export const RATE_NO_RETRY_STORM = defineRule({
  id: 'PUSH-RATE-003',
  family: 'RATE',
  title: 'Backs off instead of retrying in a storm',
  severity: 'major',
  why:
    'When the API says 429 (quota spent) or 503 (5022, service unavailable), retrying at once multiplies the ' +
    'load on a service that is already struggling, for every huvudman. Retries must back off, and grow the ' +
    'wait while the refusals go on: a 503 retried every 300 ms keeps hammering a service that is down.',
  sources: [SOURCES.changelog131, SOURCES.openApi],
  fix: 'Retry 429 and 503 with exponential back-off and jitter (for example 0.5 s, 1 s, 2 s … up to a cap).',
  params: z.object({
    maxRefusals: z
      .number()
      .int()
      .min(1)
      .default(4)
      .describe('Refused calls (429/503) tolerated in any window.'),
    windowMs: z.number().int().min(1).default(1000).describe('Length of the sliding window in ms.'),
    minGrowth: z
      .number()
      .min(1)
      .default(1.5)
      .describe(
        'In a run of three or more 503s in a row, the longest later wait must be at least this many times the first.',
      ),
  }),
  skipUnless: (evidence) =>
    provisioningCalls(evidence).some(isRefusal) ? undefined : 'the client was never refused with 429 or 503',
  check(evidence, params) {
    const findings: Finding[] = [];
    const refusals = provisioningCalls(evidence).filter(isRefusal);
    const worst = densestWindow(refusals, params.windowMs);
    if (worst.length > params.maxRefusals) {
      findings.push({
        message: `${worst.length} refused calls (429/503) within ${params.windowMs} ms: retries do not back off.`,
        requests: firstRequests(worst.map(toRequestRef), 20),
      });
    }
    for (const streak of unavailabilityStreaks(evidence)) {
      if (streak.length < 3) continue;
      const waits = streak.slice(1).map((e, i) => e.timeMs - answeredMs(streak[i] as Entry));
      const first = waits[0] as number;
      const longestLater = Math.max(...waits.slice(1));
      if (longestLater >= first * params.minGrowth) continue;
      findings.push({
        message:
          `${streak.length} calls in a row answered 503, retried after waits of ` +
          `${waits.map((w) => `${w} ms`).join(', ')}: the wait does not grow.`,
        requests: firstRequests(withRateFacts(streak), 20),
      });
    }
    return findings;
  },
});

export const RATE_RULES = [RATE_WITHIN_QUOTA, RATE_HONOURS_RESET, RATE_NO_RETRY_STORM];
