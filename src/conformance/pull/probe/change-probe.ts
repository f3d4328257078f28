// One change: pick the objects, have the vendor's system change them, and watch the target for webhooks.
import type { JournalEntry } from '../../../journal/index.js';
import { toRequestRef } from '../../result/request-ref.js';
import type { ChangeKind, WebhookRecord } from '../evidence/pull-evidence.js';
import { idOf } from '../evidence/pull-views.js';
import type { PullProbeContext } from '../runner/probe-context.js';
import { currentObjects } from './fetch-probe.js';
import { CHANGE_RESOURCE, labelOf, pickObjects } from './pick-objects.js';
import { ensureRegistration, settleWithin } from './register-probe.js';

export interface ChangeStep {
  kind: ChangeKind;
  /** Objects a bulk change touches. */
  count?: number;
}

function toWebhook(entry: JournalEntry): WebhookRecord {
  const tokenError = entry.notes?.tokenError;
  return {
    timeMs: entry.timeMs,
    status: entry.status,
    ...(typeof tokenError === 'string' ? { tokenError } : {}),
    ...(entry.organisationId ? { organisationId: entry.organisationId } : {}),
    ...(entry.requestBody !== undefined ? { body: entry.requestBody } : {}),
    ref: toRequestRef(entry),
  };
}

/**
 * Waits (real time) for the first webhook to `…/webhooks/{urlId}` recorded after `afterSeq`, at most until
 * `deadlineMs`; then `settleMs` more, to count the webhooks one change brings.
 */
async function watchWebhooks(
  ctx: PullProbeContext,
  urlId: string,
  afterSeq: number,
  deadlineMs: number,
): Promise<JournalEntry[]> {
  const journal = ctx.services.journal;
  const matches = (e: JournalEntry) =>
    e.direction === 'inbound' && e.seq > afterSeq && e.path.endsWith(`/webhooks/${urlId}`);
  const collected = () => journal.query({ direction: 'inbound', afterSeq }).filter(matches);
  if (collected().length === 0) {
    let unsubscribe = () => {};
    const arrived = new Promise<void>((resolve) => {
      unsubscribe = journal.subscribe((entry) => {
        if (matches(entry)) resolve();
      });
    });
    await settleWithin(arrived, Math.max(0, deadlineMs - ctx.services.clock.now()));
    unsubscribe();
  }
  if (collected().length > 0) await settleWithin(new Promise(() => {}), ctx.settings.webhookSettleMs);
  return collected();
}

export async function probeChange(ctx: PullProbeContext, step: ChangeStep): Promise<void> {
  const registration = await ensureRegistration(ctx);
  const resource = CHANGE_RESOURCE[step.kind];
  const picked = pickObjects(
    step.kind,
    await currentObjects(ctx, resource),
    ctx.draft.touched,
    step.count ?? 5,
  );
  const ids = picked.map((o) => idOf(o) as string);
  const index = ctx.draft.changes.length;
  const base = { index, kind: step.kind, resource, ids, driver: ctx.changeDriver.kind };
  if (ids.length === 0) {
    const now = ctx.services.clock.now();
    ctx.draft.changes.push({
      ...base,
      made: false,
      notMadeBecause: `GET ${resource} served nothing to change`,
      startMs: now,
      endMs: now,
      watchedMs: 0,
      webhooks: [],
    });
    return;
  }
  for (const id of ids) ctx.draft.touched.add(id);
  const bookmark = ctx.services.journal.bookmark;
  const view = registration.view();
  ctx.progress('change', `${step.kind} of ${ids.length} ${resource}(s) via ${ctx.changeDriver.kind}`);
  const outcome = await ctx.changeDriver.make({
    kind: step.kind,
    resource,
    ids,
    labels: picked.map((o) => labelOf(resource, o)),
    scenarioId: ctx.scenarioId,
    vendorUrl: ctx.vendorUrl,
    organisationNumber: ctx.organisationNumber,
    target: registration.target,
    ...(view.subscription.id ? { subscriptionId: view.subscription.id } : {}),
    mockUrl: ctx.services.urls.root,
    ...(ctx.services.control.guarded ? { controlToken: ctx.services.control.token } : {}),
  });
  if (outcome.harnessError) ctx.draft.harnessErrors.push(outcome.harnessError);
  if (!outcome.made) {
    ctx.draft.changes.push({
      ...base,
      made: false,
      ...(outcome.notMadeBecause ? { notMadeBecause: outcome.notMadeBecause } : {}),
      startMs: outcome.startMs,
      endMs: outcome.endMs,
      watchedMs: 0,
      webhooks: [],
    });
    return;
  }
  const deadlineMs = outcome.startMs + ctx.settings.webhookTimeoutMs;
  const entries = await watchWebhooks(ctx, registration.urlId, bookmark, Math.max(deadlineMs, outcome.endMs));
  ctx.progress('change', entries.length > 0 ? `${entries.length} webhook(s) arrived` : 'no webhook arrived');
  // The client's own fetch after the webhook runs now; let it finish before the next step talks to the API.
  await settleWithin(registration.idle(), ctx.settings.syncTimeoutMs);
  ctx.draft.changes.push({
    ...base,
    made: true,
    startMs: outcome.startMs,
    endMs: outcome.endMs,
    watchedMs: Math.max(0, Math.max(deadlineMs, outcome.endMs) - outcome.startMs),
    webhooks: entries.map(toWebhook),
  });
}
