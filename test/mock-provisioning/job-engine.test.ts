// The job engine on a controlled clock: delay, per-organisation order, chunking of large jobs, idle().
import { describe, expect, it } from 'vitest';
import { createControlledClock } from '../../src/clock/index.js';
import type { Job, JobItem } from '../../src/mock-provisioning/job.js';
import { JobEngine } from '../../src/mock-provisioning/job-engine.js';
import { ProvisioningEvents } from '../../src/mock-provisioning/provisioning-events.js';
import { nthId } from './fixtures.js';

function engineWith(delayMs: number, chunkSize = 2000) {
  const clock = createControlledClock();
  const settled: string[] = [];
  const events = new ProvisioningEvents();
  const engine = new JobEngine({
    clock,
    events,
    delayMs: () => delayMs,
    retentionMs: () => 60_000,
    chunkSize,
    settler: {
      settle(job: Job, item: JobItem) {
        settled.push(`${job.organisationId}:${item.id}`);
        item.status = 'Success';
        item.statusCode = 201;
      },
    },
  });
  const submit = (org: string, ids: string[], extraDelayMs = 0) =>
    engine.submit(
      {
        organisationId: org,
        resource: 'persons',
        operation: 'create',
        updateIfExists: false,
        requestId: 'r',
        items: ids.map((id) => ({ id, payload: {} })),
      },
      extraDelayMs,
    );
  return { clock, engine, settled, submit, events };
}

describe('JobEngine', () => {
  it('settles nothing before the delay and everything once it has passed', async () => {
    const { clock, engine, settled, submit } = engineWith(1000);
    const job = submit('A', ['a1', 'a2']);
    clock.advance(999);
    expect(settled).toEqual([]);
    expect(job.items.map((i) => i.status)).toEqual(['Pending', 'Pending']);
    clock.advance(1);
    await engine.idle();
    expect(settled).toEqual(['A:a1', 'A:a2']);
    expect(job.completedMs).toBe(clock.now());
  });

  it('never settles a later job of an organisation before an earlier one, even when it would be due first', async () => {
    const { clock, engine, settled, submit } = engineWith(0);
    submit('A', ['slow'], 5000);
    submit('A', ['fast']);
    submit('B', ['other']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toEqual(['B:other']);
    clock.advance(5000);
    await engine.idle();
    expect(settled).toEqual(['B:other', 'A:slow', 'A:fast']);
  });

  it('settles a large job in chunks, one macrotask each, and resolves idle() at the end', async () => {
    const { engine, settled, submit, events } = engineWith(0, 100);
    const completed: number[] = [];
    events.on('job:completed', (event) => completed.push(event.itemCount));
    const job = submit(
      'A',
      Array.from({ length: 1050 }, (_, n) => nthId(n)),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled.length).toBe(100);
    expect(job.completedMs).toBeUndefined();
    await engine.idle();
    expect(settled.length).toBe(1050);
    expect(completed).toEqual([1050]);
    expect(job.items.every((item) => item.payload === undefined)).toBe(true);
  });

  it("forgets an organisation's jobs on reset", async () => {
    const { engine, submit } = engineWith(10_000);
    submit('A', ['x']);
    engine.forget('A');
    await engine.idle();
    expect(engine.list('A')).toEqual([]);
  });
});

describe('JobEngine with independent resources and per-item time', () => {
  function independent() {
    const clock = createControlledClock();
    const settled: string[] = [];
    const engine = new JobEngine({
      clock,
      events: new ProvisioningEvents(),
      delayMs: () => 100,
      itemDelayMs: () => 10,
      independentResources: () => true,
      retentionMs: () => 60_000,
      settler: {
        settle(job: Job, item: JobItem) {
          settled.push(`${job.resource}:${item.id}`);
          item.status = 'Success';
        },
      },
    });
    const submit = (resource: 'persons' | 'duties', ids: string[]) =>
      engine.submit({
        organisationId: 'A',
        resource,
        operation: 'create',
        updateIfExists: false,
        requestId: 'r',
        items: ids.map((id) => ({ id, payload: {} })),
      });
    return { clock, engine, settled, submit };
  }

  it('settles a small later job of another resource before a large earlier one', async () => {
    const { clock, engine, settled, submit } = independent();
    const persons = submit('persons', ['p1', 'p2', 'p3', 'p4', 'p5', 'p6']); // due at 100 + 60
    const duties = submit('duties', ['d1']); // due at 100 + 10
    clock.advance(110);
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toEqual(['duties:d1']);
    expect(persons.items[0]?.status).toBe('Pending');
    clock.advance(50);
    await engine.idle();
    expect(settled).toEqual([
      'duties:d1',
      'persons:p1',
      'persons:p2',
      'persons:p3',
      'persons:p4',
      'persons:p5',
      'persons:p6',
    ]);
    expect(duties.completedMs).toBeLessThan(persons.completedMs as number);
  });

  it('keeps submission order within one resource', async () => {
    const { clock, engine, settled, submit } = independent();
    submit('persons', ['big1', 'big2', 'big3']);
    submit('persons', ['small']);
    clock.advance(1000);
    await engine.idle();
    expect(settled).toEqual(['persons:big1', 'persons:big2', 'persons:big3', 'persons:small']);
  });
});
