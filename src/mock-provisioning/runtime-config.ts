// The Provisioning API's limits and timings in force: from settings at start, adjustable on the control plane.
import { z } from 'zod';
import type { DeleteReferencedPolicy } from './item-settler.js';
import type { RateLimitConfig } from './rate-limiter.js';
import type { ProvisioningSettings } from './settings.js';

export interface ProvisioningConfig {
  /** Largest request body in bytes; 0 = no limit. */
  payloadLimit: number;
  rateLimit: RateLimitConfig;
  jobDelayMs: number;
  /** Extra settle time per item of a job. */
  jobItemDelayMs: number;
  /** Jobs of different resources settle independently (one lane per resource). */
  jobsIndependent: boolean;
  jobRetentionMs: number;
  transferDelayMs: number;
  deleteReferenced: DeleteReferencedPolicy;
}

export function configFromSettings(settings: ProvisioningSettings): ProvisioningConfig {
  return {
    payloadLimit: settings.payloadLimit,
    rateLimit: {
      enabled: settings.rateLimit,
      limits: { write: settings.rateLimitWrite, read: settings.rateLimitRead },
      windowMs: settings.rateLimitWindow,
      fractionalReset: settings.rateLimitResetFractional,
    },
    jobDelayMs: settings.jobDelay,
    jobItemDelayMs: settings.jobItemDelay,
    jobsIndependent: settings.jobsIndependent,
    jobRetentionMs: settings.jobRetention * 1000,
    transferDelayMs: settings.transferDelay,
    deleteReferenced: settings.deleteReferenced,
  };
}

const count = z.number().int().min(0);

/** What `PATCH /_mock/provisioning/config` accepts (every field optional). */
export const configPatchSchema = z
  .object({
    payloadLimit: count.optional(),
    rateLimit: z
      .object({
        enabled: z.boolean().optional(),
        write: count.optional(),
        read: count.optional(),
        windowMs: z.number().int().min(1).optional(),
        fractionalReset: z.boolean().optional(),
      })
      .strict()
      .optional(),
    jobDelayMs: count.optional(),
    jobItemDelayMs: count.optional(),
    jobsIndependent: z.boolean().optional(),
    jobRetentionMs: z.number().int().min(1).optional(),
    transferDelayMs: count.max(1_800_000).optional(),
    deleteReferenced: z.enum(['reject', 'cascade']).optional(),
  })
  .strict();

export type ConfigPatch = z.infer<typeof configPatchSchema>;

/** Applies a patch in place (handlers read the config per request). */
export function applyConfigPatch(config: ProvisioningConfig, patch: ConfigPatch): ProvisioningConfig {
  const { rateLimit, ...rest } = patch;
  for (const [key, value] of Object.entries(rest)) {
    if (value !== undefined) Object.assign(config, { [key]: value });
  }
  if (rateLimit) {
    if (rateLimit.enabled !== undefined) config.rateLimit.enabled = rateLimit.enabled;
    if (rateLimit.write !== undefined) config.rateLimit.limits.write = rateLimit.write;
    if (rateLimit.read !== undefined) config.rateLimit.limits.read = rateLimit.read;
    if (rateLimit.windowMs !== undefined) config.rateLimit.windowMs = rateLimit.windowMs;
    if (rateLimit.fractionalReset !== undefined) config.rateLimit.fractionalReset = rateLimit.fractionalReset;
  }
  return config;
}
