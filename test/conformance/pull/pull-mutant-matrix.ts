// THE pull mutant matrix: for each broken SS 12000 API, exactly which rules fail in which scenario (nothing else may).
import { NO_ACCESS_MESSAGE } from '../../../src/mock-ss12000-client/index.js';
import type { Ss12000Mutant } from '../../fixtures/mutants/ss12000-mutant.js';
import { SS12000_MUTANTS } from '../../fixtures/mutants/ss12000-mutants.js';

export interface PullMutantCase {
  mutant: Ss12000Mutant;
  /**
   * Scenario id → the rule ids that must fail there; every other rule of every scenario must pass or be skipped.
   * Empty for a correct variant (an implementation the runner must pass: exit code 0).
   */
  expect: Record<string, readonly string[]>;
  /** Scenario id → the advisory rules that must report there (and nowhere else); none by default. */
  advise?: Record<string, readonly string[]>;
  /** `variant`: a correct implementation unlike the reference (a false failure, now passing); default `mutant`. */
  kind?: 'mutant' | 'variant';
  /** A phrase every failed rule's first finding must contain (the finding names the cause). */
  phrase?: string;
  /** Why a rule beyond the obvious one fails too, when one does. */
  note?: string;
  /**
   * Run only these scenarios (the ones that exercise the broken behaviour), to keep test time down;
   * without, the whole pull library runs. Every other rule of the scenarios run must pass or be skipped.
   */
  scenarios?: readonly string[];
}

/** A case run only against the scenarios it is expected to fail in. */
function only(expect: PullMutantCase['expect'], note?: string): Omit<PullMutantCase, 'mutant'> {
  return { expect, scenarios: Object.keys(expect), ...(note ? { note } : {}) };
}

const EXPECTED: Record<string, Omit<PullMutantCase, 'mutant'>> = {
  'no-jwt-check': {
    expect: {
      'ss12000-auth-matrix': [
        'PULL-AUTH-001',
        'PULL-AUTH-002',
        'PULL-AUTH-003',
        'PULL-AUTH-004',
        'PULL-AUTH-005',
        'PULL-AUTH-006',
        'PULL-AUTH-007',
        'PULL-AUTH-008',
      ],
    },
  },
  'any-organisation': { expect: { 'ss12000-auth-matrix': ['PULL-AUTH-006'] } },
  'page-loop': { expect: { 'ss12000-pagination-filters': ['PULL-PAGE-003'] } },
  'page-skip': {
    expect: { 'ss12000-pagination-filters': ['PULL-PAGE-001', 'PULL-FILTER-001', 'PULL-FILTER-002'] },
    note: 'the filters are walked in small pages too, and a skipped page leaves out objects inside the filter',
  },
  'filter-ignored': {
    expect: {
      'ss12000-pagination-filters': ['PULL-FILTER-001', 'PULL-FILTER-002'],
      'ss12000-deletions': ['PULL-DEL-001'],
    },
    note: "deletedEntities' `after` is a filter too: the deletion is still listed after it",
  },
  'no-webhook': {
    expect: { 'ss12000-webhook-incremental': ['PULL-HOOK-001'], 'ss12000-deletions': ['PULL-HOOK-001'] },
    note: 'both change scenarios wait for a webhook; without one, the token, body and incremental rules are skipped',
  },
  'webhook-no-token': {
    expect: { 'ss12000-webhook-incremental': ['PULL-HOOK-002'], 'ss12000-deletions': ['PULL-HOOK-002'] },
  },
  'no-deletions': { expect: { 'ss12000-deletions': ['PULL-DEL-001'] } },
  'bad-civic-number': { expect: { 'ss12000-full-sync': ['PULL-DATA-001'] } },
  'limit-exceeded': only({ 'ss12000-pagination-filters': ['PULL-PAGE-002'] }),
  'token-filter-accepted': only({ 'ss12000-pagination-filters': ['PULL-PAGE-004'] }),
  'deleted-all-types': only({ 'ss12000-deletions': ['PULL-DEL-002'] }),
  'webhook-per-object': only({ 'ss12000-webhook-incremental': ['PULL-HOOK-004'] }),
  'log-not-created': only({ 'ss12000-full-sync': ['PULL-LOG-001'] }),
  'statistics-not-created': only({ 'ss12000-full-sync': ['PULL-STAT-001'] }),
  'unsubscribe-200': only({ 'ss12000-subscription-lifecycle': ['PULL-SUB-003'] }),
  'dangling-member': only({ 'ss12000-full-sync': ['PULL-DATA-002'] }),
  'location-prefix': only({ 'ss12000-auth-matrix': ['PULL-AUTH-007'] }),
  'filter-lost-on-next-page': only({
    'ss12000-pagination-filters': ['PULL-FILTER-001', 'PULL-FILTER-002'],
  }),
  'renew-unchanged': only({ 'ss12000-subscription-lifecycle': ['PULL-SUB-002'] }),
  'deletion-groups-unstamped': only({ 'ss12000-deletions': ['PULL-DEL-004'] }),
  'bad-deleted-pupil': {
    expect: { 'ss12000-full-sync': ['PULL-DATA-001'] },
    scenarios: ['ss12000-deletions', 'ss12000-full-sync'],
    note: 'run with the deletions scenario listed first: the runner still plays full-sync before it, so the pupil is judged before the deletion removes it',
  },
  'webhook-token-without-access': {
    ...only(
      { 'ss12000-webhook-incremental': ['PULL-HOOK-002'], 'ss12000-deletions': ['PULL-HOOK-002'] },
      "nutid-auth issues the token (requested_access: []), and the SS12000 client refuses it as Skolverket's authentication README says; the finding names the cause",
    ),
    phrase: NO_ACCESS_MESSAGE,
  },
  'reference-spelling': {
    kind: 'variant',
    expect: {},
    advise: {
      'ss12000-auth-matrix': ['PULL-SHAPE-003'],
      'ss12000-full-sync': ['PULL-SHAPE-003'],
      'ss12000-pagination-filters': ['PULL-SHAPE-003'],
    },
  },
  'target-rewritten': {
    expect: {
      'ss12000-subscription-lifecycle': ['PULL-SUB-004'],
      'ss12000-webhook-incremental': ['PULL-HOOK-001'],
      'ss12000-deletions': ['PULL-HOOK-001'],
    },
    note: 'the webhooks go to the rewritten target, where no registration answers, so none reaches the real one',
  },
};

