// What a huvudman sets in Administration provtjänsten, per organisation: notice e-mails and the pseudonymisation attestation.
import { z } from 'zod';

const email = z.email().max(254);

/** The stored settings of one organisation (every field present; null when not given). */
export interface OrganisationSettings {
  organisationId: string;
  /** Seed 000 step 5: where notices about protected personal data go. */
  protectedDataNoticeEmail: string | null;
  /** CHANGELOG v1.3: the technical contact Skolverket writes to. */
  technicalContactEmail: string | null;
  /**
   * Seed 002 (Anders): the huvudman attests its existing pseudonymisation method, so the platform does not
   * pseudonymise protected persons itself. See docs/web.md, "Pseudonymisation".
   */
  pseudonymisationAttested: boolean;
  /** When the attestation was given (ISO), null while not attested. */
  pseudonymisationAttestedAt: string | null;
  updatedAt: string | null;
}

/** PUT replaces (absent fields reset), PATCH changes only the fields it names. `""` clears an e-mail. */
export const settingsInputSchema = z.strictObject({
  protectedDataNoticeEmail: z.union([email, z.literal(''), z.null()]).optional(),
  technicalContactEmail: z.union([email, z.literal(''), z.null()]).optional(),
  pseudonymisationAttested: z.boolean().optional(),
});

export type SettingsInput = z.infer<typeof settingsInputSchema>;

export function emptySettings(organisationId: string): OrganisationSettings {
  return {
    organisationId,
    protectedDataNoticeEmail: null,
    technicalContactEmail: null,
    pseudonymisationAttested: false,
    pseudonymisationAttestedAt: null,
    updatedAt: null,
  };
}

/** Applies an input to settings at `nowIso`; the attestation time changes only when the attestation does. */
export function applySettings(
  current: OrganisationSettings,
  input: SettingsInput,
  nowIso: string,
  replace: boolean,
): OrganisationSettings {
  const base = replace ? emptySettings(current.organisationId) : current;
  const next: OrganisationSettings = { ...base, updatedAt: nowIso };
  if (input.protectedDataNoticeEmail !== undefined)
    next.protectedDataNoticeEmail = input.protectedDataNoticeEmail || null;
  if (input.technicalContactEmail !== undefined)
    next.technicalContactEmail = input.technicalContactEmail || null;
  if (input.pseudonymisationAttested !== undefined)
    next.pseudonymisationAttested = input.pseudonymisationAttested;
  // An attestation keeps the time it was first given; withdrawing it clears the time.
  next.pseudonymisationAttestedAt = next.pseudonymisationAttested
    ? current.pseudonymisationAttested
      ? (current.pseudonymisationAttestedAt ?? nowIso)
      : nowIso
    : null;
  return next;
}
