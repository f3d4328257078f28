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

/** The time the answer to `entry` left the mock: a call started after it cannot have been in flight. */
export function answeredMs(entry: Entry): number {
  return entry.timeMs + entry.durationMs;
}

/** True when the answer is a refusal a client must back off from. */
export function isRefusal(entry: Entry): boolean {
  return entry.status === 429 || entry.status === 503;
}
