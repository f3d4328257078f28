// PAGE rules: walking pageToken returns every object once, limit is honoured, the walk ends, pageToken+filter is 400.
import { z } from 'zod';
import type { Finding } from '../../rule/rule.js';
import type { ListWalk, PullEvidence } from '../evidence/pull-evidence.js';
import {
  allWalks,
  describeExchange,
  duplicateIds,
  listSome,
  pathOf,
  refsOf,
  walkIds,
} from '../evidence/pull-views.js';
import { definePullRule, type PullRule } from './pull-rule.js';
import { PULL_SOURCES } from './pull-sources.js';

const SOURCES = [PULL_SOURCES.subsetSpec, PULL_SOURCES.ss12000Client];

function describeWalk(walk: ListWalk): string {
  return `the walk of ${pathOf(walk.resource)} with limit ${walk.limit ?? '(none)'}`;
}

function completeFetches(evidence: PullEvidence): ListWalk[] {
  return evidence.fetches.filter((w) => w.end === 'complete');
}

/** The complete fetch of a resource with the largest limit: what every smaller walk must equal. */
function baselineOf(walks: readonly ListWalk[]): ListWalk | undefined {
  return [...walks].sort(
    (a, b) => (b.limit ?? Number.MAX_SAFE_INTEGER) - (a.limit ?? Number.MAX_SAFE_INTEGER),
  )[0];
}

export const PAGE_EXACTLY_ONCE = definePullRule({
  id: 'PULL-PAGE-001',
  family: 'PAGE',
  title: 'Walking pageToken returns every object exactly once',
  severity: 'blocker',
  why:
    'The SS12000 client fetches each resource page by page until pageToken is null. An object a page skips is ' +
    'never known to the provtjänst (a pupil without a test); one served twice is harmless only by luck.',
  sources: SOURCES,
  fix:
    'Paginate over a stable order (e.g. by id, keyset "after the last id served") and encode where the walk ' +
    'stands in the pageToken; do not use offsets that shift when data changes.',
  params: z.object({}),
  skipUnless: (e) =>
    completeFetches(e).length === 0
      ? 'no walk through a list ended (see PULL-PAGE-003 and PULL-SHAPE-001)'
      : completeFetches(e).some((w) => walkIds(w).length > 0)
        ? undefined
        : 'every list walked was empty: there was no object to count',
  check(evidence) {
    const findings: Finding[] = [];
    const walks = completeFetches(evidence);
    for (const resource of new Set(walks.map((w) => w.resource))) {
      const ofResource = walks.filter((w) => w.resource === resource);
      const baseline = baselineOf(ofResource) as ListWalk;
      const expected = new Set(walkIds(baseline));
      for (const walk of ofResource) {
        const twice = duplicateIds(walk);
        if (twice.length > 0) {
          findings.push({
            message: `${describeWalk(walk)} served ${twice.length} object(s) more than once: ${listSome(twice)}.`,
            requests: refsOf(walk.pages.map((p) => p.exchange)),
          });
        }
        if (walk === baseline) continue;
        const got = new Set(walkIds(walk));
        const missing = [...expected].filter((id) => !got.has(id));
        const extra = [...got].filter((id) => !expected.has(id));
        if (missing.length === 0 && extra.length === 0) continue;
        const parts = [
          missing.length > 0
            ? `missed ${missing.length} of the ${expected.size} object(s) ${describeWalk(baseline)} served (${listSome(missing)})`
            : '',
          extra.length > 0 ? `served ${extra.length} object(s) that walk did not (${listSome(extra)})` : '',
        ].filter(Boolean);
        findings.push({
          message: `${describeWalk(walk)} ${parts.join(' and ')}.`,
          requests: refsOf(walk.pages.map((p) => p.exchange)),
        });
      }
    }
    return findings;
  },
});

