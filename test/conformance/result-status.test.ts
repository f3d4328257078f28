// The shared verdict: advisories never fail, all-skipped is "not judged" (never passed), causes are grouped once.
import { describe, expect, it } from 'vitest';
import { groupFindings } from '../../src/conformance/result/group-findings.js';
import { formatRequestRef, type RequestRef } from '../../src/conformance/result/request-ref.js';
import type { RuleResult, ScenarioResult } from '../../src/conformance/result/result-model.js';
import { exitCodeOf, runStatus, scenarioStatus } from '../../src/conformance/result/summarise.js';

const ref = (status: number, seq = 1): RequestRef => ({
  seq,
  time: '2026-09-01T08:00:00.000Z',
  timeMs: 0,
  method: 'GET',
  path: '/persons',
  query: 'limit=1',
  status,
  requestBytes: 0,
  responseBytes: 321,
});

const rule = (id: string, status: RuleResult['status'], extra: Partial<RuleResult> = {}): RuleResult => ({
  ruleId: id,
  family: 'AUTH',
  title: id,
  severity: 'blocker',
  status,
  findings: [],
  why: 'w',
  fix: `fix of ${id}`,
  sources: [],
  params: {},
  ...extra,
});

describe('scenario and run status', () => {
  it('a scenario whose every rule was skipped is skipped, not passed', () => {
    expect(scenarioStatus([rule('A', 'skipped'), rule('B', 'skipped')])).toBe('skipped');
    expect(scenarioStatus([rule('A', 'skipped'), rule('B', 'passed')])).toBe('passed');
  });

  it('advisories do not fail a scenario', () => {
    expect(scenarioStatus([rule('A', 'advised'), rule('B', 'passed')])).toBe('passed');
    expect(scenarioStatus([rule('A', 'advised'), rule('B', 'failed')])).toBe('failed');
  });

  it('a run of only skipped scenarios exits 2; some skipped beside judged ones change nothing', () => {
    expect(runStatus([{ status: 'skipped' }, { status: 'skipped' }])).toBe('skipped');
    expect(exitCodeOf('skipped')).toBe(2);
    expect(runStatus([{ status: 'skipped' }, { status: 'passed' }])).toBe('passed');
    expect(exitCodeOf(runStatus([{ status: 'skipped' }, { status: 'failed' }]))).toBe(1);
  });
});

describe('evidence lines', () => {
  it("show the query, the answer's size and rate facts", () => {
    expect(formatRequestRef(ref(200))).toBe('08:00:00.000 GET /persons?limit=1 → 200 (321 B)');
    expect(formatRequestRef({ ...ref(429), rate: { reset: '0.5', waitedMs: 12.4 } })).toBe(
      '08:00:00.000 GET /persons?limit=1 → 429 (321 B; X-RateLimit-Reset 0.5, waited 12 ms)',
    );
    expect(formatRequestRef(ref(0))).toBe('08:00:00.000 GET /persons?limit=1 → no answer');
  });
});

describe('grouped findings', () => {
  const scenario = (
    rules: RuleResult[],
    statuses: number[],
  ): Pick<ScenarioResult, 'rules' | 'traffic' | 'target'> => ({
    target: 'ss12000',
    rules,
    traffic: statuses.map((status, i) => ({
      ...ref(status, i + 1),
      component: 'ss12000-client',
      kind: 'read',
      durationMs: 1,
      offsetMs: i,
    })),
  });
  const failing = (id: string, status: number) =>
    rule(id, 'failed', { findings: [{ message: `${id} answered ${status}`, requests: [ref(status)] }] });

  it('leads with "every call answered 500" for the rules an API answering 500 fails', () => {
    const rules = ['PULL-AUTH-001', 'PULL-AUTH-002', 'PULL-AUTH-009'].map((id) => failing(id, 500));
    const [group, ...rest] = groupFindings(scenario(rules, [500, 500, 500]));
    expect(group).toMatchObject({
      cause: 'every call answered 500',
      ruleIds: ['PULL-AUTH-001', 'PULL-AUTH-002', 'PULL-AUTH-009'],
    });
    expect(group?.fix).toMatch(/why the API answers 500/);
    expect(rest).toEqual([]);
  });

  it('groups rules with one fix once, and leaves a lone failure alone', () => {
    const shared = { fix: 'Verify the token.' };
    const rules = [
      rule('PULL-AUTH-001', 'failed', { ...shared, findings: [{ message: 'x', requests: [ref(200)] }] }),
      rule('PULL-AUTH-002', 'failed', { ...shared, findings: [{ message: 'y', requests: [ref(200)] }] }),
      rule('PULL-SUB-001', 'failed', { family: 'SUB', findings: [{ message: 'z' }] }),
    ];
    expect(groupFindings(scenario(rules, [200, 200]))).toEqual([
      {
        cause: '2 AUTH rules fail for one reason: every call in their evidence was answered 200',
        ruleIds: ['PULL-AUTH-001', 'PULL-AUTH-002'],
        fix: 'Verify the token.',
      },
    ]);
  });
});
