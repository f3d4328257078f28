// DEL rules: deletedEntities?after= lists the deletions since then, only for the requested types, and deleted objects are gone.
import { z } from 'zod';
import {
  DELETED_KEYS,
  RESOURCE_ORDER,
  type Ss12000ResourceType,
} from '../../../mock-ss12000-client/index.js';
import type { Finding } from '../../rule/rule.js';
import type { DeletionProbeRecord, ListWalk, PullEvidence } from '../evidence/pull-evidence.js';
import { describeExchange, listSome, refsOf } from '../evidence/pull-views.js';
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
  skipUnless: skipWithoutDeletion,
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
  skipUnless: skipWithoutDeletion,
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

export const PULL_DEL_RULES: readonly PullRule[] = [DEL_SINCE_AFTER, DEL_REQUESTED_TYPES, DEL_GONE];
