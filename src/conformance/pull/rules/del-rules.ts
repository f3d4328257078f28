// DEL rules: deletedEntities?after= lists the deletions since then, only for the requested types, and deleted objects are gone.
import { z } from 'zod';
import {
  DELETED_KEYS,
  parseWebhookNotification,
  RESOURCE_ORDER,
  type Ss12000ResourceType,
} from '../../../mock-ss12000-client/index.js';
import type { Finding } from '../../rule/rule.js';
import type { DeletionProbeRecord, JsonObject, ListWalk, PullEvidence } from '../evidence/pull-evidence.js';
import { describeExchange, listSome, memberIds, refsOf, walkIds } from '../evidence/pull-views.js';
import { definePullRule, type PullRule } from './pull-rule.js';
import { PULL_SOURCES } from './pull-sources.js';

const SOURCES = [PULL_SOURCES.ss12000Client, PULL_SOURCES.subsetSpec];

/** Ids a deletedEntities walk listed for a resource (either spelling of the activities key). */
export function deletedIdsFor(walk: ListWalk, resource: Ss12000ResourceType): Set<string> {
  const ids = new Set<string>();
  for (const key of DELETED_KEYS[resource])
    for (const id of walk.deleted?.[key] ?? []) ids.add(id.toLowerCase());
  return ids;
}

function skipWithoutDeletion(evidence: PullEvidence): string | undefined {
  if (evidence.deletions.length > 0) return undefined;
  const change = evidence.changes.find((c) => c.kind.endsWith('-delete'));
  if (change && !change.made)
    return `the deletion was not made: ${change.notMadeBecause ?? 'unknown reason'}`;
  return 'the scenario made no deletion';
}

function pages(walk: ListWalk) {
  return refsOf(walk.pages.map((p) => p.exchange));
}

function incomplete(walk: ListWalk, what: string): Finding[] {
  return [
    {
      message: `GET /deletedEntities (${what}) could not be walked to its end (${walk.failure?.message ?? walk.end}).`,
      requests: pages(walk),
    },
  ];
}

export const DEL_SINCE_AFTER = definePullRule({
  id: 'PULL-DEL-001',
  family: 'DEL',
  title: 'deletedEntities?after= lists the deletions since then',
  severity: 'blocker',
  why:
    'A deletion leaves no object to fetch: deletedEntities is the only way the provtjänst learns that a pupil ' +
    'left. A deletion it does not list keeps the pupil in test sessions; one listed again and again after ' +
    '`after` makes every sync repeat old work.',
  sources: SOURCES,
  fix:
    'Log every deletion with its time and resource type and answer deletedEntities with the ids deleted on or ' +
    'after `after`, under data.persons, data.groups, data.duties, data.activitites (sic) and data.organisations.',
  params: z.object({}),
  skipUnless: skipWithoutDeletion,
  check(evidence) {
    return evidence.deletions.flatMap((probe: DeletionProbeRecord) => {
      const findings: Finding[] = [];
      if (probe.since.walk.end !== 'complete')
        findings.push(...incomplete(probe.since.walk, `after=${probe.since.after}`));
      else {
        const listed = deletedIdsFor(probe.since.walk, probe.resource);
        const missing = probe.ids.filter((id) => !listed.has(id));
        if (missing.length > 0) {
          findings.push({
            message: `GET /deletedEntities?after=${probe.since.after}&entities=${probe.resource} did not list ${missing.length} deleted ${probe.resource}(s): ${listSome(missing)}.`,
            requests: pages(probe.since.walk),
          });
        }
      }
      if (probe.later.walk.end !== 'complete')
        findings.push(...incomplete(probe.later.walk, `after=${probe.later.after}`));
      else {
        const listed = deletedIdsFor(probe.later.walk, probe.resource);
        const early = probe.ids.filter((id) => listed.has(id));
        if (early.length > 0) {
          findings.push({
            message: `GET /deletedEntities?after=${probe.later.after} (after the deletion) still listed ${listSome(early)}: \`after\` is not applied.`,
            requests: pages(probe.later.walk),
          });
        }
      }
      return findings;
    });
  },
});

