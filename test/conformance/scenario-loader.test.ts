// The scenario loader: every built-in scenario is valid, and a bad file is reported with file, path and line.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBuiltinScenarios, resolveScenarios } from '../../src/conformance/scenario/find-scenarios.js';
import { loadScenarioFile, parseScenario } from '../../src/conformance/scenario/load-scenario.js';
import { ScenarioError } from '../../src/conformance/scenario/scenario-error.js';

const GOOD = `id: tiny
title: Tiny
description: A tiny scenario.
target: push
dataset:
  generate:
    pupils: 5
rules:
  - PUSH-AUTH-001
  - id: PUSH-RATE-001
    params:
      limit: 5
`;

function problem(text: string): ScenarioError {
  try {
    parseScenario(text, join(process.cwd(), 'scenarios', 'bad.yaml'));
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
  throw new Error('expected a ScenarioError');
}

describe('scenario loader', () => {
  it('loads every built-in scenario, each with a file-name id', () => {
    const scenarios = loadBuiltinScenarios();
    expect(scenarios.length).toBeGreaterThanOrEqual(10);
    for (const s of scenarios) expect(s.file.endsWith(`/${s.id}.yaml`)).toBe(true);
  });

  it('normalises rules and fills defaults', () => {
    const scenario = parseScenario(GOOD, '/x/tiny.yaml');
    expect(scenario.rules).toEqual([
      { ruleId: 'PUSH-AUTH-001', params: {} },
      { ruleId: 'PUSH-RATE-001', params: { limit: 5 } },
    ]);
    expect(scenario.steps).toEqual([{ run: {} }]);
    expect(scenario.target === 'push' && scenario.organisation).toBe('5567044268');
  });

  it('names file, path and line for a value of the wrong type', () => {
    const error = problem(GOOD.replace('pupils: 5', 'pupils: many'));
    expect(error.code).toBe('scenario_invalid');
    expect(error.path).toBe('dataset.generate.pupils');
    expect(error.line).toBe(7);
    expect(error.message).toMatch(/^scenarios\/bad\.yaml:7:13 dataset\.generate\.pupils: /);
  });

  it('names the line of an unknown rule id', () => {
    const error = problem(GOOD.replace('PUSH-AUTH-001', 'PUSH-AUTH-999'));
    expect(error.message).toBe(
      'scenarios/bad.yaml:9:5 rules[0]: unknown rule "PUSH-AUTH-999" (see docs/rules.md)',
    );
  });

  it("checks a rule's parameters against its schema", () => {
    const error = problem(GOOD.replace('limit: 5', 'limit: -1'));
    expect(error.path).toBe('rules[1].params.limit');
    expect(error.line).toBe(12);
  });

  it('rejects unknown and runner-owned mock settings', () => {
    const error = problem(`${GOOD}mock:\n  settings:\n    port: 1\n    rateLimitWrit: 2\n`);
    expect(error.problems.map((p) => `${p.line} ${p.path}: ${p.message}`)).toEqual([
      '15 mock.settings.port: "port" is set by the conformance runner, not by a scenario',
      '16 mock.settings.rateLimitWrit: unknown setting "rateLimitWrit" (see docs/configuration.md)',
    ]);
  });

  it('points at the missing field, at its parent', () => {
    const error = problem(GOOD.replace('title: Tiny\n', ''));
    expect(error.path).toBe('title');
    expect(error.line).toBe(1);
  });

  it('reports a step that names two actions', () => {
    const error = problem(`${GOOD}steps:\n  - run: {}\n    wait: 100\n`);
    expect(error.path).toBe('steps[0]');
    expect(error.line).toBe(14);
    expect(error.message).toMatch(/exactly one of run, change, wait, faults/);
  });

  it('reports YAML syntax errors with their line', () => {
    const error = problem('id: x\ntitle: [unclosed\n');
    expect(error.code).toBe('scenario_yaml');
    expect(error.line).toBeGreaterThanOrEqual(2);
  });

  it('reports an unknown target through the discriminated union', () => {
    expect(problem(GOOD.replace('target: push', 'target: pull')).path).toBe('target');
  });

  it('reports generator options the generator refuses', () => {
    const error = problem(GOOD.replace('pupils: 5', 'pupils: 5\n    today: 2026-02-30'));
    expect(error.path).toBe('dataset.generate.today');
    expect(error.line).toBe(8);
  });

  it('resolves ids and files, and refuses an unknown id', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
    writeFileSync(join(dir, 'tiny.yaml'), GOOD);
    expect(resolveScenarios(['tiny'], dir).map((s) => s.id)).toEqual(['tiny']);
    expect(loadScenarioFile(join(dir, 'tiny.yaml')).id).toBe('tiny');
    expect(() => resolveScenarios(['nope'], dir)).toThrow(
      /^no scenario with the id "nope" \(known scenarios: tiny\)$/,
    );
  });
});
