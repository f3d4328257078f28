// SUB rules: POST /subscriptions answers 201 with id and expires, PATCH renews, DELETE answers 204, target kept as given.
import { z } from 'zod';
import type { Finding } from '../../rule/rule.js';
import type { ExchangeRecord, PullEvidence } from '../evidence/pull-evidence.js';
import { describeExchange, refsOf } from '../evidence/pull-views.js';
import { definePullRule, type PullRule } from './pull-rule.js';
import { PULL_SOURCES } from './pull-sources.js';

const SOURCES = [PULL_SOURCES.ss12000Client, PULL_SOURCES.subsetSpec, PULL_SOURCES.checklistPull];

function field(body: unknown, name: string): unknown {
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)[name]
    : undefined;
}

function timeOf(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return /^\d{4}-\d{2}-\d{2}T/.test(value) && Number.isFinite(ms) ? ms : undefined;
}

function one(message: string, ...exchanges: (ExchangeRecord | undefined)[]): Finding[] {
  return [{ message, requests: refsOf(exchanges) }];
}

/** The subscription id the create answer gave, if it gave a usable one. */
export function createdSubscriptionId(evidence: PullEvidence): string | undefined {
  const create = evidence.subscription?.create;
  const id = field(create?.body, 'id');
  return create?.status === 201 && typeof id === 'string' && id !== '' ? id : undefined;
}

export const SUB_CREATE = definePullRule({
  id: 'PULL-SUB-001',
  family: 'SUB',
  title: 'POST /subscriptions answers 201 with id and expires',
  severity: 'blocker',
  why:
    "When a huvudman registers its API, Skolverket's SS12000 client subscribes first. Without a subscription " +
    'no webhook ever tells it about changes; without `id` it cannot renew or end it, without `expires` it ' +
    'cannot know when to renew.',
  sources: SOURCES,
  fix: 'Answer POST /subscriptions with 201 and the stored Subscription: {id, expires (RFC 3339, in the future), name, target, resourceTypes}.',
  params: z.object({}),
  skipUnless: (e) => (e.subscription ? undefined : 'the scenario made no subscription'),
  check(evidence) {
    const create = evidence.subscription?.create as ExchangeRecord;
    if (create.status !== 201) return one(`${describeExchange(create)}; it must answer 201.`, create);
    const findings: string[] = [];
    const id = field(create.body, 'id');
    if (typeof id !== 'string' || id === '') findings.push('the answer has no `id`');
    const expires = timeOf(field(create.body, 'expires'));
    if (expires === undefined) findings.push('the answer has no RFC 3339 `expires`');
    else if (create.ref && expires <= create.ref.timeMs)
      findings.push(`\`expires\` ${String(field(create.body, 'expires'))} is not in the future`);
    return findings.length > 0
      ? one(`POST /subscriptions answered 201, but ${findings.join(' and ')}.`, create)
      : [];
  },
});

