// Parses a webhook's body (`webhook_callback`), accepting both spellings of the modified-entities key.
import { isResourceType, type Ss12000ResourceType } from './resources.js';

export interface WebhookNotification {
  /** Named resources, as sent (fetch order is applied when the job is built). */
  resources: Ss12000ResourceType[];
  deletedEntities: boolean;
  /** Which key named them: the standard's `modifiedEntites`, or the corrected `modifiedEntities`. */
  spelling: 'modifiedEntites' | 'modifiedEntities' | 'none';
}

export type ParsedNotification =
  | { ok: true; notification: WebhookNotification }
  | { ok: false; message: string };

/**
 * The subset spec's `webhook_callback`: `{"modifiedEntites": [EndPointsEnum…], "deletedEntities": bool}`.
 * The standard spells the key `modifiedEntites`; `modifiedEntities` is read as well (both at once is refused,
 * as it is ambiguous). Unknown resource names are refused with their value, so a vendor learns its mistake.
 */
export function parseWebhookNotification(body: unknown): ParsedNotification {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, message: 'The body must be a JSON object (webhook_callback)' };
  }
  const record = body as Record<string, unknown>;
  if (record.modifiedEntites !== undefined && record.modifiedEntities !== undefined) {
    return { ok: false, message: 'Both modifiedEntites and modifiedEntities are present; send one' };
  }
  const spelling =
    record.modifiedEntites !== undefined
      ? 'modifiedEntites'
      : record.modifiedEntities !== undefined
        ? 'modifiedEntities'
        : 'none';
  const named = spelling === 'none' ? [] : record[spelling];
  if (!Array.isArray(named)) return { ok: false, message: `${spelling} must be an array of resource names` };
  const unknown = named.filter((name) => !isResourceType(name));
  if (unknown.length > 0) {
    return {
      ok: false,
      message: `${spelling} names unknown resources ${JSON.stringify(unknown).slice(0, 200)}; allowed: Organisation, Person, Group, Duty, Activity`,
    };
  }
  const deleted = record.deletedEntities;
  if (deleted !== undefined && typeof deleted !== 'boolean') {
    return { ok: false, message: 'deletedEntities must be a boolean' };
  }
  return {
    ok: true,
    notification: { resources: named as Ss12000ResourceType[], deletedEntities: deleted === true, spelling },
  };
}