export const PAGE_LIMIT_HONOURED = definePullRule({
  id: 'PULL-PAGE-002',
  family: 'PAGE',
  title: '`limit` is honoured',
  severity: 'major',
  why:
    'The client asks for pages of a size it can handle. A page larger than `limit` can outgrow its response ' +
    'cap, and then the whole resource fails.',
  sources: SOURCES,
  fix: 'Serve at most `limit` objects per page (fewer is fine) and hand out a pageToken for the rest.',
  params: z.object({}),
  skipUnless: (e) =>
    allWalks(e).some((w) => w.limit !== undefined && w.pages.length > 0)
      ? undefined
      : 'no list was fetched with a limit',
  check(evidence) {
    const findings: Finding[] = [];
    for (const walk of allWalks(evidence)) {
      if (walk.limit === undefined || walk.resource === 'DeletedEntities') continue;
      const limit = walk.limit;
      const over = walk.pages.filter((p) => p.ids.length > limit);
      if (over.length === 0) continue;
      findings.push({
        message: `${describeWalk(walk)} got ${over.length} page(s) larger than the limit (${listSome(
          over.map((p) => `${p.ids.length} objects`),
          3,
        )}).`,
        requests: refsOf(over.map((p) => p.exchange)),
      });
    }
    return findings;
  },
});

const END_TEXT: Partial<Record<ListWalk['end'], string>> = {
  'repeated-token': 'handed out a pageToken it had handed out before (the walk would loop for ever)',
  'page-limit': 'still had more pages after the page limit',
  deadline: 'did not reach a null pageToken within its time budget',
};

export const PAGE_LAST_TOKEN_NULL = definePullRule({
  id: 'PULL-PAGE-003',
  family: 'PAGE',
  title: 'The last page has a null pageToken',
  severity: 'blocker',
  why:
    'A null pageToken is the only way the client knows it has everything. A token that comes back, or a list ' +
    'that never ends, makes Skolverket give up on the resource after its page limit.',
  sources: SOURCES,
  fix: 'Answer `"pageToken": null` on the last page, and never hand out the same token twice in one walk.',
  params: z.object({}),
  skipUnless: (e) =>
    allWalks(e).some((w) => w.pages.length > 0)
      ? undefined
      : allWalks(e).length > 0
        ? 'no page of any list was read: every walk failed on its first call (see PULL-SHAPE-001)'
        : 'the scenario walked no list',
  check(evidence) {
    return allWalks(evidence).flatMap((walk) => {
      const text = END_TEXT[walk.end];
      if (!text || walk.pages.length === 0) return [];
      return [
        {
          message: `${describeWalk(walk)} (${walk.purpose}) ${text}, after ${walk.pages.length} page(s).`,
          requests: refsOf(walk.pages.slice(-5).map((p) => p.exchange)),
        },
      ];
    });
  },
});

export const PAGE_TOKEN_WITH_FILTER = definePullRule({
  id: 'PULL-PAGE-004',
  family: 'PAGE',
  title: 'pageToken combined with a filter answers 400',
  severity: 'minor',
  why:
    'The subset spec: "Filter … kan inte kombineras med `pageToken`" (400). The token carries the filters of ' +
    'the first call; a second, different filter beside it is ambiguous and must be refused, not silently ' +
    'obeyed or ignored.',
  sources: [PULL_SOURCES.subsetSpec],
  fix: 'When a request has pageToken and any meta.* filter, answer 400 with {code, message}.',
  params: z.object({}),
  skipUnless: (e) =>
    e.tokenFilter.some((t) => t.probe?.status !== undefined)
      ? undefined
      : e.tokenFilter.length > 0
        ? `no pageToken to send: ${e.tokenFilter[0]?.notSentBecause ?? 'the probe got no answer'}`
        : 'the scenario sent no pageToken with a filter',
  check(evidence) {
    return evidence.tokenFilter.flatMap((t) => {
      if (!t.probe || t.probe.status === undefined || t.probe.status === 400) return [];
      return [{ message: `${describeExchange(t.probe)}; it must answer 400.`, requests: refsOf([t.probe]) }];
    });
  },
});

export const PULL_PAGE_RULES: readonly PullRule[] = [
  PAGE_EXACTLY_ONCE,
  PAGE_LIMIT_HONOURED,
  PAGE_LAST_TOKEN_NULL,
  PAGE_TOKEN_WITH_FILTER,
];
