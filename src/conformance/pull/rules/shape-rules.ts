// SHAPE rules: every call gets a usable answer (in time, complete, JSON), and answers validate against the subset spec.
import { z } from 'zod';
import type { RequestRef } from '../../result/request-ref.js';
import type { Finding } from '../../rule/rule.js';
import type { CallFailure, ExchangeRecord, ListWalk, PullEvidence } from '../evidence/pull-evidence.js';
import {
  allExchanges,
  allWalks,
  describeExchange,
  listSome,
  pathOf,
  refsOf,
} from '../evidence/pull-views.js';
import { bodyForValidation, organisationsAsData, referenceErrorBody } from '../spec/reference-spellings.js';
import { subsetSpec, validateSubsetAnswer } from '../spec/subset-spec.js';
import { definePullRule, type PullRule } from './pull-rule.js';
import { PULL_SOURCES } from './pull-sources.js';

interface Failed {
  what: string;
  failure: CallFailure;
  ref?: RequestRef;
}

/** A failure that says something about the API: not a status the probe expected to see, nor a non-JSON error answer. */
function counts(exchange: ExchangeRecord): boolean {
  const failure = exchange.failure;
  if (!failure || failure.code === 'http_status') return false;
  const status = exchange.status ?? 0;
  return !((failure.code === 'wrong_content_type' || failure.code === 'invalid_json') && status >= 300);
}

const PAGE_ENDS: readonly ListWalk['end'][] = ['repeated-token', 'page-limit'];

function failures(evidence: PullEvidence): Failed[] {
  const single = allExchanges(evidence)
    .filter((e) => e.purpose !== 'page' && counts(e))
    .map((e) => ({
      what: describeExchange(e),
      failure: e.failure as CallFailure,
      ...(e.ref ? { ref: e.ref } : {}),
    }));
  // Walks that loop or do not end are PULL-PAGE-003's; every other failed walk is a failed call.
  const walks = allWalks(evidence)
    .filter((w) => w.failure && !PAGE_ENDS.includes(w.end))
    .map((w) => ({
      what: `GET ${pathOf(w.resource)} (${w.purpose}, page ${w.pages.length + 1})`,
      failure: w.failure as CallFailure,
      ...(w.failedRef ? { ref: w.failedRef } : {}),
    }));
  return [...single, ...walks];
}

const CODE_TEXT: Record<string, string> = {
  timeout: 'got no complete answer within the time limit',
  network_error: 'failed on the network (refused, reset)',
  http_status: 'answered an error status where 200 was expected',
  wrong_content_type: 'answered something other than application/json',
  invalid_json: 'answered a body that is not JSON',
  response_too_large: 'answered a body over the size cap',
  invalid_answer: 'answered JSON of the wrong shape',
  deadline: 'did not finish within the time budget',
  cancelled: 'were cancelled',
};

export const SHAPE_USABLE_ANSWERS = definePullRule({
  id: 'PULL-SHAPE-001',
  family: 'SHAPE',
  title: 'Every call gets a usable answer: in time, complete, JSON',
  severity: 'blocker',
  why:
    'The SS12000 client tries each GET three times, then gives the resource up and logs it as failed. A call ' +
    'that hangs, a body too large to read, an HTML login page or a 500 means that resource does not reach ' +
    'the provtjänst at all.',
  sources: [PULL_SOURCES.ss12000Client, PULL_SOURCES.subsetSpec],
  fix: "Answer every call within the time limit with application/json of the spec's shape; keep pages small enough (limit) to stay under the size cap.",
  params: z.object({}),
  skipUnless: (e) =>
    allExchanges(e).length > 0 || allWalks(e).length > 0 ? undefined : 'the scenario made no call to the API',
  check(evidence) {
    const byCode = new Map<string, Failed[]>();
    for (const failed of failures(evidence))
      byCode.set(failed.failure.code, [...(byCode.get(failed.failure.code) ?? []), failed]);
    return [...byCode].map(
      ([code, list]): Finding => ({
        message:
          `${list.length} call(s) ${CODE_TEXT[code] ?? code}: ${listSome(
            list.map((f) => f.what),
            3,
          )}` + ` (${(list[0] as Failed).failure.message}).`,
        requests: list.flatMap((f) => (f.ref ? [f.ref] : [])).slice(0, 10),
      }),
    );
  },
});

