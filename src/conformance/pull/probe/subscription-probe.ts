// The subscription lifecycle as the SS12000 client runs it: POST /subscriptions, PATCH to renew, DELETE to end.
import { randomUUID } from 'node:crypto';
import { RESOURCE_ORDER } from '../../../mock-ss12000-client/index.js';
import type { ExchangeRecord } from '../evidence/pull-evidence.js';
import type { PullProbeContext } from '../runner/probe-context.js';
import { sendProbe } from './probe-client.js';
import { settleWithin } from './register-probe.js';

const OPERATION = '/subscriptions/{subscriptionId}';

function field(body: unknown, name: string): unknown {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
}

/** A renewal is asked for at least this far beyond the current expiry, so that one that did not move shows. */
const RENEWAL_STEP_MS = 86_400_000;

/**
 * What the PATCH asks for: well beyond the current expiry (by the lifetime the POST gave, at least a day), so
 * an API that answers 200 but leaves `expires` where it was cannot pass for one that renewed.
 */
export function renewalAsked(create: ExchangeRecord, nowMs: number): string {
  const expires = Date.parse(String(field(create.body, 'expires')));
  const createdMs = create.ref?.timeMs ?? nowMs;
  const current = Number.isFinite(expires) ? expires : nowMs;
  const lifetime = Number.isFinite(expires) && expires > createdMs ? expires - createdMs : 0;
  return new Date(Math.max(current, nowMs) + Math.max(lifetime, RENEWAL_STEP_MS)).toISOString();
}

/**
 * Subscribes a fresh target under the mock's webhook URL (no registration answers it, so stray webhooks are
 * refused with 404), renews it and deletes it. Each later call is made only when the one before gave an id.
 */
export async function probeSubscription(ctx: PullProbeContext): Promise<void> {
  const token = await ctx.validToken();
  const sentTarget = `${ctx.services.urls.ss12000Client}/webhooks/${randomUUID()}`;
  const create = await sendProbe(ctx, {
    purpose: 'subscription:create',
    method: 'POST',
    path: '/subscriptions',
    operation: '/subscriptions',
    token,
    body: {
      name: `provtjanst-mock conformance (${ctx.scenarioId})`,
      target: sentTarget,
      resourceTypes: RESOURCE_ORDER.map((resource) => ({ resource })),
    },
  });
  const id = field(create.body, 'id');
  if ((create.status ?? 0) >= 300 || typeof id !== 'string' || id === '') {
    ctx.draft.subscription = { sentTarget, create };
    return;
  }
  const path = `/subscriptions/${encodeURIComponent(id)}`;
  // An API may give a fresh lifetime counted from now instead of the `expires` asked for; after this pause,
  // that still moves `expires` by more than the second an API may round it to.
  await settleWithin(new Promise(() => {}), ctx.settings.renewDelayMs);
  const renewAsked = renewalAsked(create, ctx.services.clock.now());
  const renew = await sendProbe(ctx, {
    purpose: 'subscription:renew',
    method: 'PATCH',
    path,
    operation: OPERATION,
    token,
    body: { expires: renewAsked },
  });
  const remove = await sendProbe(ctx, {
    purpose: 'subscription:delete',
    method: 'DELETE',
    path,
    operation: OPERATION,
    token,
  });
  ctx.draft.subscription = { sentTarget, create, renewAsked, renew, remove };
}
