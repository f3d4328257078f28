// Settings of the SS12000 client: page size, guards against hostile APIs, retries, webhook lookback, renewal.
import { z } from 'zod';
import { defineSettings, type SettingValues } from '../config/setting-spec.js';

const positive = (fallback: number) => z.coerce.number().int().min(1).default(fallback);
const count = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

export const SS12000_CLIENT_SETTINGS = defineSettings({
  ss12000PageSize: {
    flag: 'ss12000-page-size',
    env: ['PROVTJANST_SS12000_PAGE_SIZE'],
    kind: 'string',
    schema: positive(1000),
    description: 'The `limit` the SS12000 client asks a vendor API for on each list call.',
  },
  ss12000PageLimit: {
    flag: 'ss12000-page-limit',
    env: ['PROVTJANST_SS12000_PAGE_LIMIT'],
    kind: 'string',
    schema: positive(10_000),
    description:
      'Most pages the SS12000 client follows for one resource before it gives up (endless pagination guard).',
  },
  ss12000RequestTimeout: {
    flag: 'ss12000-request-timeout',
    env: ['PROVTJANST_SS12000_REQUEST_TIMEOUT'],
    kind: 'string',
    schema: positive(30_000),
    description: 'Milliseconds (real time) one call to a vendor API may take, body included.',
  },
  ss12000MaxResponseBytes: {
    flag: 'ss12000-max-response-bytes',
    env: ['PROVTJANST_SS12000_MAX_RESPONSE_BYTES'],
    kind: 'string',
    schema: positive(33_554_432),
    description: 'Largest answer body the SS12000 client reads from a vendor API (default 32 MiB).',
  },
  ss12000GetAttempts: {
    flag: 'ss12000-get-attempts',
    env: ['PROVTJANST_SS12000_GET_ATTEMPTS'],
    kind: 'string',
    schema: positive(3),
    description: 'Tries per GET before the resource fails (Skolverket: 3).',
  },
  ss12000RetryBackoff: {
    flag: 'ss12000-retry-backoff',
    env: ['PROVTJANST_SS12000_RETRY_BACKOFF'],
    kind: 'string',
    schema: count(2000),
    description: 'Milliseconds (mock clock) before the first retry; doubled for each further one.',
  },
  ss12000MaxFailures: {
    flag: 'ss12000-max-failures',
    env: ['PROVTJANST_SS12000_MAX_FAILURES'],
    kind: 'string',
    schema: positive(3),
    description: 'Failed resources after which a sync stops (Skolverket: 3).',
  },
  ss12000MaxLogEntries: {
    flag: 'ss12000-max-log-entries',
    env: ['PROVTJANST_SS12000_MAX_LOG_ENTRIES'],
    kind: 'string',
    schema: count(1000),
    description: 'Most POST /log calls per sync; further problems are summed up in one last entry.',
  },
  ss12000WebhookLookback: {
    flag: 'ss12000-webhook-lookback',
    env: ['PROVTJANST_SS12000_WEBHOOK_LOOKBACK'],
    kind: 'string',
    schema: count(300_000),
    description:
      'Milliseconds before a notification that meta.modified.after reaches back (Skolverket: 5 minutes).',
  },
  ss12000RenewMargin: {
    flag: 'ss12000-renew-margin',
    env: ['PROVTJANST_SS12000_RENEW_MARGIN'],
    kind: 'string',
    schema: count(86_400_000),
    description:
      'Renew a subscription this many milliseconds before it expires (at the latest at half its remaining life).',
  },
  ss12000WebhookLocation: {
    flag: 'ss12000-webhook-location',
    env: ['PROVTJANST_SS12000_WEBHOOK_LOCATION'],
    kind: 'string',
    schema: z.enum(['base', 'base-or-target']).default('base'),
    description:
      'Which location a webhook token must name: the client base URL ("base", dnp-facts §4) or also the full target URL.',
  },
});

export type Ss12000ClientSettings = SettingValues<typeof SS12000_CLIENT_SETTINGS>;
