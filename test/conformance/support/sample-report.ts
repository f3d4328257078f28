// A hand-built report for reporter tests: a failing scenario with awkward characters, and a harness error.
import type {
  ConformanceReport,
  RuleResult,
  ScenarioResult,
} from '../../../src/conformance/result/result-model.js';
import { summarise } from '../../../src/conformance/result/summarise.js';
import { T0 } from '../push/evidence-builder.js';

const rule = (id: string, status: RuleResult['status'], extra: Partial<RuleResult> = {}): RuleResult => ({
  ruleId: id,
  family: 'RATE',
  title: `Title of ${id}`,
  severity: 'major',
  status,
  findings: [],
  why: 'Because Skolverket says so.',
  fix: 'Pace the calls <5/s> & "back off".',
  sources: [
    { title: 'Changelog', url: 'https://github.com/skolverket/dnp-usermanagement/blob/HEAD/CHANGELOG.md' },
  ],
  params: {},
  ...extra,
});

const failing: ScenarioResult = {
  id: 'rate-limit-storm',
  title: 'Rate-limit storm',
  description: 'Quota lowered to 2/s; the client must back off.',
  file: 'scenarios/rate-limit-storm.yaml',
  target: 'push',
  status: 'failed',
  startedAt: new Date(T0).toISOString(),
  durationMs: 4000,
  runs: [
    {
      index: 0,
      startedAt: new Date(T0 + 100).toISOString(),
      durationMs: 3500,
      exitCode: 1,
      signal: null,
      timedOut: false,
      outputTail: '\u001b[31merror\u001b[39m: 429 <retry> & give up\u0000',
    },
  ],
  rules: [
    rule('PUSH-RATE-001', 'passed'),
    rule('PUSH-RATE-002', 'failed', {
      findings: [
        {
          message: '1 time(s) the next call came before X-RateLimit-Reset had passed & <oops>.',
          requests: [
            {
              seq: 7,
              time: new Date(T0 + 1000).toISOString(),
              timeMs: T0 + 1000,
              method: 'POST',
              path: '/provtjanst/provisioning/v1/persons/bulk',
              status: 429,
              requestBytes: 1200,
              responseBytes: 54,
              rate: { reset: '0.5' },
            },
            {
              seq: 8,
              time: new Date(T0 + 1010).toISOString(),
              timeMs: T0 + 1010,
              method: 'POST',
              path: '/provtjanst/provisioning/v1/persons/bulk',
              status: 429,
              requestBytes: 1200,
              responseBytes: 54,
              rate: { reset: '0.5', waitedMs: 10 },
            },
          ],
        },
      ],
    }),
    rule('PUSH-AUTH-002', 'skipped', { skipReason: 'the scenario served no forged token' }),
    rule('PUSH-JOB-009', 'advised', {
      severity: 'advisory',
      findings: [{ message: 'A spelling Skolverket tolerates.' }],
    }),
  ],
  traffic: [
    {
      seq: 1,
      time: new Date(T0 + 200).toISOString(),
      timeMs: T0 + 200,
      method: 'POST',
      path: '/transaction',
      status: 200,
      requestBytes: 300,
      responseBytes: 900,
      component: 'auth',
      kind: 'token',
      durationMs: 30,
      offsetMs: 200,
    },
    {
      seq: 7,
      time: new Date(T0 + 1000).toISOString(),
      timeMs: T0 + 1000,
      method: 'POST',
      path: '/provtjanst/provisioning/v1/persons/bulk',
      status: 429,
      requestBytes: 1200,
      responseBytes: 54,
      component: 'provisioning',
      kind: 'write',
      durationMs: 3,
      offsetMs: 1000,
    },
    {
      seq: 8,
      time: new Date(T0 + 1010).toISOString(),
      timeMs: T0 + 1010,
      method: 'POST',
      path: '/provtjanst/provisioning/v1/persons/bulk',
      status: 429,
      requestBytes: 1200,
      responseBytes: 54,
      component: 'provisioning',
      kind: 'write',
      durationMs: 3,
      offsetMs: 1010,
    },
    {
      seq: 9,
      time: new Date(T0 + 2100).toISOString(),
      timeMs: T0 + 2100,
      method: 'GET',
      path: '/provtjanst/provisioning/v1/persons/bulk/jobs/x/isCompleted',
      query: 'wait=1',
      status: 200,
      requestBytes: 0,
      responseBytes: 17,
      component: 'provisioning',
      kind: 'status',
      durationMs: 2,
      offsetMs: 2100,
    },
  ],
};

const broken: ScenarioResult = {
  id: 'happy-path',
  title: 'Happy path',
  description: 'All well.',
  file: 'scenarios/happy-path.yaml',
  target: 'push',
  status: 'error',
  startedAt: new Date(T0 + 5000).toISOString(),
  durationMs: 50,
  runs: [],
  rules: [rule('PUSH-AUTH-001', 'error', { error: 'not evaluated: could not start the client command' })],
  traffic: [],
  harnessError: 'could not start the client command',
};

const notJudged: ScenarioResult = {
  id: 'token-expiry',
  title: 'Token expiry',
  description: 'Nothing to judge.',
  file: 'scenarios/token-expiry.yaml',
  target: 'push',
  status: 'skipped',
  startedAt: new Date(T0 + 5100).toISOString(),
  durationMs: 40,
  runs: [],
  rules: [rule('PUSH-AUTH-004', 'skipped', { skipReason: 'the client made no call' })],
  traffic: [],
};

export function sampleReport(): ConformanceReport {
  return summarise({
    client: 'node "client.mjs"',
    version: '0.1.0',
    startedMs: T0,
    finishedMs: T0 + 6000,
    scenarios: [failing, broken, notJudged],
  });
}
