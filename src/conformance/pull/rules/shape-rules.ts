// SHAPE rules: every call gets a usable answer (in time, complete, JSON), and answers validate against the subset spec.
import { z } from 'zod';
import type { RequestRef } from '../../result/request-ref.js';
import type { Finding } from '../../rule/rule.js';
import type { CallFailure, ExchangeRecord, ListWalk, PullEvidence } from '../evidence/pull-evidence.js';
import { allExchanges, allWalks, describeExchange, listSome, pathOf } from '../evidence/pull-views.js';
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
  skipUnless: () => subsetSpec().missing,
  check(evidence, params) {
    const validator = subsetSpec().validator;
    if (!validator) return [];
    const grouped = new Map<string, { exchanges: ExchangeRecord[]; errors: string[] }>();
    for (const exchange of allExchanges(evidence)) {
      if (exchange.status === undefined || exchange.failure) continue;
      const result = validateSubsetAnswer(
        validator,
        exchange.method,
        exchange.operation,
        exchange.status,
        exchange.body,
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

export const PULL_SHAPE_RULES: readonly PullRule[] = [SHAPE_USABLE_ANSWERS, SHAPE_MATCHES_SPEC];
