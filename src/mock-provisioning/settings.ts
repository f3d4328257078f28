// Settings of the Provisioning API mock: payload and rate limits, job timing, interpretations and faults.
import { z } from 'zod';
import { booleanSetting } from '../config/foundation-settings.js';
import { listSetting, switchSetting } from '../config/setting-schemas.js';
import { defineSettings, type SettingValues } from '../config/setting-spec.js';

const count = (fallback: number) => z.coerce.number().int().min(0).default(fallback);
const onByDefault = switchSetting(true);
const idList = listSetting({ lowercase: true });

export const PROVISIONING_SETTINGS = defineSettings({
  payloadLimit: {
    flag: 'payload-limit',
    env: ['PROVTJANST_PAYLOAD_LIMIT'],
    kind: 'string',
    schema: count(204_800),
    description:
      'Largest request body in bytes (Skolverket since 2026-01-19: 200 KB = 204800); 0 switches the limit off.',
  },
  rateLimit: {
    flag: 'rate-limit',
    env: ['PROVTJANST_RATE_LIMIT'],
    kind: 'boolean',
    schema: onByDefault,
    description: 'Apply the per-IP rate limits (--no-rate-limit switches them off).',
  },
  rateLimitWrite: {
    flag: 'rate-limit-write',
    env: ['PROVTJANST_RATE_LIMIT_WRITE'],
    kind: 'string',
    schema: count(5),
    description: 'Write and job-status calls per client IP per window (Skolverket: 5/s).',
  },
  rateLimitRead: {
    flag: 'rate-limit-read',
    env: ['PROVTJANST_RATE_LIMIT_READ'],
    kind: 'string',
    schema: count(10),
    description: 'List, get-by-id and lookup calls per client IP per window (Skolverket: 10/s).',
  },
  rateLimitWindow: {
    flag: 'rate-limit-window',
    env: ['PROVTJANST_RATE_LIMIT_WINDOW'],
    kind: 'string',
    schema: z.coerce.number().int().min(1).default(1000),
    description: 'Length of a rate-limit window in milliseconds (Skolverket: 1000).',
  },
  rateLimitResetFractional: {
    flag: 'rate-limit-reset-fractional',
    env: ['PROVTJANST_RATE_LIMIT_RESET_FRACTIONAL'],
    kind: 'boolean',
    schema: booleanSetting,
    description:
      "Send X-RateLimit-Reset as decimal seconds to the millisecond (e.g. 0.5) instead of whole seconds rounded up: the spec's schema says integer, its text says 0.5 is possible.",
  },
  jobDelay: {
    flag: 'job-delay',
    env: ['PROVTJANST_JOB_DELAY'],
    kind: 'string',
    schema: count(2000),
    description: 'Milliseconds before a bulk job settles (items stay Pending until then).',
  },
  jobItemDelay: {
    flag: 'job-item-delay',
    env: ['PROVTJANST_JOB_ITEM_DELAY'],
    kind: 'string',
    schema: count(0),
    description: 'Extra milliseconds a bulk job takes per item it carries (a larger job settles later).',
  },
  jobsIndependent: {
    flag: 'jobs-independent',
    env: ['PROVTJANST_JOBS_INDEPENDENT'],
    kind: 'boolean',
    schema: booleanSetting,
    description:
      'Let jobs of different resources settle independently (one queue per resource) instead of strictly in submission order, so a job sent before what it names has settled meets the item errors it would at Skolverket, whose processing is asynchronous.',
  },
  jobRetention: {
    flag: 'job-retention',
    env: ['PROVTJANST_JOB_RETENTION'],
    kind: 'string',
    schema: z.coerce.number().int().min(1).default(604_800),
    description: 'Seconds a settled job stays readable; afterwards its status is 404.',
  },
  transferDelay: {
    flag: 'transfer-delay',
    env: ['PROVTJANST_TRANSFER_DELAY'],
    kind: 'string',
    schema: z.coerce.number().int().min(0).max(1_800_000).default(60_000),
    description:
      'Milliseconds after a stored object settles before provisioningStatus turns true, up to 1800000 (Skolverket: up to 30 minutes); pupils marked as in an ongoing test wait for 02:00 Stockholm time.',
  },
  populationRegister: {
    flag: 'population-register',
    env: ['PROVTJANST_POPULATION_REGISTER'],
    kind: 'string',
    schema: z.string().min(1).optional(),
    description:
      'File of civic numbers (one a line, or a JSON array) standing in for the population register; off by default.',
  },
  deleteReferenced: {
    flag: 'delete-referenced',
    env: ['PROVTJANST_DELETE_REFERENCED'],
    kind: 'string',
    schema: z.enum(['reject', 'cascade']).default('reject'),
    description:
      'Deleting an object others still name (a person with duties or group memberships, a group or duty in an activity): "reject" (item Error 409 [4010]) or "cascade".',
  },
  faultSeed: {
    flag: 'fault-seed',
    env: ['PROVTJANST_FAULT_SEED'],
    kind: 'string',
    schema: z.coerce.number().int().default(1),
    description: 'Seed of the fault dice (TemporaryError fraction, dropped connections).',
  },
  faultTemporaryErrorRate: {
    flag: 'fault-temporary-error-rate',
    env: ['PROVTJANST_FAULT_TEMPORARY_ERROR_RATE'],
    kind: 'string',
    schema: z.coerce.number().min(0).max(1).default(0),
    description: 'Fraction (0..1) of items that settle as TemporaryError.',
  },
  faultTemporaryErrorIds: {
    flag: 'fault-temporary-error-ids',
    env: ['PROVTJANST_FAULT_TEMPORARY_ERROR_IDS'],
    kind: 'string',
    schema: idList,
    description: 'Comma-separated item ids that always settle as TemporaryError.',
  },
  faultSlowJobs: {
    flag: 'fault-slow-jobs',
    env: ['PROVTJANST_FAULT_SLOW_JOBS'],
    kind: 'string',
    schema: count(0),
    description: 'Extra milliseconds every bulk job takes to settle.',
  },
  faultDropRate: {
    flag: 'fault-drop-rate',
    env: ['PROVTJANST_FAULT_DROP_RATE'],
    kind: 'string',
    schema: z.coerce.number().min(0).max(1).default(0),
    description: 'Fraction (0..1) of Provisioning API calls whose connection is dropped without an answer.',
  },
  faultUnavailable: {
    flag: 'fault-unavailable',
    env: ['PROVTJANST_FAULT_UNAVAILABLE'],
    kind: 'string',
    schema: count(0),
    description: 'Answer 503 [5022] for this many milliseconds after start.',
  },
  faultUnavailableAlways: {
    flag: 'fault-unavailable-always',
    env: ['PROVTJANST_FAULT_UNAVAILABLE_ALWAYS'],
    kind: 'boolean',
    schema: booleanSetting,
    description: 'Answer 503 [5022] to every Provisioning API call until cleared on the control plane.',
  },
});

export type ProvisioningSettings = SettingValues<typeof PROVISIONING_SETTINGS>;
