// THE mutant matrix: which scenarios each deliberately broken client runs, and exactly which rules must fail.
// docs/mutant-matrix.md is generated from this table (UPDATE_DOCS=1 npx vitest run test/conformance/mutant-matrix-doc.test.ts).

export const REFERENCE_CLIENT = 'node examples/push-client/main.mjs';

export interface MutantCase {
  /** `test/fixtures/mutants/push-<mutant>.mjs` */
  mutant: string;
  /** The one behaviour it breaks. */
  breaks: string;
  /**
   * Scenario id → the rule ids that must fail there (every other rule of the scenario must pass or be
   * skipped). Empty for a correct variant: nothing may fail.
   */
  expect: Record<string, readonly string[]>;
  /** A correct variant of the reference client (a different but conforming behaviour) that must pass. */
  correct?: true;
  /** Why a rule beyond the obvious one fails too, when one does. */
  note?: string;
}

export function mutantCommand(mutant: string): string {
  return `node test/fixtures/mutants/push-${mutant}.mjs`;
}

export const MUTANT_MATRIX: readonly MutantCase[] = [
  {
    mutant: 'no-jwt-verify',
    breaks: 'uses the token from /transaction without verifying it against the JWKS',
    expect: { 'forged-token': ['PUSH-AUTH-002'] },
  },
  {
    mutant: 'token-per-call',
    breaks: 'fetches a new token for every call',
    expect: { 'happy-path': ['PUSH-AUTH-004'] },
  },
  {
    mutant: 'no-bearer',
    breaks: 'sends its first job-status poll without the Authorization header',
    expect: { 'happy-path': ['PUSH-AUTH-003'] },
  },
  {
    mutant: 'no-backoff',
    breaks: 'retries a 429 at once, ignoring X-RateLimit-Reset',
    expect: { 'rate-limit-storm': ['PUSH-RATE-002', 'PUSH-RATE-003'] },
    note: 'the immediate retries are refused again: a storm of 429s',
  },
  {
    mutant: 'no-pacing',
    breaks: 'no client-side pacing: writes and polls go out in bursts',
    expect: { 'happy-path': ['PUSH-RATE-001'] },
  },
  {
    mutant: 'no-split',
    breaks: 'sends each resource in one body, whatever its size',
    expect: { 'payload-split': ['PUSH-LIMIT-001', 'PUSH-LIMIT-002', 'PUSH-DATA-001'] },
    note: 'the refused persons never reach the store',
  },
  {
    mutant: 'no-order-wait',
    breaks: 'sends persons, duties, groups and activities back to back',
    expect: { 'order-dependencies': ['PUSH-ORDER-001', 'PUSH-DATA-001', 'PUSH-DATA-002'] },
    note:
      'jobs of different resources settle independently there, so duties and groups sent early meet the item ' +
      'errors they would at Skolverket',
  },
  {
    mutant: 'no-temporary-retry',
    breaks: 'never sends TemporaryError items again',
    expect: { 'temporary-errors': ['PUSH-JOB-003', 'PUSH-DATA-001', 'PUSH-DATA-002'] },
    note: 'the dropped items are missing from the store and end as TemporaryError',
  },
  {
    mutant: 'resend-errors',
    breaks: 'sends Error items again unchanged, like TemporaryError',
    expect: { 'rejected-items': ['PUSH-JOB-004'] },
  },
  {
    mutant: 'no-delete',
    breaks: 'never deletes what disappeared from the dataset',
    expect: { deletions: ['PUSH-DELETE-001', 'PUSH-DATA-001'] },
    note: 'the stale objects stay in the store',
  },
  {
    mutant: 'duplicate-create',
    breaks: 'POST …/bulk without updateIfExists, so a re-run creates again',
    expect: { 'rerun-idempotency': ['PUSH-IDEMP-001', 'PUSH-DATA-002'] },
    note: 'every re-created object ends with Error 409',
  },
  {
    mutant: 'no-job-follow',
    breaks: 'fire and forget: never polls a job',
    expect: { 'happy-path': ['PUSH-ORDER-001', 'PUSH-JOB-001'] },
    note: 'without following jobs it cannot wait for dependencies either',
  },
  {
    mutant: 'hot-polling',
    breaks: 'polls isCompleted with no pause between polls',
    expect: { 'order-dependencies': ['PUSH-JOB-002'] },
  },
  {
    mutant: 'integer-reset',
    breaks: 'reads X-RateLimit-Reset as an integer: 0.5 becomes 0 and it retries at once',
    expect: { 'fractional-rate-reset': ['PUSH-RATE-002', 'PUSH-RATE-003'] },
    note: 'the immediate retries land in a window that is still full: a storm of 429s',
  },
  {
    mutant: 'signature-only',
    breaks: 'verifies the JWT signature by kid but no claim (exp, nbf, organization_id, requested_access)',
    expect: { 'token-faults': ['PUSH-AUTH-002'] },
  },
  {
    mutant: 'kid-only',
    breaks: 'checks that the kid is in the JWKS but never verifies the signature',
    expect: { 'token-faults': ['PUSH-AUTH-002'] },
  },
  {
    mutant: 'fixed-retry',
    breaks: 'retries a 503 every 300 ms without growing the wait',
    expect: { 'service-unavailable': ['PUSH-RATE-003'] },
  },
  {
    mutant: 'first-page-only',
    breaks: 'reads only the first page of a list when deciding what to delete',
    expect: { deletions: ['PUSH-DELETE-001', 'PUSH-DATA-001'] },
    note: 'what it never saw on the later pages stays in the store',
  },
  {
    mutant: 'no-delete-wait',
    breaks: 'sends the deletes of every resource back to back, before the deletes of dependants settled',
    expect: { deletions: ['PUSH-ORDER-001'] },
  },
  {
    mutant: 'completion-only',
    breaks: 'sees isCompleted turn true but never reads the job result (items, Errors, Warnings)',
    expect: { 'happy-path': ['PUSH-JOB-001'] },
  },
  {
    mutant: 'no-bearer-flag',
    breaks: 'asks /transaction for a token without the "bearer" flag (nutid-auth answers 400)',
    expect: { 'happy-path': ['PUSH-AUTH-001', 'PUSH-AUTH-006', 'PUSH-DATA-001'] },
    note:
      'with no token it sends nothing: PUSH-AUTH-006 names the missing flag and its fix, with the 400 body, so ' +
      'the failure does not surface only as missing data',
  },
  {
    mutant: 'fresh-pacer',
    correct: true,
    breaks: 'its rate pacer starts empty, so a run right after another sends at full pace at once (correct)',
    expect: { 'rerun-idempotency': [] },
  },
];

