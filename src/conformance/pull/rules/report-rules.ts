// LOG and STAT rules: POST /log and POST /statistics accept the SS12000 client's entries with 201.
import { z } from 'zod';
import type { PullEvidence } from '../evidence/pull-evidence.js';
import { describeExchange, listSome, refsOf } from '../evidence/pull-views.js';
import { definePullRule, type PullRule } from './pull-rule.js';
import { PULL_SOURCES } from './pull-sources.js';

function reportRule(spec: {
  id: string;
  family: 'LOG' | 'STAT';
  operation: '/log' | '/statistics';
  title: string;
  why: string;
  fix: string;
}): PullRule {
  const calls = (evidence: PullEvidence) =>
    evidence.reports.filter((r) => r.operation === spec.operation && r.status !== undefined);
  return definePullRule({
    id: spec.id,
    family: spec.family,
    title: spec.title,
    severity: 'major',
    why: spec.why,
    sources: [PULL_SOURCES.checklistPull, PULL_SOURCES.subsetSpec],
    fix: spec.fix,
    params: z.object({}),
    skipUnless: (e) =>
      calls(e).length > 0 ? undefined : `nothing was posted to ${spec.operation} (or no answer came)`,
    check(evidence) {
      const bad = calls(evidence).filter((r) => r.status !== 201);
      if (bad.length === 0) return [];
      return [
        {
          message: `${bad.length} POST ${spec.operation} call(s) were not answered 201: ${listSome(bad.map(describeExchange), 3)}.`,
          requests: refsOf(bad),
        },
      ];
    },
  });
}

export const LOG_ACCEPTED = reportRule({
  id: 'PULL-LOG-001',
  family: 'LOG',
  operation: '/log',
  title: 'POST /log answers 201',
  why:
    'The SS12000 client reports each malformed object it fetched with POST /log (checklist 6.7 and 7.9). That ' +
    'is how the huvudman learns why a pupil is missing at Skolverket; an endpoint that refuses the entries ' +
    'leaves it guessing.',
  fix: 'Accept the LogEntry (message, messageType, resourceType, resourceId, resourceUrl, severityLevel, timeOfOccurance), keep it where the huvudman sees it, and answer 201.',
});

export const STAT_ACCEPTED = reportRule({
  id: 'PULL-STAT-001',
  family: 'STAT',
  operation: '/statistics',
  title: 'POST /statistics answers 201',
  why:
    'After each resource the SS12000 client posts how many objects it received and stored (checklist 6.6 and ' +
    "7.8): the huvudman's only confirmation that the transfer arrived.",
  fix: 'Accept the StatisticsEntry (resourceType, newCount, updatedCount, deletedCount, resourceUrl, timeOfOccurance) and answer 201.',
});

export const PULL_REPORT_RULES: readonly PullRule[] = [LOG_ACCEPTED, STAT_ACCEPTED];
