// Racing webhooks: one registration's jobs never overlap, and requests that wait are merged into one job.
import { describe, expect, it } from 'vitest';
import { createControlledClock } from '../../src/clock/index.js';
import { JobQueue } from '../../src/mock-ss12000-client/job-queue.js';
import type { SyncJob } from '../../src/mock-ss12000-client/sync-job.js';
import { parseWebhookNotification } from '../../src/mock-ss12000-client/webhook-notification.js';

function gatedQueue() {
  const clock = createControlledClock();
  const ran: SyncJob[] = [];
  let running = 0;
  let maxRunning = 0;
  let release: () => void = () => undefined;
  const queue = new JobQueue('u1', clock, async (job) => {
    running += 1;
    maxRunning = Math.max(maxRunning, running);
    ran.push(structuredClone(job));
    await new Promise<void>((resolve) => {
      release = resolve;
    });
    job.state = 'succeeded';
    running -= 1;
  });
  const started = async (n: number) => {
    while (ran.length < n) await new Promise((resolve) => setImmediate(resolve));
  };
  return { clock, queue, ran, started, release: () => release(), maxRunning: () => maxRunning };
}

describe('JobQueue', () => {
  it('runs one job at a time and folds waiting webhooks into one job', async () => {
    const { queue, ran, started, release, maxRunning } = gatedQueue();
    const first = queue.enqueue({
      kind: 'incremental',
      notifiedAtMs: 1000,
      modifiedAfterMs: 700,
      resources: ['Person'],
    });
    await started(1);
    const second = queue.enqueue({
      kind: 'incremental',
      notifiedAtMs: 3000,
      modifiedAfterMs: 2700,
      resources: ['Activity'],
    });
    const third = queue.enqueue({
      kind: 'incremental',
      notifiedAtMs: 2000,
      modifiedAfterMs: 1700,
      resources: ['Group'],
      deletedEntities: true,
    });
    expect(third).toBe(second);
    expect(second).not.toBe(first);
    release();
    await started(2);
    release();
    await queue.idle();

    expect(maxRunning()).toBe(1);
    expect(ran).toHaveLength(2);
    expect(ran[1]).toMatchObject({
      resources: ['Group', 'Activity'],
      deletedEntities: true,
      mergedNotifications: 1,
      // The earliest lookback covers what each webhook alone would have fetched.
      modifiedAfter: new Date(1700).toISOString(),
      notifiedAt: new Date(2000).toISOString(),
    });
  });

  it('lets a full sync absorb waiting webhooks', async () => {
    const { queue, ran, started, release } = gatedQueue();
    queue.enqueue({ kind: 'full', subscribe: true });
    await started(1);
    const waiting = queue.enqueue({
      kind: 'incremental',
      modifiedAfterMs: 5,
      resources: ['Person'],
      deletedEntities: true,
    });
    const full = queue.enqueue({ kind: 'full' });
    expect(full).toBe(waiting);
    expect(waiting).toMatchObject({ kind: 'full', deletedEntities: false });
    expect(waiting.resources).toEqual(['Organisation', 'Person', 'Group', 'Duty', 'Activity']);
    release();
    await started(2);
    release();
    await queue.idle();
    expect(ran.map((j) => j.kind)).toEqual(['full', 'full']);
  });

  it('puts resources in fetch order whatever order the webhook named them', () => {
    const { queue } = gatedQueue();
    const job = queue.enqueue({
      kind: 'incremental',
      resources: ['Activity', 'Person', 'Organisation', 'Person'],
    });
    expect(job.resources).toEqual(['Organisation', 'Person', 'Activity']);
    queue.stop();
    expect(job.state).toBe('cancelled');
    expect(() => queue.enqueue({ kind: 'full' })).toThrow(TypeError);
  });
});

describe('parseWebhookNotification', () => {
  it('reads the standard spelling modifiedEntites and the corrected modifiedEntities', () => {
    expect(parseWebhookNotification({ modifiedEntites: ['Person'], deletedEntities: true })).toEqual({
      ok: true,
      notification: { resources: ['Person'], deletedEntities: true, spelling: 'modifiedEntites' },
    });
    expect(parseWebhookNotification({ modifiedEntities: ['Duty'] })).toMatchObject({
      ok: true,
      notification: { resources: ['Duty'], deletedEntities: false, spelling: 'modifiedEntities' },
    });
    expect(parseWebhookNotification({ deletedEntities: true })).toMatchObject({
      ok: true,
      notification: { resources: [] },
    });
  });

  it('refuses both spellings at once, unknown names, and wrong types', () => {
    expect(parseWebhookNotification({ modifiedEntites: [], modifiedEntities: [] }).ok).toBe(false);
    expect(parseWebhookNotification({ modifiedEntites: ['Syllabus'] })).toMatchObject({
      ok: false,
      message: expect.stringContaining('Syllabus'),
    });
    expect(parseWebhookNotification({ modifiedEntites: 'Person' }).ok).toBe(false);
    expect(parseWebhookNotification({ deletedEntities: 'yes' }).ok).toBe(false);
    expect(parseWebhookNotification([]).ok).toBe(false);
  });
});
