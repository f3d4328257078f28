// Turns a journal entry (or a job event) into one arrow of the live sequence diagram: lanes, kind, label, colour.
import { classifyCall } from '../../conformance/push/evidence/endpoint.js';
import {
  CALL_KIND_COLOURS,
  type FlowCallKind,
  type FlowLaneId,
  laneIndex,
  statusColour,
} from '../../flow-style/flow-palette.js';
import type { JournalEntry } from '../../journal/index.js';

/** What the browser draws for one exchange; `seq` opens its evidence. */
export interface FlowArrow {
  /** Journal seq, or a negative number for job events (no journal entry behind them). */
  seq: number;
  timeMs: number;
  from: number;
  to: number;
  kind: FlowCallKind;
  label: string;
  status: number;
  colour: string;
  statusColour: string;
  organisationId?: string;
}

/** The access type a /transaction body asks for, if it can be read (the webhook notifier asks `ss12000-client`). */
function requestedType(body: string | undefined): string | undefined {
  if (!body) return undefined;
  const match = /"type"\s*:\s*"([a-z0-9-]+)"/.exec(body);
  return match?.[1];
}

function lanesOf(entry: JournalEntry): { from: FlowLaneId; to: FlowLaneId; kind: FlowCallKind } | undefined {
  if (entry.component === 'auth') {
    const token = entry.path === '/transaction';
    const from =
      token && requestedType(entry.requestBody) === 'ss12000-client' ? 'webhooks' : 'vendor-client';
    return { from, to: 'auth', kind: token ? 'token' : 'jwks' };
  }
  if (entry.component === 'open-data') return { from: 'vendor-client', to: 'open-data', kind: 'read' };
  if (entry.component === 'provisioning') {
    return { from: 'vendor-client', to: 'provisioning', kind: classifyCall(entry.method, entry.path).kind };
  }
  if (entry.component === 'ss12000-client') {
    if (entry.direction === 'inbound') return { from: 'webhooks', to: 'ss12000-client', kind: 'webhook' };
    return {
      from: 'ss12000-client',
      to: 'vendor-api',
      kind: entry.method === 'GET' ? 'read' : 'write',
    };
  }
  return undefined;
}

function shortPath(entry: JournalEntry): string {
  let path = entry.path;
  for (const prefix of [
    '/provtjanst/provisioning/v1',
    '/provtjanst/open-data/v1',
    '/provtjanst/ss12000/klient/v1',
  ]) {
    if (path.startsWith(prefix)) path = path.slice(prefix.length) || '/';
  }
  if (entry.direction === 'outbound') {
    try {
      path = new URL(entry.url).pathname.split('/').slice(-2).join('/');
    } catch {
      // keep the recorded path
    }
  }
  // UUIDs make labels unreadable at projector size: keep their first block.
  return path.replace(/([0-9a-f]{8})-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '$1…');
}

/** The arrow for a journal entry, or undefined for traffic the diagram leaves out (control plane, pages). */
export function arrowOfEntry(entry: JournalEntry): FlowArrow | undefined {
  const lanes = lanesOf(entry);
  if (!lanes) return undefined;
  const status = entry.status;
  return {
    seq: entry.seq,
    timeMs: entry.timeMs,
    from: laneIndex(lanes.from),
    to: laneIndex(lanes.to),
    kind: lanes.kind,
    label: `${entry.method} ${shortPath(entry)} → ${status || 'no answer'}`,
    status,
    colour: CALL_KIND_COLOURS[lanes.kind],
    statusColour: statusColour(status),
    ...(entry.organisationId ? { organisationId: entry.organisationId } : {}),
  };
}

/** An arrow between the Provisioning API and its job engine (no HTTP behind it). */
export function arrowOfJobEvent(event: {
  seq: number;
  timeMs: number;
  jobId: string;
  resource: string;
  phase: 'queued' | 'settled';
  detail: string;
  organisationId: string;
}): FlowArrow {
  const provisioning = laneIndex('provisioning');
  const engine = laneIndex('job-engine');
  const queued = event.phase === 'queued';
  return {
    seq: event.seq,
    timeMs: event.timeMs,
    from: queued ? provisioning : engine,
    to: queued ? engine : provisioning,
    kind: 'job',
    label: `${event.resource} job ${event.jobId.slice(0, 8)}… ${event.phase}: ${event.detail}`,
    status: 200,
    colour: CALL_KIND_COLOURS.job,
    statusColour: statusColour(200),
    organisationId: event.organisationId,
  };
}
