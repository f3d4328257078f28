// docs/mutant-matrix.md is the table in mutant-matrix.ts, and the table names real mutants, scenarios and rules.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findRule } from '../../../src/conformance/push/rules/catalogue.js';
import { loadBuiltinScenarios } from '../../../src/conformance/scenario/find-scenarios.js';
import { renderPullMutantMatrixMarkdown } from '../pull/pull-mutant-matrix.js';
import { MUTANT_MATRIX, renderMutantMatrixMarkdown } from './mutant-matrix.js';

const DOC = 'docs/mutant-matrix.md';

describe('mutant matrix', () => {
  const scenarios = loadBuiltinScenarios(undefined, 'push');

  it(`${DOC} is up to date (UPDATE_DOCS=1 rewrites it)`, () => {
    const pullIds = loadBuiltinScenarios(undefined, 'ss12000').map((s) => s.id);
    const rendered = `${renderMutantMatrixMarkdown(scenarios.map((s) => s.id))}\n${renderPullMutantMatrixMarkdown(pullIds)}`;
    if (process.env.UPDATE_DOCS) writeFileSync(DOC, rendered);
    expect(readFileSync(DOC, 'utf8')).toBe(rendered);
  });

  it('names only existing mutants, scenarios, and rules those scenarios check', () => {
    for (const m of MUTANT_MATRIX) {
      expect(existsSync(`test/fixtures/mutants/push-${m.mutant}.mjs`), m.mutant).toBe(true);
      for (const [id, rules] of Object.entries(m.expect)) {
        const scenario = scenarios.find((s) => s.id === id);
        expect(scenario, `${m.mutant}: scenario ${id}`).toBeDefined();
        for (const rule of rules) {
          expect(findRule(rule), rule).toBeDefined();
          expect(
            scenario?.rules.map((r) => r.ruleId),
            `${id} lists ${rule}`,
          ).toContain(rule);
        }
      }
    }
  });

  it('covers every mutant fixture, once', () => {
    const fixtures = readdirSync('test/fixtures/mutants')
      .filter((name) => /^push-.+\.mjs$/.test(name))
      .map((name) => name.slice('push-'.length, -'.mjs'.length))
      .sort();
    expect(MUTANT_MATRIX.map((m) => m.mutant).sort()).toEqual(fixtures);
  });
});
