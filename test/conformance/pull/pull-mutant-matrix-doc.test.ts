// The pull matrix names real mutant fixtures, scenarios and rules those scenarios check, and covers every ss12000 mutant.
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findPullRule } from '../../../src/conformance/pull/rules/pull-catalogue.js';
import { loadBuiltinScenarios } from '../../../src/conformance/scenario/find-scenarios.js';
import { PULL_MUTANT_MATRIX } from './pull-mutant-matrix.js';

describe('pull mutant matrix', () => {
  const scenarios = loadBuiltinScenarios(undefined, 'ss12000');

  it('names only existing mutants, scenarios, and rules those scenarios check', () => {
    for (const { mutant, expect: expected } of PULL_MUTANT_MATRIX) {
      expect(existsSync(`test/fixtures/mutants/ss12000-${mutant.name}.ts`), mutant.name).toBe(true);
      for (const [id, rules] of Object.entries(expected)) {
        const scenario = scenarios.find((s) => s.id === id);
        expect(scenario, `${mutant.name}: scenario ${id}`).toBeDefined();
        for (const rule of rules) {
          expect(findPullRule(rule), rule).toBeDefined();
          expect(
            scenario?.rules.map((r) => r.ruleId),
            `${id} lists ${rule}`,
          ).toContain(rule);
        }
      }
    }
  });

  it('covers every ss12000 mutant fixture, once', () => {
    const helpers = new Set(['mutant', 'mutants']);
    const fixtures = readdirSync('test/fixtures/mutants')
      .filter((name) => /^ss12000-.+\.ts$/.test(name))
      .map((name) => name.slice('ss12000-'.length, -'.ts'.length))
      .filter((name) => !helpers.has(name))
      .sort();
    expect(PULL_MUTANT_MATRIX.map((m) => m.mutant.name).sort()).toEqual(fixtures);
  });

  it('runs a focused mutant in every scenario it is expected to fail in', () => {
    for (const { mutant, expect: expected, scenarios: run } of PULL_MUTANT_MATRIX) {
      if (!run) continue;
      for (const id of run)
        expect(
          scenarios.map((s) => s.id),
          `${mutant.name}: ${id}`,
        ).toContain(id);
      for (const id of Object.keys(expected)) expect(run, `${mutant.name} runs ${id}`).toContain(id);
    }
  });

  it('every pull scenario catches at least one mutant', () => {
    const caught = new Set(PULL_MUTANT_MATRIX.flatMap((m) => Object.keys(m.expect)));
    expect(scenarios.map((s) => s.id).filter((id) => !caught.has(id))).toEqual([]);
  });
});
