// Notices for the people responsible for protected personal data: civic numbers not in the population register.
import type { WebServices } from '../web-services.js';

/** LogEntry id of the model's rule for a well-formed civic number that is not in the population register. */
export const NOT_IN_REGISTER_CODE = '3124';
/** CHANGELOG v1.3: the huvudman has 10 days to correct the number, else the person is removed. */
export const CORRECTION_DAYS = 10;

export interface RegisterNotice {
  personId: string;
  civicNo: string;
  /** When the person was stored with that number. */
  noticedAt: string;
  /** Correct by then, or the person is removed from provtjänsten. */
  deadline: string;
  daysLeft: number;
}

/**
 * Notices from the organisation's settled person items that carry the not-in-register warning and are still
 * stored with that number. (The Provisioning API warns only when a population register is configured.)
 */
export function readRegisterNotices(services: WebServices, organisationId: string): RegisterNotice[] {
  const now = services.clock.now();
  const notices = new Map<string, RegisterNotice>();
  for (const job of services.provisioning.engine.list(organisationId)) {
    if (job.resource !== 'persons') continue;
    for (const item of job.items) {
      const warning = item.warnings?.find((entry) => entry.id === NOT_IN_REGISTER_CODE);
      if (!warning) continue;
      const stored = services.provisioning.data.get(organisationId, 'persons', item.id);
      const body = stored?.body as { civicNo?: { value?: string } } | undefined;
      if (!body || body.civicNo?.value !== warning.attributeValue) continue;
      const deadlineMs = item.modifiedMs + CORRECTION_DAYS * 86_400_000;
      notices.set(item.id, {
        personId: item.id,
        civicNo: warning.attributeValue ?? '',
        noticedAt: new Date(item.modifiedMs).toISOString(),
        deadline: new Date(deadlineMs).toISOString(),
        daysLeft: Math.max(0, Math.ceil((deadlineMs - now) / 86_400_000)),
      });
    }
  }
  return [...notices.values()].sort((a, b) => a.deadline.localeCompare(b.deadline));
}
