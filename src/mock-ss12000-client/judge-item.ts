// Judges one pulled item with the src/model rules: accepted (maybe with warnings) or refused, and why.
import { type Finding, type ResourceName, type RuleContext, validateItem } from '../model/index.js';
import type { MirrorItem } from './mirror.js';
import { checkOrganisation } from './organisation-check.js';
import type { Ss12000ResourceType } from './resources.js';

/**
 * The model's resource for each pulled one. The subset's objects have the Provisioning API's field names, so
 * no mapping is needed: properties only SS 12000 has (`enrolments[].programme`, `specification`, …) are
 * dropped by the schemas, and what the subset leaves optional but DNP requires (`Group.schoolType`,
 * `Activity.activityType`, `parentActivity`, `Duty.person`) is reported by the model's rules.
 */
const MODEL_RESOURCE: Readonly<Record<Exclude<Ss12000ResourceType, 'Organisation'>, ResourceName>> = {
  Person: 'persons',
  Group: 'groups',
  Duty: 'duties',
  Activity: 'activities',
};

export interface ItemJudgement {
  /** The item's `id` when it has a string one. */
  id: string | undefined;
  accepted: boolean;
  /** Errors and warnings, each reported with POST /log. */
  findings: Finding[];
}

export function judgeItem(resource: Ss12000ResourceType, raw: unknown, ctx: RuleContext): ItemJudgement {
  const id =
    typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string'
      ? (raw as { id: string }).id
      : undefined;
  if (resource === 'Organisation') {
    const findings = checkOrganisation(raw);
    return { id, accepted: findings.every((f) => f.severity !== 'Error'), findings };
  }
  const verdict = validateItem(MODEL_RESOURCE[resource], raw, ctx);
  return { id, accepted: verdict.status !== 'Error', findings: [...verdict.errors, ...verdict.warnings] };
}

/** The item as the mirror stores it: as served, once accepted. */
export function asMirrorItem(raw: unknown, id: string): MirrorItem {
  return raw as MirrorItem & { id: typeof id };
}
