// What a conformance rule is: data (id, title, why, fix, severity, parameters) plus a pure check over the evidence.
import { z } from 'zod';
import type { Evidence } from '../push/evidence/evidence.js';
import type { RequestRef } from '../result/request-ref.js';
import type { SourceLink } from './sources.js';

/**
 * blocker: data does not arrive or arrives wrong; major: breaks under Skolverket's limits; minor: wasteful;
 * advisory: worth knowing (a departure from the contract Skolverket's own service tolerates), never fails a run.
 */
export type Severity = 'blocker' | 'major' | 'minor' | 'advisory';

/** Every severity, most serious first. */
export const SEVERITIES: readonly Severity[] = ['blocker', 'major', 'minor', 'advisory'];

/** Whether a rule of this severity with findings fails the run (exit code 1): every severity but `advisory`. */
export function failsRun(severity: Severity): boolean {
  return severity !== 'advisory';
}

/** Push families, then the pull (SS 12000 API) ones that are not push families too. */
export type RuleFamily =
  | 'AUTH'
  | 'LIMIT'
  | 'RATE'
  | 'ORDER'
  | 'JOB'
  | 'DATA'
  | 'IDEMP'
  | 'DELETE'
  | 'SUB'
  | 'PAGE'
  | 'FILTER'
  | 'DEL'
  | 'HOOK'
  | 'LOG'
  | 'STAT'
  | 'SHAPE';

/** One thing a rule found wrong, with the requests that show it. */
export interface Finding {
  message: string;
  requests?: RequestRef[];
}

/** A check either judges (findings; none means passed) or says why it cannot judge this evidence. */
export type RuleOutcome = { kind: 'judged'; findings: Finding[] } | { kind: 'skipped'; reason: string };

/** A parameter schema: a zod object whose every field has a default or is optional. */
export type ParamsSchema = z.ZodObject<z.ZodRawShape>;

/** `E` is the evidence the rule judges: a push scenario's ({@link Evidence}) or a pull scenario's. */
export interface RuleDefinition<P extends ParamsSchema, E = Evidence> {
  id: string;
  family: RuleFamily;
  title: string;
  severity: Severity;
  /** Why it matters, for a trainer to read aloud. */
  why: string;
  sources: readonly SourceLink[];
  /** How to fix a failing client. */
  fix: string;
  params: P;
  /** Reason the evidence cannot judge this rule (no forged token served, no second run…), or undefined. */
  skipUnless?: (evidence: E, params: z.output<P>) => string | undefined;
  check: (evidence: E, params: z.output<P>) => Finding[];
}

/** A rule in the catalogue: its definition with the parameter type erased behind `evaluate`. */
export interface ConformanceRule<E = Evidence> {
  readonly id: string;
  readonly family: RuleFamily;
  readonly title: string;
  readonly severity: Severity;
  readonly why: string;
  readonly sources: readonly SourceLink[];
  readonly fix: string;
  readonly params: ParamsSchema;
  /** Validates `rawParams` (throws a ZodError) and judges the evidence. */
  evaluate(evidence: E, rawParams?: unknown): RuleOutcome;
}

/** What the docs show of a rule: everything but its check. */
export type RuleDocEntry = Omit<ConformanceRule, 'evaluate'>;

/**
 * Declares a rule.
 * @example
 * export const RATE_001 = defineRule({ id: 'PUSH-RATE-001', params: z.object({ limit: z.number().default(5) }), … });
 */
export function defineRule<P extends ParamsSchema, E = Evidence>(
  definition: RuleDefinition<P, E>,
): ConformanceRule<E> {
  const { skipUnless, check, ...data } = definition;
  return {
    ...data,
    evaluate(evidence, rawParams = {}) {
      const params = definition.params.parse(rawParams ?? {});
      const reason = skipUnless?.(evidence, params);
      if (reason) return { kind: 'skipped', reason };
      return { kind: 'judged', findings: check(evidence, params) };
    },
  };
}

/** Parameters with defaults, as rules.md documents them. */
export function describeParams(
  rule: Pick<ConformanceRule, 'params'>,
): Array<{ name: string; description: string; default?: unknown }> {
  const json = z.toJSONSchema(rule.params, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, { description?: string; default?: unknown }>;
  };
  return Object.entries(json.properties ?? {}).map(([name, prop]) => ({
    name,
    description: prop.description ?? '',
    ...(prop.default !== undefined ? { default: prop.default } : {}),
  }));
}

/** Cuts a list of findings' requests to a readable number, keeping the first ones. */
export function firstRequests(refs: RequestRef[], max = 10): RequestRef[] {
  return refs.slice(0, max);
}