export const DEL_REQUESTED_TYPES = definePullRule({
  id: 'PULL-DEL-002',
  family: 'DEL',
  title: 'deletedEntities lists only the requested types',
  severity: 'major',
  why:
    'After a webhook the client asks deletedEntities for the resources it names (`entities`). Ids listed under ' +
    'the wrong type, or types it did not ask for, make it delete the wrong objects or miss the right ones.',
  sources: SOURCES,
  fix: 'Honour `entities` (repeated or comma-separated): answer only those types, each id under its own type.',
  params: z.object({}),
  skipUnless: (e) =>
    skipWithoutDeletion(e) ??
    (e.deletions.some((d) => d.since.walk.end === 'complete' || d.otherTypes.walk.end === 'complete')
      ? undefined
      : 'no deletedEntities walk ended (see PULL-DEL-001 and PULL-SHAPE-001)'),
  check(evidence) {
    const findings: Finding[] = [];
    for (const probe of evidence.deletions) {
      const checks: Array<{ walk: ListWalk; asked: readonly Ss12000ResourceType[] }> = [
        { walk: probe.since.walk, asked: [probe.resource] },
        { walk: probe.otherTypes.walk, asked: probe.otherTypes.entities },
      ];
      for (const { walk, asked } of checks) {
        if (walk.end !== 'complete') continue;
        const unasked = RESOURCE_ORDER.filter((r) => !asked.includes(r) && deletedIdsFor(walk, r).size > 0);
        if (unasked.length > 0) {
          findings.push({
            message: `GET /deletedEntities?entities=${asked.join(',')} also listed ${unasked.join(', ')} deletions, which were not asked for.`,
            requests: pages(walk),
          });
        }
        const wrongKey = asked.filter(
          (r) => r !== probe.resource && probe.ids.some((id) => deletedIdsFor(walk, r).has(id)),
        );
        if (wrongKey.length > 0) {
          findings.push({
            message: `GET /deletedEntities listed the deleted ${probe.resource}(s) under ${wrongKey.join(', ')}.`,
            requests: pages(walk),
          });
        }
      }
    }
    return findings;
  },
});

export const DEL_GONE = definePullRule({
  id: 'PULL-DEL-003',
  family: 'DEL',
  title: 'A deleted object is gone from its endpoint',
  severity: 'major',
  why: 'An object listed as deleted but still served is contradictory data: which the client believes depends on the order it asks in.',
  sources: [PULL_SOURCES.subsetSpec],
  fix: 'Answer GET /{resource}/{id} of a deleted object with 404 and leave it out of every list.',
  params: z.object({}),
  skipUnless: (e) =>
    skipWithoutDeletion(e) ??
    (e.deletions.some((d) => d.byId.some((x) => x.status !== undefined))
      ? undefined
      : 'no GET of a deleted object was answered (see PULL-SHAPE-001)'),
  check(evidence) {
    const served = evidence.deletions.flatMap((d) =>
      d.byId.filter((e) => e.status !== undefined && e.status !== 404 && e.status !== 410),
    );
    if (served.length === 0) return [];
    return [
      {
        message: `${listSome(served.map(describeExchange), 3)}; a deleted object must answer 404.`,
        requests: refsOf(served),
      },
    ];
  },
});

/** Resources the readable webhooks of a change name in modifiedEntites; undefined when no body could be read. */
function notifiedResources(evidence: PullEvidence, changeIndex: number): Set<string> | undefined {
  const change = evidence.changes[changeIndex];
  const named = new Set<string>();
  let read = false;
  for (const webhook of change?.webhooks ?? []) {
    if (webhook.tokenError || webhook.status === 401 || webhook.status === 403) continue;
    let body: unknown;
    try {
      body = JSON.parse(webhook.body ?? '');
    } catch {
      continue;
    }
    const parsed = parseWebhookNotification(body);
    if (!parsed.ok) continue;
    read = true;
    for (const resource of parsed.notification.resources) named.add(resource);
  }
  return read ? named : undefined;
}

function withDependants(evidence: PullEvidence): DeletionProbeRecord[] {
  return evidence.deletions.filter((d) => (d.dependants?.groupIds.length ?? 0) > 0);
}

