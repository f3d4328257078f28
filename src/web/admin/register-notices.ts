// Notices for the people responsible for protected personal data: civic numbers not in the population register.
import { CORRECTION_DEADLINE_DAYS } from '../../mock-provisioning/lifecycle.js';
import type { WebServices } from '../web-services.js';

/** CHANGELOG v1.3: the huvudman has 10 days to correct the number, else the person is removed. */
export const CORRECTION_DAYS = CORRECTION_DEADLINE_DAYS;

export interface RegisterNotice {
  personId: string;
  civicNo: string;
  /** When the deadline started (the person was stored with that number). */
  noticedAt: string;
  /** Correct by then, or the person is removed from provtjänsten. */
  deadline: string;
  daysLeft: number;
}

export interface RemovalNotice {
  personId: string;
  civicNo: string;
  removedAt: string;
}

const DAY_MS = 86_400_000;

/**
 * The Provisioning API's running 10-day deadlines for the organisation (warning 3124: a well-formed civic number
 * the population register does not know; only with `--population-register`), and who was removed at one.
 */
export function readRegisterNotices(
  services: WebServices,
  organisationId: string,
): { notices: RegisterNotice[]; removed: RemovalNotice[] } {
  const now = services.clock.now();
  const { lifecycle } = services.provisioning;
  return {
    notices: lifecycle.pendingDeadlines(organisationId).map((deadline) => ({
      personId: deadline.personId,
      civicNo: deadline.civicNo,
      noticedAt: deadline.startedAt,
      deadline: deadline.removeAt,
      daysLeft: Math.max(0, Math.ceil((Date.parse(deadline.removeAt) - now) / DAY_MS)),
    })),
    removed: lifecycle.removedAtDeadline(organisationId),
  };
}
