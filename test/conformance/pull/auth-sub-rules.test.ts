// PULL-AUTH and PULL-SUB rules judged on hand-built evidence: a passing and a failing case each.
import { describe, expect, it } from 'vitest';
import { TOKEN_VARIANTS, type TokenVariant } from '../../../src/conformance/pull/evidence/pull-evidence.js';
import { PULL_AUTH_RULES } from '../../../src/conformance/pull/rules/auth-rules.js';
import {
  SUB_CREATE,
  SUB_DELETE,
  SUB_RENEW,
  SUB_TARGET_AS_GIVEN,
} from '../../../src/conformance/pull/rules/sub-rules.js';
import { evidence, exchange, findings, skipReason, T0 } from './pull-evidence-builder.js';

const probe = (variant: TokenVariant, status: number) => ({
  variant,
  detail: `a ${variant} token`,
  exchange: exchange({ purpose: `auth:${variant}`, status }),
});

/** The rule judging each variant: one per variant, but for PULL-AUTH-007, which judges both wrong locations. */
const RULE_OF: Record<TokenVariant, string> = {
  missing: 'PULL-AUTH-001',
  garbled: 'PULL-AUTH-002',
  'unknown-key': 'PULL-AUTH-003',
  expired: 'PULL-AUTH-004',
  'not-yet-valid': 'PULL-AUTH-005',
  'other-organisation': 'PULL-AUTH-006',
  'other-location': 'PULL-AUTH-007',
  'lookalike-location': 'PULL-AUTH-007',
  'other-access-type': 'PULL-AUTH-008',
  valid: 'PULL-AUTH-009',
};

describe('PULL-AUTH-001…009 (a rule per way of spoiling the token)', () => {
  it('has the rules in order, and every variant is judged by one', () => {
    expect(PULL_AUTH_RULES.map((r) => r.id)).toEqual([...new Set(Object.values(RULE_OF))]);
    expect(Object.keys(RULE_OF).sort()).toEqual([...TOKEN_VARIANTS].sort());
  });

  for (const variant of TOKEN_VARIANTS) {
    const rule = PULL_AUTH_RULES.find((r) => r.id === RULE_OF[variant])!;
    const good = variant === 'valid' ? 200 : 403;
    const bad = variant === 'valid' ? 403 : 200;

    it(`${rule.id} passes when the ${variant} token is answered ${good}`, () => {
      expect(
        findings(rule, evidence({ auth: [probe(variant, good), probe(variant, good === 403 ? 401 : 200)] })),
      ).toEqual([]);
    });

    it(`${rule.id} fails naming the call when the ${variant} token is answered ${bad}`, () => {
      const [finding] = findings(rule, evidence({ auth: [probe(variant, bad)] }));
      expect(finding?.message).toMatch(
        variant === 'valid' ? /answered 403/ : /answered 200 instead of 401 or 403/,
      );
      expect(finding?.requests).toHaveLength(1);
    });
  }

  it('PULL-AUTH-007 fails for a lookalike location even when another host is refused', () => {
    const rule = PULL_AUTH_RULES.find((r) => r.id === 'PULL-AUTH-007')!;
    const found = findings(
      rule,
      evidence({ auth: [probe('other-location', 403), probe('lookalike-location', 200)] }),
    );
    expect(found.map((f) => f.message)).toEqual([
      expect.stringMatching(
        /^1 of 1 call\(s\) with a token whose requested_access names another API's URL \(a lookalike-location token\)/,
      ),
    ]);
  });

  it("does not repeat the detail when it is the rule's own words", () => {
    const rule = PULL_AUTH_RULES[0]!;
    const [finding] = findings(
      rule,
      evidence({ auth: [{ ...probe('missing', 200), detail: 'no Authorization header' }] }),
    );
    expect(finding?.message).toMatch(/^1 of 1 call\(s\) with no Authorization header were answered 200/);
  });

  it('is skipped when no call with the variant was answered', () => {
    const unanswered = {
      ...probe('expired', 0),
      exchange: exchange({ status: undefined, failure: { code: 'timeout', message: 'x' } }),
    };
    expect(skipReason(PULL_AUTH_RULES[3]!, evidence({ auth: [unanswered] }))).toMatch(/was answered/);
    expect(skipReason(PULL_AUTH_RULES[3]!, evidence())).toMatch(/sent no call/);
  });
});

const TARGET = 'http://localhost:8080/provtjanst/ss12000/klient/v1/webhooks/abc';
const created = (body: Record<string, unknown>, status = 201) =>
  exchange({
    method: 'POST',
    url: 'http://vendor.test/subscriptions',
    status,
    body,
    ref: {
      seq: 1,
      time: '',
      timeMs: T0,
      method: 'POST',
      path: '/subscriptions',
      status,
      requestBytes: 10,
      responseBytes: 10,
    },
  });
