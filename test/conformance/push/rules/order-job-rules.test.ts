// ORDER and JOB rules judged on hand-built evidence: a passing and a failing case each.
import { describe, expect, it } from 'vitest';
import {
  JOB_FOLLOWED,
  JOB_GENTLE_POLLING,
  JOB_NO_ERROR_LOOP,
  JOB_RESENDS_TEMPORARY,
} from '../../../../src/conformance/push/rules/job-rules.js';
import { ORDER_DEPENDENCIES_SETTLED } from '../../../../src/conformance/push/rules/order-rules.js';
import { A1, call, D1, evidence, G1, P1, P2, person, submitted } from '../evidence-builder.js';
import { findings, skipReason } from './judge.js';

const poll = (jobId: string, at: number, done: boolean, resource = 'persons') =>
  call({ at, path: `/${resource}/bulk/jobs/${jobId}/isCompleted`, responseBody: String(done) });

describe('PUSH-ORDER-001 dependencies settle first', () => {
  it('passes when each level waits for the previous one to settle', () => {
    const p = submitted(
      'persons',
      0,
      [
        [P1, 'Success'],
        [P2, 'Success'],
      ],
      { settleAfter: 100 },
    );
    const d = submitted('duties', 200, [[D1, 'Success']], { settleAfter: 100 });
    const g = submitted('groups', 400, [[G1, 'Warning']], { settleAfter: 100 });
    const a = submitted('activities', 600, [[A1, 'Success']]);
    const e = evidence({ journal: [p.entry, d.entry, g.entry, a.entry], jobs: [p.job, d.job, g.job, a.job] });
    expect(findings(ORDER_DEPENDENCIES_SETTLED, e)).toEqual([]);
  });

  it('fails when duties are sent while their persons are still Pending', () => {
    const p = submitted(
      'persons',
      0,
      [
        [P1, 'Success'],
        [P2, 'Success'],
      ],
      { settleAfter: 2000 },
    );
    const d = submitted('duties', 10, [[D1, 'Error']]);
    const e = evidence({ journal: [p.entry, d.entry], jobs: [p.job, d.job] });
    const [finding] = findings(ORDER_DEPENDENCIES_SETTLED, e);
    expect(finding?.message).toMatch(/^duties job job-duties-10 carried 1 item\(s\) sent before 1 object/);
    expect(finding?.requests?.[0]?.path).toBe('/provtjanst/provisioning/v1/duties/bulk');
  });
});

describe('PUSH-JOB-001 jobs followed to completion', () => {
  it('passes when every job is polled until complete and its result read', () => {
    const p = submitted('persons', 0, [[P1, 'Success']]);
    const body = JSON.stringify({
      jobId: p.job.jobId,
      responses: [{ id: P1, response: { status: 'Success' } }],
    });
    const e = evidence({
      journal: [
        p.entry,
        poll(p.job.jobId, 50, false),
        poll(p.job.jobId, 300, true),
        call({ at: 320, path: `/persons/bulk/jobs/${p.job.jobId}`, responseBody: body }),
      ],
      jobs: [p.job],
    });
    expect(findings(JOB_FOLLOWED, e)).toEqual([]);
  });

  it('fails when isCompleted turned true but the result was never read', () => {
    const p = submitted('persons', 0, [[P1, 'Success']]);
    const e = evidence({
      journal: [p.entry, poll(p.job.jobId, 50, false), poll(p.job.jobId, 300, true)],
      jobs: [p.job],
    });
    expect(findings(JOB_FOLLOWED, e).map((f) => f.message)).toEqual([
      '1 of 1 job(s) were seen completed (isCompleted true) but their result (the items, with Errors and ' +
        'Warnings) was never read.',
    ]);
  });

  it('accepts reading the job itself with no Pending item', () => {
    const p = submitted('persons', 0, [[P1, 'Success']]);
    const body = JSON.stringify({
      jobId: p.job.jobId,
      responses: [{ id: P1, response: { status: 'Success' } }],
    });
    const e = evidence({
      journal: [p.entry, call({ at: 300, path: `/persons/bulk/jobs/${p.job.jobId}`, responseBody: body })],
      jobs: [p.job],
    });
    expect(findings(JOB_FOLLOWED, e)).toEqual([]);
  });

  it('fails for a job nobody asked about', () => {
    const p = submitted('persons', 0, [[P1, 'Success']]);
    const e = evidence({ journal: [p.entry, poll(p.job.jobId, 50, false)], jobs: [p.job] });
    expect(findings(JOB_FOLLOWED, e)[0]?.requests?.[0]?.path).toBe(
      '/provtjanst/provisioning/v1/persons/bulk',
    );
  });
});

