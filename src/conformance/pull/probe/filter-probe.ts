// The meta.* filters: cut points chosen from the objects' own times, each filter walked, with the baseline kept.
import { RESOURCE_ORDER, type Ss12000ResourceType } from '../../../mock-ss12000-client/index.js';
import {
  type JsonObject,
  META_FILTERS,
  type MetaFilterParam,
  type MetaSnapshot,
} from '../evidence/pull-evidence.js';
import { idOf } from '../evidence/pull-views.js';
import type { PullProbeContext } from '../runner/probe-context.js';
import { currentObjects } from './fetch-probe.js';
import { walkList } from './walk-list.js';

/** About this many pages per filtered walk: enough that a filter lost after the first page shows. */
export const FILTER_WALK_PAGES = 4;

/** The limit of a filtered walk over `count` objects: small, so the walk follows pageTokens. */
export function filterWalkLimit(count: number): number {
  return Math.max(1, Math.ceil(count / FILTER_WALK_PAGES));
}

/** Cuts this far from any object's time, so the spec's inclusive bounds and an exclusive reading agree. */
const MARGIN_MS = 1000;

function snapshot(object: JsonObject): MetaSnapshot | undefined {
  const id = idOf(object);
  if (!id) return undefined;
  const meta = (typeof object.meta === 'object' && object.meta !== null ? object.meta : {}) as Record<
    string,
    unknown
  >;
  return {
    id,
    ...(typeof meta.created === 'string' ? { created: meta.created } : {}),
    ...(typeof meta.modified === 'string' ? { modified: meta.modified } : {}),
  };
}

/**
 * Before every object, after every object, and in the middle of the widest gap between two objects' times
 * (when it is at least two margins wide): each cut splits the objects into a known "in" and "out".
 */
export function cutPoints(times: readonly number[]): number[] {
  const sorted = [...new Set(times)].filter(Number.isFinite).sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first === undefined || last === undefined) return [];
  const cuts = [first - MARGIN_MS, last + MARGIN_MS];
  let widest: [number, number] | undefined;
  for (let i = 1; i < sorted.length; i += 1) {
    const gap: [number, number] = [sorted[i - 1] as number, sorted[i] as number];
    if (!widest || gap[1] - gap[0] > widest[1] - widest[0]) widest = gap;
  }
  if (widest && widest[1] - widest[0] >= 2 * MARGIN_MS) cuts.push(Math.floor((widest[0] + widest[1]) / 2));
  return cuts;
}

export async function probeFilters(
  ctx: PullProbeContext,
  options: { resources?: readonly Ss12000ResourceType[]; params?: readonly MetaFilterParam[] } = {},
): Promise<void> {
  for (const resource of options.resources ?? RESOURCE_ORDER) {
    const baseline = (await currentObjects(ctx, resource)).flatMap((o) => snapshot(o) ?? []);
    const limit = filterWalkLimit(baseline.length);
    for (const param of options.params ?? META_FILTERS) {
      const field = param.startsWith('meta.created') ? 'created' : 'modified';
      const cuts = cutPoints(baseline.map((o) => Date.parse(o[field] ?? '')));
      for (const cutMs of cuts) {
        const cut = new Date(cutMs).toISOString();
        const walk = await walkList(ctx, {
          purpose: `filter ${param}`,
          resource,
          query: { [param]: cut },
          limit,
          pageLimit: baseline.length * 2 + 5,
        });
        ctx.draft.filters.push({ resource, param, cut, baseline, walk });
      }
    }
    ctx.progress(
      'filters',
      `${resource}: ${ctx.draft.filters.filter((f) => f.resource === resource).length} filtered walk(s)`,
    );
  }
}
