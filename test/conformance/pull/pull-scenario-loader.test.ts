// Pull scenarios (`target: ss12000`) load through the shared loader: steps, rules, and problems named by line.
import { describe, expect, it } from 'vitest';
import { loadBuiltinScenarios } from '../../../src/conformance/scenario/find-scenarios.js';
import { parseScenario } from '../../../src/conformance/scenario/load-scenario.js';
import { ScenarioError } from '../../../src/conformance/scenario/scenario-error.js';

const GOOD = `id: tiny-pull
title: Tiny
description: x
target: ss12000
steps:
  - fetch: { limit: 3 }
  - auth
  - change: { kind: person-bulk-update, count: 4 }
rules:
  - PULL-AUTH-001
  - { id: PULL-HOOK-001, params: { withinSeconds: 30 } }
`;

function problem(text: string): ScenarioError {
  try {
    parseScenario(text, '/x/tiny.yaml');
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
  throw new Error('no problem reported');
}

describe('pull scenario files', () => {
  it('load with bare step names and rule parameters', () => {
    const scenario = parseScenario(GOOD, '/x/tiny.yaml');
    expect(scenario.target).toBe('ss12000');
    expect(scenario.steps).toEqual([
      { fetch: { limit: 3 } },
      { auth: {} },
      { change: { kind: 'person-bulk-update', count: 4 } },
    ]);
    expect(scenario.rules).toEqual([
      { ruleId: 'PULL-AUTH-001', params: {} },
      { ruleId: 'PULL-HOOK-001', params: { withinSeconds: 30 } },
    ]);
  });

  it('name the line of an unknown change kind', () => {
    const error = problem(GOOD.replace('person-bulk-update', 'person-move'));
    expect(error.path).toBe('steps[2].change.kind');
    expect(error.line).toBe(8);
  });

  it('name an unknown PULL rule and a bad parameter', () => {
    expect(problem(GOOD.replace('PULL-AUTH-001', 'PULL-AUTH-099')).message).toBe(
      '/x/tiny.yaml:10:5 rules[0]: unknown rule "PULL-AUTH-099" (see docs/rules.md)',
    );
    expect(problem(GOOD.replace('withinSeconds: 30', 'withinSeconds: -1')).path).toBe(
      'rules[1].params.withinSeconds',
    );
  });

  it('take a walk in a number of pages instead of a limit, but not both', () => {
    expect(parseScenario(GOOD.replace('limit: 3', 'pages: 10'), '/x/tiny.yaml').steps[0]).toEqual({
      fetch: { pages: 10 },
    });
    expect(problem(GOOD.replace('limit: 3', 'limit: 3, pages: 10')).message).toMatch(
      /give limit or pages, not both/,
    );
  });

  it('refuse push rules and a step naming two probes', () => {
    expect(problem(GOOD.replace('PULL-AUTH-001', 'PUSH-AUTH-001')).message).toMatch(
      /a rule id such as PULL-AUTH-001/,
    );
    expect(problem(GOOD.replace('  - auth\n', '  - { auth: {}, reports: {} }\n')).message).toMatch(
      /a step names exactly one probe/,
    );
  });

  it('the built-in pull library validates, and covers every PULL rule', async () => {
    const { PULL_RULES } = await import('../../../src/conformance/pull/rules/pull-catalogue.js');
    const library = loadBuiltinScenarios(undefined, 'ss12000');
    expect(library.map((s) => s.id)).toEqual([
      'ss12000-auth-matrix',
      'ss12000-deletions',
      'ss12000-full-sync',
      'ss12000-pagination-filters',
      'ss12000-subscription-lifecycle',
      'ss12000-webhook-incremental',
    ]);
    const checked = new Set(library.flatMap((s) => s.rules.map((r) => r.ruleId)));
    expect(PULL_RULES.map((r) => r.id).filter((id) => !checked.has(id))).toEqual([]);
  });
});