describe('PUSH-JOB-002 gentle polling', () => {
  it('passes when "not yet" is followed by a pause', () => {
    const p = submitted('persons', 0, [[P1, 'Success']]);
    const e = evidence({
      journal: [p.entry, poll('j', 10, false), poll('j', 260, false), poll('j', 760, true)],
      jobs: [p.job],
    });
    expect(findings(JOB_GENTLE_POLLING, e)).toEqual([]);
  });

  it('fails on polls 20 ms apart', () => {
    const p = submitted('persons', 0, [[P1, 'Success']]);
    const e = evidence({
      journal: [p.entry, ...[10, 30, 50, 70].map((at, i) => poll('j', at, i === 3))],
      jobs: [p.job],
    });
    expect(findings(JOB_GENTLE_POLLING, e)[0]?.requests).toHaveLength(3);
  });
});

describe('PUSH-JOB-003 TemporaryError resent', () => {
  it('is skipped when nothing settled as TemporaryError', () => {
    const p = submitted('persons', 0, [[P1, 'Success']]);
    expect(skipReason(JOB_RESENDS_TEMPORARY, evidence({ jobs: [p.job] }))).toMatch(/TemporaryError/);
  });

  it('passes when the item goes out again in a later job', () => {
    const first = submitted('persons', 0, [
      [P1, 'Success'],
      [P2, 'TemporaryError'],
    ]);
    const again = submitted('persons', 1000, [[P2, 'Success']]);
    expect(findings(JOB_RESENDS_TEMPORARY, evidence({ jobs: [first.job, again.job] }))).toEqual([]);
  });

  it('fails when the item is dropped', () => {
    const first = submitted('persons', 0, [
      [P1, 'Success'],
      [P2, 'TemporaryError'],
    ]);
    const e = evidence({ journal: [first.entry], jobs: [first.job] });
    expect(findings(JOB_RESENDS_TEMPORARY, e)[0]?.message).toMatch(
      /^1 TemporaryError item\(s\) were never sent again/,
    );
  });
});

describe('PUSH-JOB-004 Error items not looped', () => {
  const bad = person(P1, 'Anna');
  const sendBad = (at: number, given = 'Anna') =>
    submitted('persons', at, [[P1, 'Error']], { body: { data: [{ ...bad, givenName: given }] } });

  it('passes when an Error item is sent once, and again only after it changed', () => {
    const a = sendBad(0);
    const b = sendBad(1000, 'Anne');
    expect(
      findings(JOB_NO_ERROR_LOOP, evidence({ journal: [a.entry, b.entry], jobs: [a.job, b.job] })),
    ).toEqual([]);
  });

  it('fails when the same Error item is sent again and again', () => {
    const sends = [0, 1000, 2000, 3000].map((at) => sendBad(at));
    const e = evidence({ journal: sends.map((s) => s.entry), jobs: sends.map((s) => s.job) });
    const [finding] = findings(JOB_NO_ERROR_LOOP, e);
    expect(finding?.message).toBe(`persons ${P1} settled as Error and was sent unchanged 3 more time(s).`);
    expect(finding?.requests).toHaveLength(4);
  });
});
