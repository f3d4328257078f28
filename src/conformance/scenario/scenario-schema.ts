// The scenario file format (scenarios/*.yaml): a discriminated union on `target`; part 2 adds `ss12000`.
import { z } from 'zod';
import { DEFECT_KINDS } from '../../generator/defect-kinds.js';
import { pullScenarioSchema } from '../pull/scenario/pull-scenario-schema.js';

/** Settings the runner owns: a scenario may not set them. */
export const RUNNER_OWNED_SETTINGS = [
  'port',
  'httpsPort',
  'host',
  'publicUrl',
  'stateDir',
  'journalSize',
  'journalFile',
  'journalBodyCap',
  'insecureDevAuth',
  'federation',
  'trustProxy',
] as const;

const ruleRef = z.union([
  z.string().regex(/^PUSH-[A-Z]+-\d{3}$/, 'a rule id such as PUSH-RATE-001'),
  z.strictObject({
    id: z.string().regex(/^PUSH-[A-Z]+-\d{3}$/, 'a rule id such as PUSH-RATE-001'),
    params: z.record(z.string(), z.unknown()).default({}),
  }),
]);

/** How the dataset of the first run is made: generated (generator options) or loaded from a fixture folder. */
const datasetSchema = z
  .strictObject({
    generate: z
      .strictObject({
        pupils: z.number().int().min(0).optional(),
        staff: z.number().int().min(0).optional(),
        seed: z.union([z.string(), z.number()]).optional(),
        today: z.string().optional(),
        defects: z.number().int().min(0).optional(),
        defectKinds: z.array(z.enum(DEFECT_KINDS)).optional(),
      })
      .optional()
      .describe(
        "Options of generateDataset, as `provtjanst-mock generate` takes them; the organisation is the scenario's.",
      ),
    fixture: z
      .string()
      .min(1)
      .optional()
      .describe("A folder in the generator's provisioning format, relative to the scenario file."),
  })
  .refine(
    (d) => (d.generate === undefined) !== (d.fixture === undefined),
    'a dataset names exactly one of generate, fixture',
  );

/** Changes to the dataset between runs; each picks objects deterministically, spread evenly over the list. */
export const datasetChangeSchema = z
  .strictObject({
    removePupils: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('Remove this many pupils (and their group memberships).'),
    removeStaff: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('Remove this many staff (their duties, and those duties in activities).'),
    removeGroups: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('Remove this many groups that no activity names (after removeActivities).'),
    removeActivities: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('Remove this many activities (the groups they named may then be removed too).'),
    modifyPersons: z.number().int().min(0).optional().describe('Change the given name of this many persons.'),
  })
  .refine(
    (c) => Object.values(c).some((v) => v !== undefined && v > 0),
    'a change names at least one non-zero count',
  );

export type DatasetChange = z.output<typeof datasetChangeSchema>;

const faultsStepSchema = z.strictObject({
  provisioning: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('A patch of the Provisioning API faults.'),
  auth: z
    .record(z.string(), z.unknown())
    .optional()
    .describe(
      'Auth faults (fail, delay, expired, notYetValid, wrongLocation, wrongOrganisation, unknownKid, badSignature).',
    ),
});

export const stepSchema = z
  .strictObject({
    run: z
      .strictObject({ timeoutSeconds: z.number().positive().optional() })
      .optional()
      .describe('Run the client command once and wait for it to exit.'),
    change: datasetChangeSchema.optional().describe('Change the dataset the next run is given.'),
    wait: z.number().int().min(0).max(60_000).optional().describe('Wait this many milliseconds.'),
    faults: faultsStepSchema.optional().describe('Arm faults before the next step.'),
  })
  .refine(
    (s) => Object.values(s).filter((v) => v !== undefined).length === 1,
    'a step names exactly one of run, change, wait, faults',
  );

export type ScenarioStep = z.output<typeof stepSchema>;

const commonFields = {
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case, e.g. rate-limit-storm'),
  title: z.string().min(1),
  description: z.string().min(1).describe('What it checks and why, in words a trainer can read aloud.'),
};

export const pushScenarioSchema = z.strictObject({
  ...commonFields,
  target: z.literal('push'),
  /** Organisation number of the huvudman whose client certificate the client gets. */
  organisation: z
    .string()
    .regex(/^\d{6}-?\d{4}$/, '10 digits, e.g. 5567044268')
    .default('5567044268'),
  timeoutSeconds: z.number().positive().default(60).describe('Default time limit of each client run.'),
  expectedSeconds: z
    .number()
    .positive()
    .optional()
    .describe(
      'About how long the scenario takes with the reference client; under --jobs the longest start first. Never judged.',
    ),
  mock: z
    .strictObject({
      settings: z
        .record(z.string(), z.unknown())
        .default({})
        .describe('Mock settings (docs/configuration.md names).'),
      authFaults: z
        .record(z.string(), z.unknown())
        .optional()
        .describe('Auth faults armed before the first run.'),
    })
    .default({ settings: {} }),
  dataset: datasetSchema,
  steps: z
    .array(z.preprocess((v) => (v === 'run' ? { run: {} } : v), stepSchema))
    .min(1)
    .default([{ run: {} }]),
  rules: z.array(ruleRef).min(1),
});

export type PushScenarioFile = z.output<typeof pushScenarioSchema>;

/** Every scenario kind: a push client's (`push`) or an SS 12000 API's (`ss12000`, see pull-scenario-schema.ts). */
export const scenarioFileSchema = z.discriminatedUnion('target', [pushScenarioSchema, pullScenarioSchema]);
export type ScenarioFile = z.output<typeof scenarioFileSchema>;
