// DATA, IDEMP and DELETE rules judged on hand-built evidence: a passing and a failing case each.
import { describe, expect, it } from 'vitest';
import {
  DATA_NO_ERRORS_LEFT,
  DATA_STORE_EQUALS_DATASET,
} from '../../../../src/conformance/push/rules/data-rules.js';
import { DELETE_REMOVED_OBJECTS } from '../../../../src/conformance/push/rules/delete-rules.js';
import { IDEMP_RERUN_CLEAN } from '../../../../src/conformance/push/rules/idemp-rules.js';
import { A1, evidence, G1, P1, P2, person, run, SMALL, sets, submitted } from '../evidence-builder.js';
import { findings, skipReason } from './judge.js';

const withMeta = (o: Record<string, unknown>) => ({
  ...o,
  meta: { created: 'x' },
  provisioningStatus: false,
});

describe('PUSH-DATA-001 store equals dataset', () => {
  it('passes when the store holds the dataset (service fields and id case ignored)', () => {
    const store = sets({
      ...SMALL,
      persons: SMALL.persons.map((p) => withMeta({ ...p, id: String(p.id).toUpperCase() })),
    });
    expect(findings(DATA_STORE_EQUALS_DATASET, evidence({ store }))).toEqual([]);
  });

  it('fails naming missing, extra and changed objects', () => {
    const store = sets({
      ...SMALL,
      persons: [person(P1, 'Annika')],
      duties: [...SMALL.duties, { id: 'ffffffff-0000-4000-8000-000000000000' }],
    });
    const messages = findings(DATA_STORE_EQUALS_DATASET, evidence({ store })).map((f) => f.message);
    expect(messages).toEqual([
      `1 of 2 persons are missing from the store (${P2}).`,
      `1 persons differ from the dataset (${P1}; first differs in givenName).`,
      '1 duties in the store are not in the dataset (ffffffff-0000-4000-8000-000000000000).',
    ]);
  });

  it('does not expect objects the dataset made invalid on purpose', () => {
    const store = sets({ ...SMALL, persons: [person(P1)] });
    expect(findings(DATA_STORE_EQUALS_DATASET, evidence({ store, expectedErrorIds: [P2] }))).toEqual([]);
  });
});

describe('PUSH-DATA-002 no Error left', () => {
  it('passes when a TemporaryError was later resolved', () => {
    const a = submitted('persons', 0, [[P1, 'TemporaryError']]);
    const b = submitted('persons', 1000, [[P1, 'Success']]);
    expect(findings(DATA_NO_ERRORS_LEFT, evidence({ jobs: [a.job, b.job] }))).toEqual([]);
  });

  it('fails when the last answer for an object is Error', () => {
    const a = submitted('persons', 0, [[P1, 'Success']]);
    const b = submitted('persons', 1000, [[P1, 'Error']]);
    const e = evidence({ journal: [a.entry, b.entry], jobs: [a.job, b.job] });
    const [finding] = findings(DATA_NO_ERRORS_LEFT, e);
    expect(finding?.message).toBe(`1 object(s) ended with Error or TemporaryError (persons ${P1} Error).`);
    expect(finding?.requests?.[0]?.timeMs).toBe(b.entry.timeMs);
  });
});

describe('PUSH-IDEMP-001 clean re-run', () => {
  const runs = [run(0, 0, 10_000, 0), run(1, 20_000, 30_000, 0)];

  it('is skipped with a single run', () => {
    expect(skipReason(IDEMP_RERUN_CLEAN, evidence())).toMatch(/no run repeated/);
  });

  it('passes when the second run updates with updateIfExists', () => {
    const a = submitted('persons', 0, [[P1, 'Success']]);
    const b = submitted('persons', 21_000, [[P1, 'Success']], { updateIfExists: true });
    expect(findings(IDEMP_RERUN_CLEAN, evidence({ runs, jobs: [a.job, b.job] }))).toEqual([]);
  });

  it('fails when the second run creates again and gets Errors', () => {
    const a = submitted('persons', 0, [[P1, 'Success']]);
    const b = submitted('persons', 21_000, [[P1, 'Error']]);
    const e = evidence({ runs, journal: [a.entry, b.entry], jobs: [a.job, b.job] });
    expect(findings(IDEMP_RERUN_CLEAN, e).map((f) => f.message)).toEqual([
      'Run 2 created again, without updateIfExists, objects that were already stored (1 call(s)).',
      'Run 2 over an unchanged dataset got 1 Error item(s).',
    ]);
  });
});

describe('PUSH-DELETE-001 removed objects deleted', () => {
  const after = sets({ ...SMALL, persons: [person(P2)], groups: [], activities: [] });
  const runs = [run(0, 0, 10_000, 0), run(1, 20_000, 30_000, 1)];
  const stored = [
    submitted('persons', 1_000, [
      [P1, 'Success'],
      [P2, 'Success'],
    ]).job,
    submitted('groups', 2_000, [[G1, 'Success']]).job,
    submitted('activities', 3_000, [[A1, 'Success']]).job,
  ];

  it('is skipped when nothing removed had been stored', () => {
    expect(
      skipReason(DELETE_REMOVED_OBJECTS, evidence({ runs, datasets: [SMALL, after], store: SMALL })),
    ).toMatch(/nothing to delete/);
  });

  it('passes when the next run deletes what left the dataset', () => {
    const g = submitted('groups', 21_000, [['00000000-0000-4000-8000-0000000000a1', 'Success']], {
      operation: 'delete',
    });
    const act = submitted('activities', 20_500, [['00000000-0000-4000-8000-0000000000b1', 'Success']], {
      operation: 'delete',
    });
    const p = submitted('persons', 22_000, [[P1, 'Success']], { operation: 'delete' });
    const e = evidence({
      runs,
      datasets: [SMALL, after],
      store: after,
      jobs: [...stored, act.job, g.job, p.job],
    });
    expect(findings(DELETE_REMOVED_OBJECTS, e)).toEqual([]);
  });

  it('fails when they stay', () => {
    const e = evidence({ runs, datasets: [SMALL, after], store: SMALL, jobs: stored });
    expect(findings(DELETE_REMOVED_OBJECTS, e).map((f) => f.message)).toEqual([
      `Run 2: 1 of 1 removed persons were not deleted (${P1}).`,
      'Run 2: 1 of 1 removed groups were not deleted (00000000-0000-4000-8000-0000000000a1).',
      'Run 2: 1 of 1 removed activities were not deleted (00000000-0000-4000-8000-0000000000b1).',
    ]);
  });
});
