// Read-only views over the journal that several rules share: provisioning calls, auth calls, calls per run.
import type { JournalEntry } from '../../../journal/index.js';
import { classifyCall, type ProvisioningCall } from './endpoint.js';
import type { ClientRunRecord, Evidence } from './evidence.js';

export type Entry = Readonly<JournalEntry>;

/** Inbound calls to the Provisioning API, oldest first. */
export function provisioningCalls(evidence: Evidence): Entry[] {
  return evidence.journal.filter((e) => e.direction === 'inbound' && e.component === 'provisioning');
}

/** Provisioning calls with their classification. */
export function classifiedCalls(evidence: Evidence): Array<{ entry: Entry; call: ProvisioningCall }> {
  return provisioningCalls(evidence).map((entry) => ({
    entry,
    call: classifyCall(entry.method, entry.path),
  }));
}

/** Inbound `POST /transaction` calls, oldest first. */
export function transactionCalls(evidence: Evidence): Entry[] {
  return evidence.journal.filter(
    (e) => e.direction === 'inbound' && e.method === 'POST' && e.path === '/transaction',
  );
}

/** The run whose window holds `timeMs` (the first run when before all, the last when after all). */
export function runAt(evidence: Evidence, timeMs: number): ClientRunRecord | undefined {
  return evidence.runs.find((run) => timeMs >= run.startMs && timeMs <= run.endMs);
}

/** Provisioning calls that arrived while the run was going (each run is a process of its own). */
export function callsInRun(evidence: Evidence, run: ClientRunRecord): Entry[] {
  return provisioningCalls(evidence).filter((e) => e.timeMs >= run.startMs && e.timeMs <= run.endMs);
}

/** The time the answer to `entry` left the mock: a call started after it cannot have been in flight. */
export function answeredMs(entry: Entry): number {
  return entry.timeMs + entry.durationMs;
}

/** True when the answer is a refusal a client must back off from. */
export function isRefusal(entry: Entry): boolean {
  return entry.status === 429 || entry.status === 503;
}

/** A 503 that says the service is unavailable (not 503 [6001], "answer too large", which no wait cures). */
export function isUnavailable(entry: Entry): boolean {
  return entry.status === 503 && !/"id"\s*:\s*"?6001\b/.test(entry.responseBody ?? '');
}

/**
 * Runs of consecutive Provisioning API calls answered 503 (unavailable), per client run: what a client's
 * retries of one refused call look like when it sends one call at a time.
 */
export function unavailabilityStreaks(evidence: Evidence): Entry[][] {
  const groups =
    evidence.runs.length === 0
      ? [provisioningCalls(evidence)]
      : evidence.runs.map((run) => callsInRun(evidence, run));
  const streaks: Entry[][] = [];
  for (const calls of groups) {
    let current: Entry[] = [];
    for (const entry of calls) {
      if (isUnavailable(entry)) current.push(entry);
      else {
        if (current.length > 0) streaks.push(current);
        current = [];
      }
    }
    if (current.length > 0) streaks.push(current);
  }
  return streaks;
}