export const PULL_MUTANT_MATRIX: readonly PullMutantCase[] = SS12000_MUTANTS.map((mutant) => {
  const expected = EXPECTED[mutant.name];
  if (!expected) throw new TypeError(`no expectation for mutant ${mutant.name}`);
  return { mutant, ...expected };
});

/** The cases run against the whole pull library (pull-matrix-a and -b split them). */
export const WHOLE_LIBRARY_CASES = PULL_MUTANT_MATRIX.filter((c) => !c.scenarios);

/** The cases run only against the scenarios that exercise them (pull-matrix-c). */
export const FOCUSED_CASES = PULL_MUTANT_MATRIX.filter((c) => c.scenarios);

/** The markdown table of docs/mutant-matrix.md's pull section. */
export function renderPullMutantMatrixMarkdown(scenarioIds: readonly string[]): string {
  const lines = [
    '## SS 12000 API mutants (`conform ss12000`)',
    '',
    '`test/conformance/pull/pull-matrix-*.test.ts` runs every pull scenario against the reference SS 12000 API',
    '(`examples/ss12000-api`, changes made by `examples/ss12000-api/change-hook.mjs`), where every rule must pass,',
    'and against each broken variant (`test/fixtures/mutants/ss12000-<name>.ts`: the reference API with one behaviour',
    'switched off or wrapped), where exactly the rules below fail, in the scenarios named, and nothing else fails anywhere.',
    'Mutants marked *(focused)* run only against the scenarios named (`pull-matrix-c.test.ts`, to keep test time',
    'down); there every other rule must pass or be skipped. A *correct variant* answers differently from the reference',
    "but correctly (as Skolverket's own reference API does, which Skolverket's service accepts): the runner must pass",
    'it (exit 0), reporting only the advisories named.',
    '',
    '| mutant | breaks | scenario | rules that must fail |',
    '|---|---|---|---|',
  ];
  const ids = (rules: readonly string[]) => rules.map((r) => `\`${r}\``).join(', ');
  for (const m of PULL_MUTANT_MATRIX) {
    const name = `\`ss12000-${m.mutant.name}\`${m.scenarios ? ' *(focused)*' : ''}`;
    if (m.kind === 'variant') {
      const advised = Object.entries(m.advise ?? {});
      for (const [scenario, rules] of advised.length > 0 ? advised : [['every scenario', []] as const])
        lines.push(
          `| ${name} *(correct variant: must pass)* | ${m.mutant.breaks} | \`${scenario}\` | none (exit 0)${rules.length > 0 ? `; advisory ${ids(rules)}` : ''} |`,
        );
      continue;
    }
    for (const [scenario, rules] of Object.entries(m.expect))
      lines.push(`| ${name} | ${m.mutant.breaks} | \`${scenario}\` | ${ids(rules)} |`);
  }
  lines.push('', '### Why some mutants fail more than one rule', '');
  for (const m of PULL_MUTANT_MATRIX) if (m.note) lines.push(`- \`ss12000-${m.mutant.name}\`: ${m.note}.`);
  lines.push(
    '',
    '### Pull scenarios and the mutants they catch',
    '',
    '| scenario | caught mutants |',
    '|---|---|',
  );
  for (const id of scenarioIds) {
    const caught = PULL_MUTANT_MATRIX.filter((m) => id in m.expect || id in (m.advise ?? {})).map(
      (m) => `\`ss12000-${m.mutant.name}\``,
    );
    lines.push(`| \`${id}\` | ${caught.length > 0 ? caught.join(', ') : '— (reference API only)'} |`);
  }
  return `${lines.join('\n')}\n`;
}
