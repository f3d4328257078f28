// Skolverket's lifecycle after storage (dnp-facts §7): the 10-day civic-number deadline, and night-time transfer.
import type { CancelTimer, Clock } from '../clock/clock.js';
import type { ResourceName } from '../model/resource.js';
import type { Finding } from '../model/rule.js';

/** Days a huvudman has to correct a civic number the population register does not know (changelog v1.3). */
export const CORRECTION_DEADLINE_DAYS = 10;
const DAY_MS = 86_400_000;

/** The warning that starts the deadline: person.civic-no.not-in-population-register. */
export const NOT_IN_POPULATION_REGISTER_CODE = 3124;

/** Local hour (Europe/Stockholm) at which the nightly transfer of pupils in an ongoing test runs. */
export const NIGHTLY_TRANSFER_HOUR = 2;

const STOCKHOLM_HOUR = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Stockholm',
  hourCycle: 'h23',
  hour: '2-digit',
});

const HOUR_MS = 3_600_000;

/**
 * The next instant after `nowMs` when it is {@link NIGHTLY_TRANSFER_HOUR}:00 in Stockholm. Stockholm's
 * offset is a whole number of hours, so the candidates are the whole UTC hours ahead (at most 25).
 */
export function nextNightlyTransferMs(nowMs: number): number {
  let candidate = Math.floor(nowMs / HOUR_MS) * HOUR_MS + HOUR_MS;
  while (Number(STOCKHOLM_HOUR.format(new Date(candidate))) !== NIGHTLY_TRANSFER_HOUR) candidate += HOUR_MS;
  return candidate;
}

export interface CorrectionDeadline {
  personId: string;
  civicNo: string;
  startedAt: string;
  removeAt: string;
}

export interface LifecycleRemoval {
  personId: string;
  civicNo: string;
  removedAt: string;
}

interface PendingDeadline {
  personId: string;
  civicNo: string;
  startedMs: number;
  dueMs: number;
  cancel: CancelTimer;
}

export interface LifecycleOptions {
  clock: Clock;
  /** Removes the person from the provtjänst (with what hangs on it), as Skolverket does at the deadline. */
  removePerson(org: string, personId: string, nowMs: number): void;
  /** The person's civic number now, or undefined when the person is gone. */
  civicNoOf(org: string, personId: string): string | undefined;
}

/**
 * Per organisation: the civic-number deadlines running, the persons removed at a deadline, and the pupils
 * marked (on the control plane) as being in an ongoing test, whose transfer waits for the night.
 */
export class ProvisioningLifecycle {
  private readonly deadlines = new Map<string, Map<string, PendingDeadline>>();
  private readonly removals = new Map<string, LifecycleRemoval[]>();
  private readonly inTest = new Map<string, Set<string>>();

  constructor(private readonly options: LifecycleOptions) {}

  /** How long after `nowMs` the onward transfer of this object runs: the night for a pupil in a test. */
  transferDelayMs(org: string, resource: ResourceName, id: string, nowMs: number, delayMs: number): number {
    if (resource === 'persons' && this.inTest.get(org)?.has(id)) return nextNightlyTransferMs(nowMs) - nowMs;
    return delayMs;
  }

  /** After a person was stored: start (or restart) the deadline when the register does not know its number. */
  afterPersonSaved(
    org: string,
    personId: string,
    civicNo: string | undefined,
    warnings: readonly Finding[],
    nowMs: number,
  ): void {
    const flagged = warnings.some((warning) => warning.code === NOT_IN_POPULATION_REGISTER_CODE);
    const current = this.deadlines.get(org)?.get(personId);
    if (!flagged || civicNo === undefined) {
      this.cancel(org, personId);
      return;
    }
    if (current && current.civicNo === civicNo) return;
    this.cancel(org, personId);
    const dueMs = nowMs + CORRECTION_DEADLINE_DAYS * DAY_MS;
    const cancel = this.options.clock.setTimer(dueMs - nowMs, () => this.expire(org, personId));
    let byPerson = this.deadlines.get(org);
    if (!byPerson) {
      byPerson = new Map();
      this.deadlines.set(org, byPerson);
    }
    byPerson.set(personId, { personId, civicNo, startedMs: nowMs, dueMs, cancel });
  }

  /** After a person was deleted: nothing is left to correct. */
  afterPersonDeleted(org: string, personId: string): void {
    this.cancel(org, personId);
  }

  pendingDeadlines(org: string): CorrectionDeadline[] {
    return [...(this.deadlines.get(org)?.values() ?? [])]
      .sort((a, b) => a.dueMs - b.dueMs)
      .map((d) => ({
        personId: d.personId,
        civicNo: d.civicNo,
        startedAt: new Date(d.startedMs).toISOString(),
        removeAt: new Date(d.dueMs).toISOString(),
      }));
  }

  removedAtDeadline(org: string): LifecycleRemoval[] {
    return [...(this.removals.get(org) ?? [])];
  }

  /** Replaces the pupils of `org` marked as in an ongoing test. */
  setOngoingTest(org: string, personIds: readonly string[]): string[] {
    this.inTest.set(org, new Set(personIds.map((id) => id.toLowerCase())));
    return this.ongoingTest(org);
  }

  ongoingTest(org: string): string[] {
    return [...(this.inTest.get(org) ?? [])].sort();
  }

  reset(org?: string): void {
    for (const [key, byPerson] of this.deadlines) {
      if (org !== undefined && key !== org) continue;
      for (const deadline of byPerson.values()) deadline.cancel();
      this.deadlines.delete(key);
    }
    if (org === undefined) {
      this.removals.clear();
      this.inTest.clear();
    } else {
      this.removals.delete(org);
      this.inTest.delete(org);
    }
  }

  private cancel(org: string, personId: string): void {
    const deadline = this.deadlines.get(org)?.get(personId);
    if (!deadline) return;
    deadline.cancel();
    this.deadlines.get(org)?.delete(personId);
  }

  private expire(org: string, personId: string): void {
    const deadline = this.deadlines.get(org)?.get(personId);
    if (!deadline) return;
    this.deadlines.get(org)?.delete(personId);
    // Removed only when the number was never corrected (an update with a known number cancels the deadline).
    if (this.options.civicNoOf(org, personId) !== deadline.civicNo) return;
    const nowMs = this.options.clock.now();
    this.options.removePerson(org, personId, nowMs);
    const list = this.removals.get(org) ?? [];
    list.push({ personId, civicNo: deadline.civicNo, removedAt: new Date(nowMs).toISOString() });
    this.removals.set(org, list);
  }
}