export const DEL_DEPENDANTS_CHANGED = definePullRule({
  id: 'PULL-DEL-004',
  family: 'DEL',
  title: 'What a deletion changed is fetchable as changed',
  severity: 'major',
  why:
    "Deleting a pupil takes it out of its groups. Skolverket's client learns that only by fetching the groups " +
    'again, and after a webhook it fetches only the resources the webhook names, with meta.modified.after: a ' +
    'group whose meta.modified did not move, or a webhook that does not name Group, leaves the pupil in the ' +
    'group at Skolverket.',
  sources: SOURCES,
  fix:
    'When a deletion changes other objects (memberships of groups, teachers of activities), update them as ' +
    'changes: set their meta.modified to the time of the deletion and name their resource types in the ' +
    "webhook's modifiedEntites (beside deletedEntities: true). A group deleted with it goes to deletedEntities.",
  params: z.object({}),
  skipUnless: (e) => {
    const none = skipWithoutDeletion(e);
    if (none) return none;
    if (!e.deletions.some((d) => d.dependants))
      return 'no group list was fetched before the deletion, so what it changed is not known';
    return withDependants(e).length > 0 ? undefined : 'no group named the deleted object';
  },
  check(evidence) {
    const findings: Finding[] = [];
    for (const probe of withDependants(evidence)) {
      const dependants = probe.dependants as NonNullable<DeletionProbeRecord['dependants']>;
      const deleted = new Set(probe.ids);
      const stillNaming: string[] = [];
      const changed: string[] = [];
      const goneUnlisted: string[] = [];
      const listedDeleted = deletedIdsFor(probe.otherTypes.walk, 'Group');
      for (const [index, id] of dependants.groupIds.entries()) {
        const answer = dependants.byId[index];
        if (answer?.status === 404 || answer?.status === 410) {
          if (probe.otherTypes.walk.end === 'complete' && !listedDeleted.has(id)) goneUnlisted.push(id);
          continue;
        }
        if (answer?.status !== 200 || typeof answer.body !== 'object' || answer.body === null) continue;
        if (memberIds(answer.body as JsonObject).some((m) => deleted.has(m))) stillNaming.push(id);
        else changed.push(id);
      }
      const refs = refsOf(dependants.byId);
      if (stillNaming.length > 0)
        findings.push({
          message: `${stillNaming.length} group(s) still name the deleted ${probe.resource} as a member after the deletion: ${listSome(stillNaming)}.`,
          requests: refs,
        });
      if (goneUnlisted.length > 0)
        findings.push({
          message: `${goneUnlisted.length} group(s) of the deleted ${probe.resource} are gone (404) but not listed by deletedEntities: ${listSome(goneUnlisted)}.`,
          requests: pages(probe.otherTypes.walk),
        });
      if (changed.length === 0) continue;
      if (dependants.walk.end === 'complete') {
        const returned = new Set(walkIds(dependants.walk));
        const stale = changed.filter((id) => !returned.has(id));
        if (stale.length > 0)
          findings.push({
            message: `${stale.length} group(s) lost the deleted ${probe.resource}'s membership but GET /groups?meta.modified.after=${dependants.modifiedAfter} did not return them (meta.modified was not updated): ${listSome(stale)}.`,
            requests: pages(dependants.walk),
          });
      }
      const named = notifiedResources(evidence, probe.changeIndex);
      if (named && !named.has('Group')) {
        const change = evidence.changes[probe.changeIndex];
        findings.push({
          message: `The webhook(s) for the deletion named ${listSome([...named]) || 'no resource'} in modifiedEntites, not Group, although ${changed.length} group(s) changed with it: Skolverket refetches only the resources a webhook names.`,
          requests: (change?.webhooks ?? []).map((w) => w.ref),
        });
      }
    }
    return findings;
  },
});

export const PULL_DEL_RULES: readonly PullRule[] = [
  DEL_SINCE_AFTER,
  DEL_REQUESTED_TYPES,
  DEL_GONE,
  DEL_DEPENDANTS_CHANGED,
];
