// The lanes and colours of a flow drawing, shared by the live view and the conformance HTML report.

/** A participant of the flow: one vertical lane of the sequence diagram. */
export interface FlowLane {
  id: FlowLaneId;
  label: string;
  /** Which way of transfer the lane belongs to (push: the vendor sends; pull: Skolverket fetches). */
  side: 'push' | 'pull';
  /** Lane header and lifeline colour. */
  colour: string;
}

export type FlowLaneId =
  | 'vendor-client'
  | 'auth'
  | 'open-data'
  | 'provisioning'
  | 'job-engine'
  | 'ss12000-client'
  | 'vendor-api'
  | 'webhooks';

/** Left to right, in the order of Skolverket's README sequence diagrams: push first, then pull. */
export const FLOW_LANES: readonly FlowLane[] = [
  { id: 'vendor-client', label: 'Vendor client', side: 'push', colour: '#2563eb' },
  { id: 'auth', label: 'Authorization server', side: 'push', colour: '#0d9488' },
  { id: 'open-data', label: 'Open-data API', side: 'push', colour: '#64748b' },
  { id: 'provisioning', label: 'Provisioning API', side: 'push', colour: '#9333ea' },
  { id: 'job-engine', label: 'Job engine', side: 'push', colour: '#c2410c' },
  { id: 'ss12000-client', label: 'SS12000 client', side: 'pull', colour: '#0891b2' },
  { id: 'vendor-api', label: 'Vendor SS 12000 API', side: 'pull', colour: '#4d7c0f' },
  { id: 'webhooks', label: 'Vendor webhooks', side: 'pull', colour: '#be185d' },
];

/** The kinds of call a drawing tells apart (the conformance report's TrafficItem kinds, plus job events). */
export type FlowCallKind = 'token' | 'jwks' | 'write' | 'status' | 'read' | 'webhook' | 'job' | 'other';

/** Arrow colour by kind of call. */
export const CALL_KIND_COLOURS: Readonly<Record<FlowCallKind, string>> = {
  token: '#0d9488',
  jwks: '#5eead4',
  write: '#2563eb',
  status: '#9333ea',
  read: '#0891b2',
  webhook: '#be185d',
  job: '#c2410c',
  other: '#64748b',
};

/** The status legend: label and colour of each class of answer. */
export const STATUS_CLASSES = [
  { label: '2xx/3xx', colour: '#16a34a' },
  { label: '4xx', colour: '#dc2626' },
  { label: '429', colour: '#f59e0b' },
  { label: '5xx', colour: '#8b5cf6' },
  { label: 'no answer', colour: '#6b7280' },
] as const;

/** Fill colour by HTTP status: success, client error, quota, unavailable, no answer. */
export function statusColour(status: number): string {
  if (status === 0) return '#6b7280';
  if (status === 429) return '#f59e0b';
  if (status >= 500) return '#8b5cf6';
  if (status >= 400) return '#dc2626';
  return '#16a34a';
}

/** Index of a lane in {@link FLOW_LANES} (its column). */
export function laneIndex(id: FlowLaneId): number {
  return FLOW_LANES.findIndex((lane) => lane.id === id);
}

/**
 * Which lanes a call of this kind joins, for drawings that know only the kind (the conformance report).
 * Push target: the vendor's client calls the mock; pull target: the mock's SS12000 client calls the vendor.
 */
export function lanesOfCallKind(
  kind: FlowCallKind,
  target: 'push' | 'ss12000',
): { from: FlowLaneId; to: FlowLaneId } {
  if (kind === 'token' || kind === 'jwks')
    return { from: target === 'push' ? 'vendor-client' : 'webhooks', to: 'auth' };
  if (kind === 'webhook') return { from: 'webhooks', to: 'ss12000-client' };
  if (kind === 'job') return { from: 'provisioning', to: 'job-engine' };
  if (target === 'ss12000') return { from: 'ss12000-client', to: 'vendor-api' };
  return { from: 'vendor-client', to: 'provisioning' };
}
