// LIMIT rules: no request body over the payload limit, and sets larger than the limit are split into calls.
import { z } from 'zod';
import { RESOURCE_NAMES, type ResourceName } from '../../../model/resource.js';
import { toRequestRef } from '../../result/request-ref.js';
import { defineRule, type Finding, firstRequests } from '../../rule/rule.js';
import { SOURCES } from '../../rule/sources.js';
import { idsOf, unsplitBodySize } from '../evidence/dataset-view.js';
import type { Evidence } from '../evidence/evidence.js';
import { provisioningCalls } from '../evidence/traffic.js';

const limitParam = z
  .number()
  .int()
  .min(1)
  .optional()
  .describe("Bytes per request body; default: the scenario's payloadLimit (Skolverket: 204800).");

function limitOf(evidence: Evidence, limit: number | undefined): number {
  return limit ?? evidence.settings.payloadLimit;
}

export const LIMIT_NO_OVERSIZED_BODY = defineRule({
  id: 'PUSH-LIMIT-001',
  family: 'LIMIT',
  title: 'Sends no body over the payload limit',
  severity: 'blocker',
  why:
    'Since 2026-01-19 the Provisioning API takes at most 200 KB per call (about 400 pupils); it was 1 MB. A ' +
    'larger body is refused with 413 (LogEntry 5020) and nothing in it is stored.',
  sources: [SOURCES.changelog131, SOURCES.openApi],
  fix: 'Measure the serialised body (bytes, UTF-8) before sending and cut the data array so each call stays under the limit.',
  params: z.object({ limit: limitParam }),
  skipUnless(evidence, params) {
    if (limitOf(evidence, params.limit) <= 0) return 'the payload limit is off';
    return provisioningCalls(evidence).some((e) => e.requestBodySize > 0)
      ? undefined
      : 'the client sent no request body';
  },
  check(evidence, params) {
    const limit = limitOf(evidence, params.limit);
    const over = provisioningCalls(evidence).filter((e) => e.requestBodySize > limit);
    if (over.length === 0) return [];
    return [
      {
        message: `${over.length} call(s) had a body over ${limit} bytes.`,
        requests: firstRequests(over.map(toRequestRef)),
      },
    ];
  },
});

/** Resources whose whole set, in one call, would exceed the limit in some dataset of the scenario. */
function oversizedResources(evidence: Evidence, limit: number): ResourceName[] {
  return RESOURCE_NAMES.filter((r) => evidence.datasets.some((d) => unsplitBodySize(d, r) > limit));
}

export const LIMIT_SPLITS_LARGE_SETS = defineRule({
  id: 'PUSH-LIMIT-002',
  family: 'LIMIT',
  title: 'Splits sets larger than the limit into several calls',
  severity: 'blocker',
  why:
    'A huvudman with a few thousand pupils has far more than 200 KB of persons. Unless the client splits the ' +
    'set into calls under the limit, those pupils never reach Skolverket and cannot sit the national test.',
  sources: [SOURCES.changelog131],
  fix: 'Send bulk calls in batches sized by bytes (not only by count), and send every batch.',
  params: z.object({ limit: limitParam }),
  skipUnless(evidence, params) {
    const limit = limitOf(evidence, params.limit);
    if (limit <= 0) return 'the payload limit is off';
    return oversizedResources(evidence, limit).length > 0
      ? undefined
      : 'no set in the dataset exceeds the limit';
  },
  check(evidence, params) {
    const limit = limitOf(evidence, params.limit);
    const findings: Finding[] = [];
    for (const resource of oversizedResources(evidence, limit)) {
      const accepted = new Set<string>();
      for (const job of evidence.jobs) {
        if (job.resource !== resource || job.operation === 'delete') continue;
        for (const item of job.items) accepted.add(item.id);
      }
      const wanted = new Set<string>();
      for (const dataset of evidence.datasets) for (const id of idsOf(dataset, resource)) wanted.add(id);
      const missing = [...wanted].filter((id) => !accepted.has(id));
      if (missing.length === 0) continue;
      const refused = provisioningCalls(evidence).filter(
        (e) => e.status === 413 && e.path.includes(`/${resource}/`),
      );
      const size = Math.max(...evidence.datasets.map((d) => unsplitBodySize(d, resource)));
      findings.push({
        message:
          `${missing.length} of ${wanted.size} ${resource} never reached the API in an accepted call ` +
          `(the whole set is ${size} bytes).`,
        requests: firstRequests(refused.map(toRequestRef)),
      });
    }
    return findings;
  },
});

export const LIMIT_RULES = [LIMIT_NO_OVERSIZED_BODY, LIMIT_SPLITS_LARGE_SETS];