const goodCreate = created({ id: 's1', expires: '2026-12-01T00:00:00Z', target: TARGET });
const patch = (body: Record<string, unknown>, status = 200) =>
  exchange({
    method: 'PATCH',
    url: 'http://vendor.test/subscriptions/s1',
    status,
    body,
    ref: {
      seq: 2,
      time: '',
      timeMs: T0 + 10,
      method: 'PATCH',
      path: '/subscriptions/s1',
      status,
      requestBytes: 10,
      responseBytes: 10,
    },
  });
const remove = (status: number) =>
  exchange({ method: 'DELETE', url: 'http://vendor.test/subscriptions/s1', status });

describe('PULL-SUB-001 POST answers 201 with id and expires', () => {
  it('passes on 201 with an id and a future expires', () => {
    expect(
      findings(SUB_CREATE, evidence({ subscription: { sentTarget: TARGET, create: goodCreate } })),
    ).toEqual([]);
  });

  it('fails on 200, and on 201 without id or with a past expires', () => {
    expect(
      findings(
        SUB_CREATE,
        evidence({ subscription: { sentTarget: TARGET, create: created({ id: 's1' }, 200) } }),
      )[0]?.message,
    ).toMatch(/→ 200; it must answer 201/);
    const [finding] = findings(
      SUB_CREATE,
      evidence({
        subscription: { sentTarget: TARGET, create: created({ expires: '2020-01-01T00:00:00Z' }) },
      }),
    );
    expect(finding?.message).toBe(
      'POST /subscriptions answered 201, but the answer has no `id` and `expires` 2020-01-01T00:00:00Z is not in the future.',
    );
  });

  it('is skipped without a subscription probe', () => {
    expect(skipReason(SUB_CREATE, evidence())).toMatch(/no subscription/);
  });
});

describe('PULL-SUB-002 PATCH renews', () => {
  it('passes when expires moves forward', () => {
    const e = evidence({
      subscription: {
        sentTarget: TARGET,
        create: goodCreate,
        renew: patch({ id: 's1', expires: '2026-12-02T00:00:00Z' }),
      },
    });
    expect(findings(SUB_RENEW, e)).toEqual([]);
  });

  it('fails when expires moves back, or the answer is not 200', () => {
    const back = evidence({
      subscription: {
        sentTarget: TARGET,
        create: goodCreate,
        renew: patch({ expires: '2026-10-01T00:00:00Z' }),
      },
    });
    expect(findings(SUB_RENEW, back)[0]?.message).toMatch(/moved `expires` back/);
    const notFound = evidence({
      subscription: { sentTarget: TARGET, create: goodCreate, renew: patch({}, 404) },
    });
    expect(findings(SUB_RENEW, notFound)[0]?.message).toMatch(/→ 404; it must answer 200/);
  });
});

describe('PULL-SUB-003 DELETE answers 204', () => {
  it('passes on 204 and fails on 200', () => {
    expect(
      findings(
        SUB_DELETE,
        evidence({ subscription: { sentTarget: TARGET, create: goodCreate, remove: remove(204) } }),
      ),
    ).toEqual([]);
    expect(
      findings(
        SUB_DELETE,
        evidence({ subscription: { sentTarget: TARGET, create: goodCreate, remove: remove(200) } }),
      )[0]?.message,
    ).toMatch(/→ 200; it must answer 204/);
  });

  it('is skipped when nothing was deleted', () => {
    expect(
      skipReason(SUB_DELETE, evidence({ subscription: { sentTarget: TARGET, create: created({}, 500) } })),
    ).toMatch(/no subscription to delete/);
  });
});

describe('PULL-SUB-004 target stored as given', () => {
  it('passes when POST and PATCH answer the target posted', () => {
    const e = evidence({
      subscription: {
        sentTarget: TARGET,
        create: goodCreate,
        renew: patch({ expires: '2026-12-02T00:00:00Z', target: TARGET }),
      },
    });
    expect(findings(SUB_TARGET_AS_GIVEN, e)).toEqual([]);
  });

  it('fails when the answer changes the target, or leaves it out', () => {
    const lower = created({ id: 's1', expires: '2026-12-01T00:00:00Z', target: `${TARGET}/` });
    expect(
      findings(SUB_TARGET_AS_GIVEN, evidence({ subscription: { sentTarget: TARGET, create: lower } }))[0]
        ?.message,
    ).toBe(`POST answered target "${TARGET}/"; the runner posted ${TARGET}.`);
    const none = created({ id: 's1', expires: '2026-12-01T00:00:00Z' });
    expect(
      findings(SUB_TARGET_AS_GIVEN, evidence({ subscription: { sentTarget: TARGET, create: none } }))[0]
        ?.message,
    ).toMatch(/without `target`/);
  });
});
