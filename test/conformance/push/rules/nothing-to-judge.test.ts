// A client that sends nothing shows no green rule: every PUSH rule either fails or is skipped with its reason.
import { describe, expect, it } from 'vitest';
import { PUSH_RULES } from '../../../../src/conformance/push/rules/catalogue.js';
import { evidence, run, SMALL, sets } from '../evidence-builder.js';

const EMPTY = sets({});

describe('nothing passes without evidence', () => {
  const silent = evidence({
    journal: [],
    tokens: [],
    jobs: [],
    store: EMPTY,
    runs: [run(0, 0, 100, 0), run(1, 200, 300, 1)],
    datasets: [SMALL, sets({ ...SMALL, persons: SMALL.persons.slice(1) })],
  });

  it.each(PUSH_RULES.map((rule) => [rule.id, rule] as const))(
    '%s does not pass a client that called nothing',
    (_id, rule) => {
      const outcome = rule.evaluate(silent, {});
      if (outcome.kind === 'skipped') expect(outcome.reason.length).toBeGreaterThan(10);
      else expect(outcome.findings.length, `${rule.id} passed with nothing to judge`).toBeGreaterThan(0);
    },
  );

  it('fails only the rules whose promise is broken by sending nothing (token, data, split)', () => {
    const failed = PUSH_RULES.filter((rule) => {
      const outcome = rule.evaluate(silent, {});
      return outcome.kind === 'judged';
    }).map((rule) => rule.id);
    expect(failed).toEqual(['PUSH-AUTH-001', 'PUSH-DATA-001']);
  });
});
