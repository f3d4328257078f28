// DELETE rule: objects removed from the dataset are deleted on the next run.
import { z } from 'zod';
import { RESOURCE_NAMES, type ResourceName } from '../../../model/resource.js';
import { defineRule, type Finding } from '../../rule/rule.js';
import { SOURCES } from '../../rule/sources.js';
import { idsOf } from '../evidence/dataset-view.js';
import type { ClientRunRecord, Evidence } from '../evidence/evidence.js';
import { isAccepted, settlementsById } from '../evidence/jobs-view.js';

interface Removal {
  run: ClientRunRecord;
  resource: ResourceName;
  ids: string[];
}

/** What each run's dataset dropped compared with the run before it. */
export function removalsPerRun(evidence: Evidence): Removal[] {
  const removals: Removal[] = [];
  evidence.runs.forEach((run, i) => {
    const previous = evidence.runs[i - 1];
    const before = previous ? evidence.datasets[previous.datasetIndex] : undefined;
    const now = evidence.datasets[run.datasetIndex];
    if (!before || !now) return;
    for (const resource of RESOURCE_NAMES) {
      const kept = idsOf(now, resource);
      const ids = [...idsOf(before, resource)].filter((id) => !kept.has(id));
      if (ids.length > 0) removals.push({ run, resource, ids });
    }
  });
  return removals;
}

/** The removals, each cut to the objects that had been stored (accepted by a job) before its run began. */
function storedRemovals(evidence: Evidence): Removal[] {
  const settled = settlementsById(evidence);
  return removalsPerRun(evidence).flatMap((removal) => {
    const ids = removal.ids.filter((id) =>
      (settled.get(id) ?? []).some(
        (s) => isAccepted(s.item.status) && (s.item.settledMs ?? Infinity) <= removal.run.startMs,
      ),
    );
    return ids.length > 0 ? [{ ...removal, ids }] : [];
  });
}

export const DELETE_REMOVED_OBJECTS = defineRule({
  id: 'PUSH-DELETE-001',
  family: 'DELETE',
  title: 'Deletes on the next run what left the dataset',
  severity: 'blocker',
  why:
    'A pupil who has left, or a group that no longer exists, must leave the provtjänst too: stale objects put ' +
    'pupils in the wrong test sessions and keep personal data Skolverket should no longer hold.',
  sources: [SOURCES.openApi, SOURCES.order],
  fix:
    'Compare with what was sent before (or GET the lists) and POST …/bulk/delete the ids that are gone, ' +
    'dependants first: activities, groups, duties, then persons.',
  params: z.object({}),
  skipUnless(evidence) {
    if (removalsPerRun(evidence).length === 0) return 'no run removed objects from the dataset';
    return storedRemovals(evidence).length > 0
      ? undefined
      : 'none of the objects removed from the dataset had been stored, so there was nothing to delete';
  },
  check(evidence) {
    const findings: Finding[] = [];
    for (const removal of storedRemovals(evidence)) {
      const deleted = new Set<string>();
      for (const job of evidence.jobs) {
        if (job.operation !== 'delete' || job.resource !== removal.resource) continue;
        if (job.submittedMs < removal.run.startMs || job.submittedMs > removal.run.endMs) continue;
        for (const item of job.items) if (isAccepted(item.status)) deleted.add(item.id);
      }
      const stored = idsOf(evidence.store, removal.resource);
      const left = removal.ids.filter((id) => !deleted.has(id) || stored.has(id));
      if (left.length === 0) continue;
      findings.push({
        message:
          `Run ${removal.run.index + 1}: ${left.length} of ${removal.ids.length} removed ${removal.resource} were not ` +
          `deleted (${left.slice(0, 3).join(', ')}${left.length > 3 ? ', …' : ''}).`,
      });
    }
    return findings;
  },
});

export const DELETE_RULES = [DELETE_REMOVED_OBJECTS];
