// The pull scenario format (`target: ss12000`): steps are probes of the vendor's API, run in order.
import { z } from 'zod';
import type { Ss12000ResourceType } from '../../../mock-ss12000-client/index.js';
import { CHANGE_KINDS, META_FILTERS } from '../evidence/pull-evidence.js';

const RULE_ID = /^PULL-[A-Z]+-\d{3}$/;
const ruleId = z.string().regex(RULE_ID, 'a rule id such as PULL-AUTH-001');

const ruleRef = z.union([
  ruleId,
  z.strictObject({ id: ruleId, params: z.record(z.string(), z.unknown()).default({}) }),
]);

/** EndPointsEnum, in fetch order. */
const RESOURCE_NAMES = [
  'Organisation',
  'Person',
  'Group',
  'Duty',
  'Activity',
] as const satisfies readonly Ss12000ResourceType[];
const resources = z.array(z.enum(RESOURCE_NAMES)).min(1);

/** Every probe a step can name; each is documented in docs/conformance-ss12000.md. */
export const pullStepSchema = z
  .strictObject({
    fetch: z
      .strictObject({
        limit: z.number().int().min(1).optional().describe('Page size asked for (default 1000).'),
        pages: z
          .number()
          .int()
          .min(2)
          .max(1000)
          .optional()
          .describe('Instead of limit: walk each list in about this many pages (limit = objects / pages).'),
        resources: resources.optional().describe('Default: all five, in fetch order.'),
      })
      .refine((f) => f.limit === undefined || f.pages === undefined, 'give limit or pages, not both')
      .optional()
      .describe('Walk every list through its pageTokens, as a full sync does.'),
    auth: z
      .strictObject({
        paths: z
          .array(z.string().regex(/^\/[A-Za-z]+$/))
          .min(1)
          .optional(),
      })
      .optional()
      .describe('Send each token variant (missing, garbled, …, valid) to each list.'),
    subscription: z.strictObject({}).optional().describe('POST /subscriptions, PATCH it, DELETE it.'),
    tokenWithFilter: z
      .strictObject({ resources: resources.optional() })
      .optional()
      .describe('Send a pageToken from a first page together with meta.modified.after (expects 400).'),
    filters: z
      .strictObject({
        resources: resources.optional(),
        params: z.array(z.enum(META_FILTERS)).min(1).optional(),
      })
      .optional()
      .describe("Walk each list with each meta.* filter at cut points around the objects' own times."),
    reports: z
      .strictObject({})
      .optional()
      .describe('POST one LogEntry to /log and one StatisticsEntry to /statistics.'),
    register: z
      .strictObject({})
      .optional()
      .describe("Register the API with the mock's SS12000 client: it subscribes and fetches everything."),
    change: z
      .strictObject({
        kind: z.enum(CHANGE_KINDS),
        count: z
          .number()
          .int()
          .min(2)
          .max(50)
          .optional()
          .describe('Objects a bulk change touches (default 5).'),
      })
      .optional()
      .describe(
        'Have the vendor change data (--change-hook or --interactive) and watch the target for webhooks.',
      ),
    incremental: z
      .strictObject({})
      .optional()
      .describe('After each notified update: GET with meta.modified.after = T − 5 min.'),
    deletions: z
      .strictObject({})
      .optional()
      .describe('After each deletion: deletedEntities since, for other types, after; GET by id.'),
    wait: z.number().int().min(0).max(600_000).optional().describe('Milliseconds to wait.'),
  })
  .refine(
    (s) => Object.values(s).filter((v) => v !== undefined).length === 1,
    'a step names exactly one probe',
  );

export type PullStep = z.output<typeof pullStepSchema>;

/** Probes that take no options may be written as a bare name: `- auth`. */
const BARE = [
  'auth',
  'subscription',
  'tokenWithFilter',
  'filters',
  'reports',
  'register',
  'incremental',
  'deletions',
  'fetch',
];

export const pullScenarioSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case, e.g. ss12000-auth-matrix'),
  title: z.string().min(1),
  description: z.string().min(1).describe('What it checks and why, in words a trainer can read aloud.'),
  target: z.literal('ss12000'),
  steps: z
    .array(z.preprocess((v) => (typeof v === 'string' && BARE.includes(v) ? { [v]: {} } : v), pullStepSchema))
    .min(1),
  rules: z.array(ruleRef).min(1),
});

export type PullScenarioFile = z.output<typeof pullScenarioSchema>;
