// Feeds the live view: arrows from the journal and the job engine, kept for the last minutes, told to listeners.
import type { WebServices } from '../web-services.js';
import { arrowOfEntry, arrowOfJobEvent, type FlowArrow } from './flow-arrow.js';

export type LiveEvent = { type: 'arrow'; arrow: FlowArrow } | { type: 'reset' };
export type LiveListener = (event: LiveEvent) => void;

/** How far back a new viewer sees, and how many arrows at most. */
export const LIVE_WINDOW_MS = 5 * 60_000;
export const LIVE_RECENT_LIMIT = 300;
const RING_CAPACITY = 5_000;

export class LiveHub {
  private readonly ring: FlowArrow[] = [];
  private readonly listeners = new Set<LiveListener>();
  private readonly unsubscribe: (() => void)[] = [];
  private jobSeq = 0;
  /** Organisations whose jobs were seen (the store lists only those that have data). */
  readonly organisations = new Set<string>();

  constructor(private readonly services: WebServices) {
    this.unsubscribe.push(
      services.journal.subscribe((entry) => {
        const arrow = arrowOfEntry(entry);
        if (!arrow) return;
        this.push(arrow);
        // The bulk call's answer named its job: the hand-over to the engine follows the call on the diagram.
        const jobId = entry.notes?.jobId;
        if (typeof jobId === 'string' && entry.organisationId) {
          this.push(
            arrowOfJobEvent({
              seq: --this.jobSeq,
              timeMs: entry.timeMs + entry.durationMs,
              jobId,
              resource: entry.path.split('/')[4] ?? '?',
              phase: 'queued',
              detail: `${String(entry.notes?.items ?? '?')} item(s)`,
              organisationId: entry.organisationId,
            }),
          );
        }
      }),
      services.provisioning.events.on('job:submitted', (event) => {
        this.organisations.add(event.organisationId);
      }),
      services.provisioning.events.on('job:completed', (event) => {
        const detail = Object.entries(event.counts)
          .filter(([, n]) => n > 0)
          .map(([status, n]) => `${status} ${n}`)
          .join(', ');
        this.push(
          arrowOfJobEvent({
            seq: --this.jobSeq,
            timeMs: event.completedMs,
            jobId: event.jobId,
            resource: event.resource,
            phase: 'settled',
            detail: detail || 'no items',
            organisationId: event.organisationId,
          }),
        );
      }),
    );
  }

  /** Arrows of the last {@link LIVE_WINDOW_MS}, at most {@link LIVE_RECENT_LIMIT}, oldest first. */
  recent(): FlowArrow[] {
    const since = this.services.clock.now() - LIVE_WINDOW_MS;
    return this.ring.filter((arrow) => arrow.timeMs >= since).slice(-LIVE_RECENT_LIMIT);
  }

  subscribe(listener: LiveListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Forgets the drawn traffic and tells every viewer to clear its diagram. */
  reset(): void {
    this.ring.length = 0;
    this.organisations.clear();
    for (const listener of this.listeners) listener({ type: 'reset' });
  }

  close(): void {
    for (const off of this.unsubscribe) off();
    this.listeners.clear();
  }

  private push(arrow: FlowArrow): void {
    this.ring.push(arrow);
    if (this.ring.length > RING_CAPACITY) this.ring.splice(0, this.ring.length - RING_CAPACITY);
    for (const listener of this.listeners) listener({ type: 'arrow', arrow });
  }
}
