// HOOK rules: a change reaches the target as one webhook, in time, with a valid ss12000-client token and the right body.
import { z } from 'zod';
import { NO_ACCESS_MESSAGE, parseWebhookNotification } from '../../../mock-ss12000-client/index.js';
import type { Finding } from '../../rule/rule.js';
import type { ChangeRecord, PullEvidence, WebhookRecord } from '../evidence/pull-evidence.js';
import { listSome } from '../evidence/pull-views.js';
import { definePullRule, type PullRule } from './pull-rule.js';
import { PULL_SOURCES } from './pull-sources.js';

const SOURCES = [PULL_SOURCES.checklistPull, PULL_SOURCES.ss12000Client];

function madeChanges(evidence: PullEvidence): ChangeRecord[] {
  return evidence.changes.filter((c) => c.made);
}

function skipWithoutChange(evidence: PullEvidence): string | undefined {
  if (madeChanges(evidence).length > 0) return undefined;
  const first = evidence.changes[0];
  return first
    ? `no change was made: ${first.notMadeBecause ?? 'unknown reason'}`
    : 'the scenario made no change';
}

function skipWithoutWebhook(evidence: PullEvidence): string | undefined {
  return (
    skipWithoutChange(evidence) ??
    (madeChanges(evidence).some((c) => c.webhooks.length > 0)
      ? undefined
      : 'no webhook arrived (see PULL-HOOK-001)')
  );
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function label(change: ChangeRecord): string {
  return `${change.kind} of ${listSome(change.ids, 2)}`;
}

export const HOOK_ARRIVES = definePullRule({
  id: 'PULL-HOOK-001',
  family: 'HOOK',
  title: 'A change sends a webhook to the target in time',
  severity: 'blocker',
  why:
    "The provtjänst fetches changes only when told: the checklist's step 7 says the API's notification client " +
    'must post to the target of every subscription when data changes. Without the webhook a change waits ' +
    'for the next full sync, which may be too late for a test.',
  sources: SOURCES,
  fix:
    'After each change batch, POST {"modifiedEntites": [...], "deletedEntities": bool} to the target of every ' +
    'subscription whose resourceTypes cover what changed, within the time limit.',
  params: z.object({
    withinSeconds: z
      .number()
      .positive()
      .default(60)
      .describe('Longest time from the change to the first webhook.'),
  }),
  skipUnless: skipWithoutChange,
  check(evidence, params) {
    const limitMs = params.withinSeconds * 1000;
    return madeChanges(evidence).flatMap((change): Finding[] => {
      const first = change.webhooks[0];
      if (!first) {
        const watched = Math.min(change.watchedMs, limitMs);
        return [
          {
            message: `No webhook reached ${evidence.registration?.target ?? 'the target'} within ${seconds(watched)} of the ${label(change)}.`,
          },
        ];
      }
      const delay = first.timeMs - change.startMs;
      if (delay <= limitMs) return [];
      return [
        {
          message: `The webhook for the ${label(change)} arrived after ${seconds(delay)}; at most ${params.withinSeconds} s is allowed.`,
          requests: [first.ref],
        },
      ];
    });
  },
});

/** The receiver's refusal codes in words; a token asked for without `access` gets the README's advice. */
const TOKEN_ERROR_TEXT: Readonly<Record<string, string>> = {
  no_access: NO_ACCESS_MESSAGE,
  missing: 'no token',
  malformed: 'a token that is not a readable JWT',
  unknown_kid: 'a token signed by a key not in the JWKS',
  bad_signature: 'a token whose signature does not verify',
  expired: 'an expired token',
  not_yet_valid: 'a token not valid yet',
  wrong_type: 'a token of another access type than ss12000-client',
  wrong_location: "a token that does not name the SS12000 client's base URL",
  wrong_organisation: 'a token of another organisation than the huvudman',
};

function tokenProblem(webhook: WebhookRecord): string | undefined {
  if (webhook.tokenError) return TOKEN_ERROR_TEXT[webhook.tokenError] ?? webhook.tokenError;
  if (webhook.status === 401 || webhook.status === 403) return `refused with ${webhook.status}`;
  return undefined;
}

export const HOOK_TOKEN = definePullRule({
  id: 'PULL-HOOK-002',
  family: 'HOOK',
  title: 'The webhook carries a valid ss12000-client token',
  severity: 'blocker',
  why:
    "The SS12000 client verifies every notification's JWT: issued by the provtjänst's authorization server to " +
    "the huvudman, with access type ss12000-client for the client's URL. A webhook without it is refused and " +
    'the change is never fetched.',
  sources: [...SOURCES, PULL_SOURCES.verifyJwt],
  fix:
    'Get a token from /transaction (mTLS, access [{type: "ss12000-client", locations: [<the client base URL, ' +
    'the target without /webhooks/{id}>]}]), reuse it until it nears expiry, and send it as Authorization: Bearer.',
  params: z.object({}),
  skipUnless: skipWithoutWebhook,
  check(evidence) {
    const refused = madeChanges(evidence).flatMap((c) =>
      c.webhooks.filter((w) => tokenProblem(w) !== undefined),
    );
    if (refused.length === 0) return [];
    const reasons = [...new Set(refused.map((w) => tokenProblem(w) as string))];
    return [
      {
        message: `${refused.length} webhook(s) were refused for their token: ${listSome(reasons)}.`,
        requests: refused.map((w) => w.ref),
      },
    ];
  },
});

/** Webhooks whose body the receiver read: it reads none whose token it refused. */
function readBodies(change: ChangeRecord): WebhookRecord[] {
  return change.webhooks.filter((w) => tokenProblem(w) === undefined);
}

function bodyProblems(change: ChangeRecord, spelling: 'either' | 'standard'): string[] {
  const problems: string[] = [];
  const named = new Set<string>();
  let deleted = false;
  for (const webhook of readBodies(change)) {
    let body: unknown;
    try {
      body = JSON.parse(webhook.body ?? '');
    } catch {
      problems.push(webhook.body ? 'a body that is not JSON' : 'an empty body');
      continue;
    }
    const parsed = parseWebhookNotification(body);
    if (!parsed.ok) {
      problems.push(parsed.message);
      continue;
    }
    if (spelling === 'standard' && parsed.notification.spelling === 'modifiedEntities') {
      problems.push("the key modifiedEntities instead of the standard's modifiedEntites");
    }
    for (const resource of parsed.notification.resources) named.add(resource);
    deleted ||= parsed.notification.deletedEntities;
  }
  if (problems.length > 0) return problems;
  if (change.kind.endsWith('-delete')) {
    if (!deleted) problems.push('deletedEntities is not true after a deletion');
  } else if (!named.has(change.resource)) {
    problems.push(
      `modifiedEntites does not name ${change.resource} (it names ${listSome([...named]) || 'nothing'})`,
    );
  }
  return problems;
}

export const HOOK_BODY = definePullRule({
  id: 'PULL-HOOK-003',
  family: 'HOOK',
  title: 'The webhook body names what changed',
  severity: 'blocker',
  why:
    "The client fetches exactly the resources the webhook names in modifiedEntites (the standard's spelling), " +
    'and calls deletedEntities only when deletedEntities is true. A resource left out stays stale; a ' +
    'deletion not flagged is never fetched.',
  sources: [...SOURCES, PULL_SOURCES.subsetSpec],
  fix: 'Send {"modifiedEntites": ["Person", …], "deletedEntities": true|false} naming every resource type the change touched.',
  params: z.object({
    spelling: z
      .enum(['either', 'standard'])
      .default('either')
      .describe(
        '`standard`: only modifiedEntites; `either`: modifiedEntities is accepted too, as the mock client does.',
      ),
  }),
  skipUnless: (e) =>
    skipWithoutWebhook(e) ??
    (madeChanges(e).some((c) => readBodies(c).length > 0)
      ? undefined
      : 'no webhook body was read: every token was refused (see PULL-HOOK-002)'),
  check(evidence, params) {
    return madeChanges(evidence).flatMap((change): Finding[] => {
      if (readBodies(change).length === 0) return [];
      const problems = bodyProblems(change, params.spelling);
      if (problems.length === 0) return [];
      return [
        {
          message: `The webhook(s) for the ${label(change)} had ${listSome(problems, 3)}.`,
          requests: change.webhooks.map((w) => w.ref),
        },
      ];
    });
  },
});

export const HOOK_BATCHED = definePullRule({
  id: 'PULL-HOOK-004',
  family: 'HOOK',
  title: 'A bulk change sends one webhook, not one per object',
  severity: 'major',
  why:
    'Every webhook starts a fetch at Skolverket. One per changed object turns a class moving up a year into ' +
    'hundreds of fetches of the same list, and the same changes are fetched over and over.',
  sources: SOURCES,
  fix: 'Collect the changes of one batch (or a short window) and send one webhook per subscription naming their resource types.',
  params: z.object({}),
  skipUnless: (e) =>
    skipWithoutWebhook(e) ??
    (madeChanges(e).some((c) => c.ids.length > 1 && c.webhooks.length > 0)
      ? undefined
      : 'the scenario made no bulk change that was notified'),
  check(evidence) {
    return madeChanges(evidence).flatMap((change): Finding[] => {
      if (change.ids.length < 2 || change.webhooks.length < change.ids.length) return [];
      return [
        {
          message: `The ${change.kind} of ${change.ids.length} objects brought ${change.webhooks.length} webhooks: one per object.`,
          requests: change.webhooks.map((w) => w.ref),
        },
      ];
    });
  },
});

export const PULL_HOOK_RULES: readonly PullRule[] = [HOOK_ARRIVES, HOOK_TOKEN, HOOK_BODY, HOOK_BATCHED];
