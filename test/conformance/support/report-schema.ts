// A zod schema of the JSON report, checked by the compiler against the exported ConformanceReport type.
import { z } from 'zod';
import type { ConformanceReport } from '../../../src/conformance/result/result-model.js';

const requestRef = z.strictObject({
  seq: z.number(),
  time: z.string(),
  timeMs: z.number(),
  method: z.string(),
  path: z.string(),
  query: z.string().optional(),
  status: z.number(),
  requestBytes: z.number(),
  responseBytes: z.number(),
  tokenId: z.string().optional(),
  rate: z.strictObject({ reset: z.string().optional(), waitedMs: z.number().optional() }).optional(),
});

const tally = z.strictObject({
  total: z.number(),
  passed: z.number(),
  failed: z.number(),
  advised: z.number(),
  skipped: z.number(),
  error: z.number(),
});

const ruleResult = z.strictObject({
  ruleId: z.string().regex(/^PU(SH|LL)-[A-Z]+-\d{3}$/),
  family: z.enum([
    'AUTH',
    'LIMIT',
    'RATE',
    'ORDER',
    'JOB',
    'DATA',
    'IDEMP',
    'DELETE',
    'SUB',
    'PAGE',
    'FILTER',
    'DEL',
    'HOOK',
    'LOG',
    'STAT',
    'SHAPE',
  ]),
  title: z.string(),
  severity: z.enum(['blocker', 'major', 'minor', 'advisory']),
  status: z.enum(['passed', 'failed', 'advised', 'skipped', 'error']),
  findings: z.array(z.strictObject({ message: z.string(), requests: z.array(requestRef).optional() })),
  skipReason: z.string().optional(),
  error: z.string().optional(),
  why: z.string(),
  fix: z.string(),
  sources: z.array(z.strictObject({ title: z.string(), url: z.url() })),
  params: z.record(z.string(), z.unknown()),
});

const scenarioResult = z.strictObject({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  file: z.string(),
  target: z.enum(['push', 'ss12000']),
  status: z.enum(['passed', 'failed', 'skipped', 'error']),
  startedAt: z.iso.datetime(),
  durationMs: z.number(),
  runs: z.array(
    z.strictObject({
      index: z.number(),
      startedAt: z.iso.datetime(),
      durationMs: z.number(),
      exitCode: z.number().nullable(),
      signal: z.string().nullable(),
      timedOut: z.boolean(),
      outputTail: z.string(),
    }),
  ),
  rules: z.array(ruleResult),
  groups: z
    .array(z.strictObject({ cause: z.string(), ruleIds: z.array(z.string()), fix: z.string() }))
    .optional(),
  traffic: z.array(
    requestRef.extend({
      component: z.enum(['auth', 'open-data', 'provisioning', 'ss12000-client', 'control', 'other']),
      kind: z.enum(['write', 'status', 'read', 'other', 'token', 'jwks', 'webhook']),
      durationMs: z.number(),
      offsetMs: z.number(),
    }),
  ),
  harnessError: z.string().optional(),
  headlines: z.array(z.string()).optional(),
});

export const conformanceReportSchema: z.ZodType<ConformanceReport> = z.strictObject({
  schemaVersion: z.literal(2),
  tool: z.strictObject({ name: z.literal('provtjanst-mock'), version: z.string() }),
  target: z.enum(['push', 'ss12000']),
  client: z.string(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  durationMs: z.number(),
  status: z.enum(['passed', 'failed', 'skipped', 'error']),
  exitCode: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  summary: z.strictObject({ scenarios: tally, rules: tally }),
  scenarios: z.array(scenarioResult),
});
