// The timeline's view of the evidence: every recorded call with its lane and offset from the scenario start.
import { classifyCall } from '../push/evidence/endpoint.js';
import type { Evidence } from '../push/evidence/evidence.js';
import { toRequestRef } from './request-ref.js';
import type { TrafficItem } from './result-model.js';

export function trafficItems(evidence: Evidence, scenarioStartMs: number): TrafficItem[] {
  return evidence.journal.map((entry) => {
    const kind =
      entry.component === 'auth'
        ? entry.path === '/transaction'
          ? 'token'
          : 'jwks'
        : classifyCall(entry.method, entry.path).kind;
    return {
      ...toRequestRef(entry),
      component: entry.component,
      kind,
      durationMs: entry.durationMs,
      offsetMs: Math.max(0, entry.timeMs - scenarioStartMs),
    };
  });
}
