// FILTER rules: meta.* filters return exactly the objects on the right side of the time, and a webhook's fetch finds the change.
import { z } from 'zod';
import type { Finding } from '../../rule/rule.js';
import type {
  FilterProbeRecord,
  MetaFilterParam,
  MetaSnapshot,
  PullEvidence,
} from '../evidence/pull-evidence.js';
import { listSome, pathOf, refsOf, walkIds } from '../evidence/pull-views.js';
import { definePullRule, type PullRule } from './pull-rule.js';
import { PULL_SOURCES } from './pull-sources.js';

const SOURCES = [PULL_SOURCES.subsetSpec, PULL_SOURCES.ss12000Client, PULL_SOURCES.checklistPull];

/**
 * Whether an object belongs in the answer to `param=cut`. The spec's parameters are inclusive ("on or
 * after", "on or before"); the runner picks cuts away from every object's own time, so either reading agrees.
 * Undefined when the object has no readable time (it is not judged).
 */
export function belongs(object: MetaSnapshot, param: MetaFilterParam, cutMs: number): boolean | undefined {
  const raw = param.startsWith('meta.created') ? object.created : object.modified;
  const ms = raw === undefined ? Number.NaN : Date.parse(raw);
  if (!Number.isFinite(ms)) return undefined;
  return param.endsWith('.after') ? ms >= cutMs : ms <= cutMs;
}

function judgeProbe(probe: FilterProbeRecord): Finding[] {
  const cutMs = Date.parse(probe.cut);
  const returned = new Set(walkIds(probe.walk));
  const missing: string[] = [];
  const extra: string[] = [];
  for (const object of probe.baseline) {
    const wanted = belongs(object, probe.param, cutMs);
    if (wanted === undefined) continue;
    if (wanted && !returned.has(object.id)) missing.push(object.id);
    if (!wanted && returned.has(object.id)) extra.push(object.id);
  }
  if (missing.length === 0 && extra.length === 0) return [];
  const expected = probe.baseline.filter((o) => belongs(o, probe.param, cutMs)).length;
  const parts = [
    extra.length > 0 ? `returned ${extra.length} object(s) outside the filter (${listSome(extra, 3)})` : '',
    missing.length > 0 ? `left out ${missing.length} object(s) inside it (${listSome(missing, 3)})` : '',
  ].filter(Boolean);
  return [
    {
      message:
        `GET ${pathOf(probe.walk.resource)} ${probe.param}=${probe.cut} ${parts.join(' and ')}; ` +
        `${expected} of the ${probe.baseline.length} object(s) match it.`,
      requests: refsOf(probe.walk.pages.map((p) => p.exchange)),
    },
  ];
}

/** Filter walks that ended, with at least one object whose time says where it belongs. */
function judged(evidence: PullEvidence, params: readonly MetaFilterParam[]): FilterProbeRecord[] {
  return evidence.filters.filter(
    (f) =>
      params.includes(f.param) &&
      f.walk.end === 'complete' &&
      f.baseline.some((o) => belongs(o, f.param, Date.parse(f.cut)) !== undefined),
  );
}

function skipFor(params: readonly MetaFilterParam[]) {
  return (evidence: PullEvidence) => {
    if (judged(evidence, params).length > 0) return undefined;
    const sent = evidence.filters.filter((f) => params.includes(f.param));
    if (sent.length === 0) return `the scenario sent no ${params.join(' / ')} filter`;
    return sent.some((f) => f.walk.end === 'complete')
      ? 'no object of the unfiltered lists has a readable meta time to judge the filters by'
      : 'no filtered list could be walked to its end (see PULL-PAGE-003 and PULL-SHAPE-001)';
  };
}

const MODIFIED_AFTER: readonly MetaFilterParam[] = ['meta.modified.after'];
const OTHERS: readonly MetaFilterParam[] = [
  'meta.created.after',
  'meta.created.before',
  'meta.modified.before',
];

export const FILTER_MODIFIED_AFTER = definePullRule({
  id: 'PULL-FILTER-001',
  family: 'FILTER',
  title: 'meta.modified.after returns exactly the objects changed since',
  severity: 'blocker',
  why:
    'After every webhook the SS12000 client fetches only what changed: meta.modified.after = the time of the ' +
    'notification minus 5 minutes. An API that ignores the filter sends everything every time; one that ' +
    'drops objects loses changes for good.',
  sources: SOURCES,
  fix:
    'Filter on meta.modified (inclusive, RFC 3339 with offset), update meta.modified on every change, and ' +
    'keep the filter for the later pages of the walk (inside the pageToken).',
  params: z.object({}),
  skipUnless: skipFor(MODIFIED_AFTER),
  check: (evidence) => judged(evidence, MODIFIED_AFTER).flatMap(judgeProbe),
});

export const FILTER_OTHER_META = definePullRule({
  id: 'PULL-FILTER-002',
  family: 'FILTER',
  title: 'meta.created.* and meta.modified.before filter likewise',
  severity: 'major',
  why:
    'The subset spec declares all four meta filters on every list. Skolverket uses meta.modified.after; the ' +
    'others must not be silently ignored, or a client relying on them gets wrong data without any error.',
  sources: [PULL_SOURCES.subsetSpec],
  fix: 'Apply meta.created.after, meta.created.before and meta.modified.before (all inclusive) as the spec describes them.',
  params: z.object({}),
  skipUnless: skipFor(OTHERS),
  check: (evidence) => judged(evidence, OTHERS).flatMap(judgeProbe),
});

export const FILTER_INCREMENTAL_FINDS_CHANGE = definePullRule({
  id: 'PULL-FILTER-003',
  family: 'FILTER',
  title: 'After a webhook, the incremental fetch returns the changed objects',
  severity: 'blocker',
  why:
    'The webhook says only which resources changed. The provtjänst learns what changed from the fetch with ' +
    'meta.modified.after = T − 5 minutes; an object missing from it stays stale at Skolverket.',
  sources: SOURCES,
  fix: 'Set meta.modified of every object a change touches to the time of the change, before the webhook is sent.',
  params: z.object({}),
  skipUnless: (e) =>
    e.incremental.some((i) => i.walk.end === 'complete')
      ? undefined
      : e.incremental.length > 0
        ? 'the incremental fetch could not be walked to its end'
        : 'no webhook arrived, so no incremental fetch was made',
  check(evidence) {
    return evidence.incremental.flatMap((probe) => {
      if (probe.walk.end !== 'complete') return [];
      const returned = new Set(walkIds(probe.walk));
      const missing = probe.expectedIds.filter((id) => !returned.has(id));
      if (missing.length === 0) return [];
      const change = evidence.changes[probe.changeIndex];
      return [
        {
          message:
            `After the ${change?.kind ?? 'change'} webhook, GET ${pathOf(probe.walk.resource)} meta.modified.after=${probe.after} ` +
            `did not return ${missing.length} of the ${probe.expectedIds.length} changed object(s): ${listSome(missing)}.`,
          requests: refsOf(probe.walk.pages.map((p) => p.exchange)),
        },
      ];
    });
  },
});

export const PULL_FILTER_RULES: readonly PullRule[] = [
  FILTER_MODIFIED_AFTER,
  FILTER_OTHER_META,
  FILTER_INCREMENTAL_FINDS_CHANGE,
];