/** The markdown of docs/mutant-matrix.md. */
export function renderMutantMatrixMarkdown(scenarioIds: readonly string[]): string {
  const lines = [
    '<!-- Generated from test/conformance/mutant-matrix.ts; do not edit by hand. -->',
    '# Mutant matrix',
    '',
    'The harness tests itself: `test/conformance/matrix-reference.test.ts` and `matrix-mutants.test.ts` run every scenario against the reference',
    `client (\`${REFERENCE_CLIENT}\`), where every rule must pass, and each deliberately broken client`,
    '(`test/fixtures/mutants/push-<name>.mjs`) against the scenarios that expose it, where exactly the rules',
    'below must fail and nothing else. A rule a scenario does not list is not judged there.',
    '',
    '| mutant | breaks | scenario | rules that must fail |',
    '|---|---|---|---|',
  ];
  for (const m of MUTANT_MATRIX.filter((c) => !c.correct)) {
    for (const [scenario, rules] of Object.entries(m.expect)) {
      lines.push(
        `| \`${m.mutant}\` | ${m.breaks} | \`${scenario}\` | ${rules.map((r) => `\`${r}\``).join(', ')} |`,
      );
    }
  }
  lines.push(
    '',
    '## Correct variants that must pass',
    '',
    'Clients that behave differently from the reference client but conform: every rule of the scenarios named',
    'must pass or be skipped. They guard against false failures.',
    '',
    '| variant | differs in | scenario |',
    '|---|---|---|',
  );
  for (const m of MUTANT_MATRIX.filter((c) => c.correct)) {
    for (const scenario of Object.keys(m.expect))
      lines.push(`| \`${m.mutant}\` | ${m.breaks} | \`${scenario}\` |`);
  }
  lines.push('', '## Why some mutants fail more than one rule', '');
  for (const m of MUTANT_MATRIX) if (m.note) lines.push(`- \`${m.mutant}\`: ${m.note}.`);
  lines.push('', '## Scenarios and the mutants they catch', '', '| scenario | caught mutants |', '|---|---|');
  for (const id of scenarioIds) {
    const caught = MUTANT_MATRIX.filter((m) => !m.correct && id in m.expect).map((m) => `\`${m.mutant}\``);
    lines.push(`| \`${id}\` | ${caught.length > 0 ? caught.join(', ') : '— (reference client only)'} |`);
  }
  return `${lines.join('\n')}\n`;
}
