// Feeds the live view: arrows from the journal and the job engine, for the last minutes, told to listeners.
import type { JournalEntry } from '../../journal/index.js';
import type { WebServices } from '../web-services.js';
import { arrowOfEntry, arrowOfJobEvent, type FlowArrow } from './flow-arrow.js';

export type LiveEvent = { type: 'arrow'; arrow: FlowArrow } | { type: 'reset' };
export type LiveListener = (event: LiveEvent) => void;

/** How far back a new viewer sees, and how many arrows at most. */
export const LIVE_WINDOW_MS = 5 * 60_000;
export const LIVE_RECENT_LIMIT = 300;
const SETTLED_CAPACITY = 2_000;

/**
 * The arrows of one journal entry: the call, and for a bulk call the hand-over to the job engine (which the
 * answer names). Job arrows get negative seqs: even from the entry's seq, so they can be derived again.
 */
export function arrowsOfEntry(entry: JournalEntry): FlowArrow[] {
  const arrow = arrowOfEntry(entry);
  if (!arrow) return [];
  const jobId = entry.notes?.jobId;
  if (typeof jobId !== 'string' || !entry.organisationId) return [arrow];
  return [
    arrow,
    arrowOfJobEvent({
      seq: -2 * entry.seq,
      timeMs: entry.timeMs + entry.durationMs,
      jobId,
      resource: entry.path.split('/')[4] ?? '?',
      phase: 'queued',
      detail: `${String(entry.notes?.items ?? '?')} item(s)`,
      organisationId: entry.organisationId,
    }),
  ];
}

/**
 * The journal is the record; the hub only turns it into arrows, and does that work only while someone
 * watches. What the journal does not hold (a job settling) is kept here, in a small ring.
 */
export class LiveHub {
  private readonly settled: FlowArrow[] = [];
  private readonly listeners = new Set<LiveListener>();
  private readonly unsubscribe: (() => void)[] = [];
  /** The journal subscription, held only while someone watches: a listener makes the journal write each entry out at once. */
  private offJournal: (() => void) | undefined;
  private settledCount = 0;
  /** Organisations whose jobs were seen (the store lists only those that have data). */
  readonly organisations = new Set<string>();

  constructor(private readonly services: WebServices) {
    this.unsubscribe.push(
      services.provisioning.events.on('job:submitted', (event) => {
        this.organisations.add(event.organisationId);
      }),
      services.provisioning.events.on('job:completed', (event) => {
        const detail = Object.entries(event.counts)
          .filter(([, n]) => n > 0)
          .map(([status, n]) => `${status} ${n}`)
          .join(', ');
        const arrow = arrowOfJobEvent({
          seq: -(2 * ++this.settledCount + 1),
          timeMs: event.completedMs,
          jobId: event.jobId,
          resource: event.resource,
          phase: 'settled',
          detail: detail || 'no items',
          organisationId: event.organisationId,
        });
        this.settled.push(arrow);
        if (this.settled.length > SETTLED_CAPACITY)
          this.settled.splice(0, this.settled.length - SETTLED_CAPACITY);
        this.tell({ type: 'arrow', arrow });
      }),
    );
  }

  /** Arrows of the last {@link LIVE_WINDOW_MS}, at most {@link LIVE_RECENT_LIMIT}, oldest first. */
  recent(): FlowArrow[] {
    const sinceMs = this.services.clock.now() - LIVE_WINDOW_MS;
    const fromJournal = this.services.journal
      .query({ sinceMs })
      .slice(-LIVE_RECENT_LIMIT)
      .flatMap(arrowsOfEntry);
    const settled = this.settled.filter((arrow) => arrow.timeMs >= sinceMs);
    return [...fromJournal, ...settled].sort((a, b) => a.timeMs - b.timeMs).slice(-LIVE_RECENT_LIMIT);
  }

  subscribe(listener: LiveListener): () => void {
    this.listeners.add(listener);
    this.offJournal ??= this.services.journal.subscribe((entry) => {
      for (const arrow of arrowsOfEntry(entry)) this.tell({ type: 'arrow', arrow });
    });
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stopWatchingJournal();
    };
  }

  private stopWatchingJournal(): void {
    this.offJournal?.();
    this.offJournal = undefined;
  }

  /** Forgets the drawn traffic and tells every viewer to clear its diagram. */
  reset(): void {
    this.settled.length = 0;
    this.organisations.clear();
    this.tell({ type: 'reset' });
  }

  close(): void {
    for (const off of this.unsubscribe) off();
    this.stopWatchingJournal();
    this.listeners.clear();
  }

  private tell(event: LiveEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