export const SHAPE_MATCHES_SPEC = definePullRule({
  id: 'PULL-SHAPE-002',
  family: 'SHAPE',
  title: 'Answers validate against the subset spec',
  severity: 'major',
  why:
    "Skolverket's client reads answers as the subset spec describes them (spec/ss12000-dnp-subset-api.yaml): " +
    'a field of the wrong type or a missing required one fails the whole page, not only the object.',
  sources: [PULL_SOURCES.subsetSpec],
  fix: "Make each answer match the operation's schema in the subset spec; the finding names the field (body/…) and the rule it breaks.",
  params: z.object({
    maxFindings: z
      .number()
      .int()
      .min(1)
      .default(20)
      .describe('Distinct problems named before the rest are summed up.'),
  }),
  skipUnless: (e) =>
    subsetSpec().missing ??
    (validatable(e).length > 0
      ? undefined
      : 'no answer of an operation in the subset spec came to validate (see PULL-SHAPE-001)'),
  check(evidence, params) {
    const validator = subsetSpec().validator;
    if (!validator) return [];
    const grouped = new Map<string, { exchanges: ExchangeRecord[]; errors: string[] }>();
    for (const { exchange, body } of validatable(evidence)) {
      const result = validateSubsetAnswer(
        validator,
        exchange.method,
        exchange.operation,
        exchange.status as number,
        body,
      );
      if (result.valid) continue;
      const key = `${exchange.method} ${exchange.operation} → ${exchange.status}: ${result.errors[0]}`;
      const entry = grouped.get(key) ?? { exchanges: [], errors: result.errors };
      entry.exchanges.push(exchange);
      grouped.set(key, entry);
    }
    const findings = [...grouped].slice(0, params.maxFindings).map(
      ([key, { exchanges, errors }]): Finding => ({
        message: `${key.split(':')[0]} (${exchanges.length} answer(s)): ${listSome(errors, 3)}.`,
        requests: exchanges.flatMap((e) => (e.ref ? [e.ref] : [])).slice(0, 5),
      }),
    );
    if (grouped.size > params.maxFindings)
      findings.push({ message: `…and ${grouped.size - params.maxFindings} more kinds of mismatch.` });
    return findings;
  },
});

/** Answers the subset spec describes and the runner can validate, with the body as it is validated. */
function validatable(evidence: PullEvidence): Array<{ exchange: ExchangeRecord; body: unknown }> {
  const validator = subsetSpec().validator;
  if (!validator) return [];
  return allExchanges(evidence).flatMap((exchange) => {
    if (exchange.status === undefined || exchange.failure) return [];
    if (!validator.has(exchange.method, exchange.operation)) return [];
    if (exchange.body === undefined && exchange.status >= 300) return [];
    const { validate, body } = bodyForValidation(exchange);
    return validate ? [{ exchange, body }] : [];
  });
}

export const SHAPE_REFERENCE_SPELLINGS = definePullRule({
  id: 'PULL-SHAPE-003',
  family: 'SHAPE',
  title: "Answers use the subset spec's spellings, not only the reference API's",
  severity: 'advisory',
  why:
    'Skolverket\'s own reference SS 12000 API answers /organisations as {"data": [...]} and errors as ' +
    '{"error": {...}}, where the subset spec says {"organisations": [...]} and Error ({code, message}). ' +
    "Skolverket's SS12000 client copes with its own reference, so neither fails a run; the spec's spelling " +
    'is the one every client can rely on.',
  sources: [PULL_SOURCES.subsetSpec],
  fix: 'Answer GET /organisations as {"organisations": [...]} and errors as {"code": "...", "message": "..."}, as the subset spec says.',
  params: z.object({}),
  skipUnless: (e) =>
    allExchanges(e).some((x) => x.status !== undefined && !x.failure)
      ? undefined
      : 'no answer came to look at (see PULL-SHAPE-001)',
  check(evidence) {
    const answered = allExchanges(evidence).filter((x) => x.status !== undefined && !x.failure);
    const findings: Finding[] = [];
    const organisations = answered.filter(organisationsAsData);
    if (organisations.length > 0)
      findings.push({
        message: `GET /organisations answered {"data": [...]} (Skolverket's reference spelling) ${organisations.length} time(s); the subset spec says {"organisations": [...]}.`,
        requests: refsOf(organisations).slice(0, 5),
      });
    const errors = answered.filter(referenceErrorBody);
    if (errors.length > 0)
      findings.push({
        message: `${errors.length} error answer(s) had the body {"error": {...}} (Skolverket's reference) instead of the subset spec's Error {code, message}: ${listSome(
          [...new Set(errors.map((x) => `${x.method} ${x.operation} → ${x.status}`))],
          3,
        )}.`,
        requests: refsOf(errors).slice(0, 5),
      });
    return findings;
  },
});

export const PULL_SHAPE_RULES: readonly PullRule[] = [
  SHAPE_USABLE_ANSWERS,
  SHAPE_MATCHES_SPEC,
  SHAPE_REFERENCE_SPELLINGS,
];