export const SUB_RENEW = definePullRule({
  id: 'PULL-SUB-002',
  family: 'SUB',
  title: 'PATCH /subscriptions/{id} renews the subscription',
  severity: 'major',
  why:
    'Subscriptions expire. The SS12000 client renews each one before it does; an API that cannot renew drops ' +
    'Skolverket silently once the first lifetime is over, and no change reaches the provtjänst after that.',
  sources: SOURCES,
  fix: 'Answer PATCH /subscriptions/{id} with 200 and the Subscription, its `expires` moved forward: honour the `expires` asked for (the runner asks well beyond the current one), or give a new full lifetime counted from now.',
  params: z.object({}),
  skipUnless: (e) =>
    !e.subscription
      ? 'the scenario made no subscription'
      : !e.subscription.renew
        ? 'there was no subscription to renew (see PULL-SUB-001)'
        : undefined,
  check(evidence) {
    const { create, renew } = evidence.subscription as { create: ExchangeRecord; renew: ExchangeRecord };
    if (renew.status !== 200)
      return one(`${describeExchange(renew)}; it must answer 200 with the renewed Subscription.`, renew);
    const before = timeOf(field(create.body, 'expires'));
    const after = timeOf(field(renew.body, 'expires'));
    if (after === undefined) return one('PATCH answered 200 without an RFC 3339 `expires`.', renew);
    const asked = evidence.subscription?.renewAsked;
    const wanted = asked ? ` (the runner asked for ${asked})` : '';
    if (before !== undefined && after < before) {
      return one(
        `PATCH moved \`expires\` back from ${String(field(create.body, 'expires'))} to ${String(field(renew.body, 'expires'))}${wanted}.`,
        create,
        renew,
      );
    }
    if (before !== undefined && after === before) {
      return one(
        `PATCH answered 200 but left \`expires\` at ${String(field(renew.body, 'expires'))}${wanted}: the subscription was not renewed.`,
        create,
        renew,
      );
    }
    if (renew.ref && after <= renew.ref.timeMs)
      return one(
        `PATCH answered an \`expires\` in the past (${String(field(renew.body, 'expires'))}).`,
        renew,
      );
    return [];
  },
});

export const SUB_DELETE = definePullRule({
  id: 'PULL-SUB-003',
  family: 'SUB',
  title: 'DELETE /subscriptions/{id} answers 204',
  severity: 'major',
  why:
    'When a huvudman removes a registered URL, the SS12000 client ends its subscription. An API that cannot ' +
    'delete it keeps posting webhooks to a target that no longer exists.',
  sources: SOURCES,
  fix: 'Delete the subscription and answer 204 without a body.',
  params: z.object({}),
  skipUnless: (e) =>
    !e.subscription
      ? 'the scenario made no subscription'
      : !e.subscription.remove
        ? 'there was no subscription to delete (see PULL-SUB-001)'
        : undefined,
  check(evidence) {
    const remove = evidence.subscription?.remove as ExchangeRecord;
    return remove.status === 204 ? [] : one(`${describeExchange(remove)}; it must answer 204.`, remove);
  },
});

export const SUB_TARGET_AS_GIVEN = definePullRule({
  id: 'PULL-SUB-004',
  family: 'SUB',
  title: 'The target URL is stored as given',
  severity: 'blocker',
  why:
    'The target (…/webhooks/{urlId}) is unique per registered URL: the SS12000 client knows which API a ' +
    'webhook is about only by the path it arrives at. A target changed on the way (case, slashes, host) sends ' +
    'notifications nowhere.',
  sources: SOURCES,
  fix: 'Store `target` byte for byte as posted, post webhooks to exactly that URL, and answer it back in the Subscription.',
  params: z.object({}),
  skipUnless: (e) =>
    !e.subscription
      ? 'the scenario made no subscription'
      : e.subscription.create.status !== 201
        ? 'the subscription was not created (see PULL-SUB-001)'
        : undefined,
  check(evidence) {
    const { sentTarget, create, renew } = evidence.subscription as {
      sentTarget: string;
      create: ExchangeRecord;
      renew?: ExchangeRecord;
    };
    const findings: Finding[] = [];
    for (const exchange of [create, renew]) {
      if (!exchange || (exchange.status ?? 0) >= 300) continue;
      const target = field(exchange.body, 'target');
      if (target === sentTarget) continue;
      findings.push({
        message:
          target === undefined
            ? `${exchange.method} answered a Subscription without \`target\`; it must be the one posted, ${sentTarget}.`
            : `${exchange.method} answered target ${JSON.stringify(target)}; the runner posted ${sentTarget}.`,
        requests: refsOf([exchange]),
      });
    }
    return findings;
  },
});

export const PULL_SUB_RULES: readonly PullRule[] = [SUB_CREATE, SUB_RENEW, SUB_DELETE, SUB_TARGET_AS_GIVEN];
