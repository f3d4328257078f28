// Classifies recorded Provisioning API calls by the quota they draw on and the job or resource they name.
import type { JournalEntry } from '../../../journal/index.js';
import { RESOURCE_NAMES, type ResourceName } from '../../../model/resource.js';

/** Skolverket's quotas: writes and job-status calls share one (5/s); reads have the other (10/s). */
export type CallKind = 'write' | 'status' | 'read' | 'other';

const BASE = '/provtjanst/provisioning/v1';

export interface ProvisioningCall {
  kind: CallKind;
  resource?: ResourceName;
  /** The job a status call asks about. */
  jobId?: string;
  /** For writes: which bulk endpoint. */
  operation?: 'create' | 'update' | 'delete';
  /** True for `GET …/jobs/{id}/isCompleted`. */
  isCompletedPoll?: boolean;
}

function asResource(name: string | undefined): ResourceName | undefined {
  return RESOURCE_NAMES.find((r) => r === name);
}

/** What a call to the Provisioning API was, from its method and path. */
export function classifyCall(method: string, path: string): ProvisioningCall {
  const m = method.toUpperCase();
  const relative = path.startsWith(BASE) ? path.slice(BASE.length) : path;
  const parts = relative.split('/').filter(Boolean);
  const resource = asResource(parts[0]);
  if (!resource) return { kind: 'other' };
  if (parts[1] === 'bulk') {
    if (parts[2] === 'jobs' && parts[3] && m === 'GET') {
      return {
        kind: 'status',
        resource,
        jobId: parts[3].toLowerCase(),
        isCompletedPoll: parts[4] === 'isCompleted',
      };
    }
    if (parts.length === 2 && m === 'POST') return { kind: 'write', resource, operation: 'create' };
    if (parts.length === 2 && m === 'PUT') return { kind: 'write', resource, operation: 'update' };
    if (parts[2] === 'delete' && parts.length === 3 && m === 'POST') {
      return { kind: 'write', resource, operation: 'delete' };
    }
    return { kind: 'other', resource };
  }
  if (parts[1] === 'lookup' && m === 'POST') return { kind: 'read', resource };
  if (parts.length <= 2 && m === 'GET') return { kind: 'read', resource };
  return { kind: 'other', resource };
}

/** The write and status calls: the ones that share Skolverket's 5 calls/s quota. */
export function isWriteQuotaCall(entry: Pick<JournalEntry, 'method' | 'path'>): boolean {
  const kind = classifyCall(entry.method, entry.path).kind;
  return kind === 'write' || kind === 'status';
}

/** The recorded X-RateLimit-Reset in seconds (integer or decimal, as the spec allows), if any. */
export function rateLimitResetSeconds(entry: Pick<JournalEntry, 'responseHeaders'>): number | undefined {
  const raw = entry.responseHeaders['x-ratelimit-reset'];
  if (raw === undefined) return undefined;
  const value = Number.parseFloat(raw);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}
