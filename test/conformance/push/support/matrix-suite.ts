// Shared by the matrix test files: runs scenarios in-process against the reference client or a mutant.
// Scenarios mostly wait (job delays, client pauses), so light ones run a few at a time; heavy ones (large
// datasets generated and validated in this process) run alone, so they cannot stall the others' clocks.
import { describe, expect, it } from 'vitest';
import { runPushScenario } from '../../../../src/conformance/push/runner/run-push-scenario.js';
import type { RuleResult } from '../../../../src/conformance/result/result-model.js';
import { loadBuiltinScenarios } from '../../../../src/conformance/scenario/find-scenarios.js';
import { type MutantCase, mutantCommand, REFERENCE_CLIENT } from '../mutant-matrix.js';

/** Per scenario: generous, since runs are real processes on a shared CI machine. */
const SCENARIO_TIMEOUT_MS = 120_000;
/** Light scenarios at once. */
const CONCURRENCY = 3;
/** Scenarios whose dataset is big enough to block the event loop while it is generated and validated. */
export const HEAVY_SCENARIOS: ReadonlySet<string> = new Set(['payload-split']);

const scenarios = loadBuiltinScenarios(undefined, 'push');

/** The built-in scenario ids, in file order. */
export const SCENARIO_IDS = scenarios.map((s) => s.id);

function scenario(id: string) {
  const found = scenarios.find((s) => s.id === id);
  if (!found) throw new Error(`no built-in scenario ${id}`);
  return found;
}

/** A counting semaphore: at most `limit` callers inside at once. */
function createLimiter(limit: number) {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await fn();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}

const limit = createLimiter(CONCURRENCY);

function describeRule(rule: RuleResult): string {
  const detail = rule.findings.map((f) => f.message).join(' | ') || rule.error || rule.skipReason || '';
  return `${rule.ruleId} ${rule.status}${detail ? `: ${detail}` : ''}`;
}

async function run(id: string, client: string) {
  const { result } = await runPushScenario(scenario(id), { client, cwd: process.cwd() });
  expect(result.harnessError, 'harness error').toBeUndefined();
  return result;
}

interface MatrixCase {
  name: string;
  scenarioId: string;
  check: () => Promise<void>;
}

/** Heavy cases one by one first, then the light ones concurrently (bounded by the limiter). */
function defineCases(cases: readonly MatrixCase[]): void {
  for (const c of cases.filter((c) => HEAVY_SCENARIOS.has(c.scenarioId))) {
    it(c.name, { timeout: SCENARIO_TIMEOUT_MS }, c.check);
  }
  describe.concurrent('light scenarios', () => {
    for (const c of cases.filter((c) => !HEAVY_SCENARIOS.has(c.scenarioId))) {
      it(c.name, { timeout: SCENARIO_TIMEOUT_MS * 2 }, () => limit(c.check));
    }
  });
}

/** Every rule of each scenario passes against the reference client (none skipped: each scenario exercises what it lists). */
export function defineReferenceSuite(ids: readonly string[]): void {
  defineCases(
    ids.map((id) => ({
      name: `reference client passes every rule of ${id}`,
      scenarioId: id,
      check: async () => {
        const result = await run(id, REFERENCE_CLIENT);
        expect(result.rules.filter((r) => r.status !== 'passed').map(describeRule)).toEqual([]);
      },
    })),
  );
}

/** Each mutant fails exactly its expected rules in each of its scenarios; nothing else fails or errs. */
export function defineMutantSuite(cases: readonly MutantCase[]): void {
  defineCases(
    cases.flatMap((m) =>
      Object.entries(m.expect).map(([id, expected]) => ({
        name: `push-${m.mutant} fails exactly ${expected.join(', ')} in ${id}`,
        scenarioId: id,
        check: async () => {
          const result = await run(id, mutantCommand(m.mutant));
          const failed = result.rules.filter((r) => r.status === 'failed' || r.status === 'error');
          expect(failed.map((r) => r.ruleId).sort(), failed.map(describeRule).join('\n')).toEqual(
            [...expected].sort(),
          );
        },
      })),
    ),
  );
}
