// AUTH rules judged on hand-built evidence: a passing and a failing case each.
import { describe, expect, it } from 'vitest';
import {
  AUTH_BEARER_EVERY_CALL,
  AUTH_RENEWS_TOKEN,
  AUTH_REUSES_TOKEN,
  AUTH_TOKEN_FROM_TRANSACTION,
  AUTH_VERIFIES_JWT,
} from '../../../../src/conformance/push/rules/auth-rules.js';
import { call, evidence, run, token } from '../evidence-builder.js';
import { findings, skipReason } from './judge.js';

const transaction = (at: number, https = true) =>
  call({ at, method: 'POST', path: '/transaction', https, durationMs: 20 });

describe('PUSH-AUTH-001 token from /transaction over mTLS', () => {
  it('passes when every call carries a token /transaction issued over HTTPS', () => {
    const e = evidence({
      journal: [transaction(0), call({ at: 100, path: '/persons' })],
      tokens: [token('tok-1', 10)],
    });
    expect(findings(AUTH_TOKEN_FROM_TRANSACTION, e)).toEqual([]);
  });

  it('fails when the client never called /transaction and used a token of its own', () => {
    const e = evidence({ journal: [call({ at: 100, path: '/persons', token: 'home-made' })], tokens: [] });
    const found = findings(AUTH_TOKEN_FROM_TRANSACTION, e);
    expect(found.map((f) => f.message)).toEqual([
      'The client never called /transaction.',
      '1 Provisioning API call(s) carried a token that /transaction never issued.',
    ]);
    expect(found[1]?.requests?.[0]).toMatchObject({
      method: 'GET',
      path: '/provtjanst/provisioning/v1/persons',
      status: 200,
    });
  });
});

describe('PUSH-AUTH-002 verifies the JWT', () => {
  it('is skipped when no token the client must refuse was served', () => {
    expect(skipReason(AUTH_VERIFIES_JWT, evidence())).toMatch(/no token a verifying client must refuse/);
  });

  it('fails for a call with any token the client should have refused, naming the missing check', () => {
    const e = evidence({
      tokens: [
        token('late', 0, 864_000, ['not-yet-valid']),
        token('elsewhere', 10, 864_000, ['wrong-location']),
        token('good', 20),
      ],
      journal: [
        call({ at: 100, path: '/persons', token: 'late', status: 403 }),
        call({ at: 200, path: '/persons', token: 'elsewhere' }),
        call({ at: 300, path: '/persons', token: 'good' }),
      ],
    });
    expect(findings(AUTH_VERIFIES_JWT, e).map((f) => f.message)).toEqual([
      '1 call(s) used a token the client should have refused: it was not valid yet (nbf) (fault not-yet-valid).',
      '1 call(s) used a token the client should have refused: its requested_access names another API, not ' +
        'this Provisioning API (locations) (fault wrong-location).',
    ]);
  });

  it('passes when the forged token is never used', () => {
    const e = evidence({
      tokens: [token('forged', 0, 864_000, ['unknown-kid']), token('good', 50)],
      journal: [call({ at: 100, path: '/persons', token: 'good' })],
    });
    expect(findings(AUTH_VERIFIES_JWT, e)).toEqual([]);
  });

  it('fails naming the call that carried the forged token', () => {
    const e = evidence({
      tokens: [token('forged', 0, 864_000, ['unknown-kid'])],
      journal: [
        call({ at: 100, method: 'POST', path: '/persons/bulk', token: 'forged', status: 403, size: 900 }),
      ],
    });
    const [finding] = findings(AUTH_VERIFIES_JWT, e);
    expect(finding?.requests).toEqual([
      expect.objectContaining({ status: 403, requestBytes: 900, tokenId: 'forged' }),
    ]);
  });
});

describe('PUSH-AUTH-003 Bearer on every call', () => {
  it('passes when every call has a Bearer token', () => {
    expect(
      findings(AUTH_BEARER_EVERY_CALL, evidence({ journal: [call({ at: 1, path: '/persons' })] })),
    ).toEqual([]);
  });

  it('fails on a job poll without Authorization', () => {
    const e = evidence({
      journal: [
        call({ at: 1, path: '/persons' }),
        call({ at: 2, path: '/persons/bulk/jobs/j1/isCompleted', token: null, status: 403 }),
      ],
    });
    expect(findings(AUTH_BEARER_EVERY_CALL, e)[0]?.requests?.map((r) => r.path)).toEqual([
      '/provtjanst/provisioning/v1/persons/bulk/jobs/j1/isCompleted',
    ]);
  });
});

describe('PUSH-AUTH-004 reuses the token', () => {
  it('passes when one token serves the whole run', () => {
    const e = evidence({
      tokens: [token('tok-1', 0)],
      journal: [call({ at: 10, path: '/persons' }), call({ at: 20, path: '/groups' })],
    });
    expect(findings(AUTH_REUSES_TOKEN, e)).toEqual([]);
  });

  it('passes when renewing near expiry, after a 403, or in a new run', () => {
    const e = evidence({
      runs: [run(0, 0, 10_000, 0), run(1, 20_000, 30_000, 0)],
      tokens: [token('a', 0, 3), token('b', 2_900, 3), token('c', 4_000), token('d', 21_000)],
      journal: [
        call({ at: 3_500, path: '/persons', token: 'b', status: 403 }),
        call({ at: 4_100, path: '/persons', token: 'c' }),
      ],
    });
    expect(findings(AUTH_REUSES_TOKEN, e)).toEqual([]);
  });

  it('passes when the client renews after a token it had good reason to refuse (any served fault)', () => {
    for (const fault of ['not-yet-valid', 'expired', 'wrong-organisation', 'bad-signature']) {
      const e = evidence({
        tokens: [token('refused', 0, 864_000, [fault]), token('good', 50)],
        journal: [
          call({ at: 100, path: '/persons', token: 'good' }),
          call({ at: 200, path: '/groups', token: 'good' }),
        ],
      });
      expect(findings(AUTH_REUSES_TOKEN, e), fault).toEqual([]);
    }
  });

  it('is skipped when no run made two Provisioning API calls', () => {
    expect(skipReason(AUTH_REUSES_TOKEN, evidence())).toMatch(/no run made two Provisioning API calls/);
  });

  it('fails when a fresh token is fetched per call', () => {
    const e = evidence({
      journal: [
        transaction(0),
        call({ at: 50, path: '/persons', token: 'a' }),
        transaction(100),
        call({ at: 150, path: '/persons', token: 'b' }),
        transaction(200),
        call({ at: 250, path: '/persons', token: 'c' }),
      ],
      tokens: [token('a', 5), token('b', 105), token('c', 205)],
    });
    const [finding] = findings(AUTH_REUSES_TOKEN, e);
    expect(finding?.message).toMatch(/^2 token\(s\) were fetched while the previous one was still valid/);
    expect(finding?.requests).toHaveLength(2);
  });
});

describe('PUSH-AUTH-005 renews after expiry or 403', () => {
  it('is skipped when nothing expired or was refused', () => {
    expect(skipReason(AUTH_RENEWS_TOKEN, evidence())).toMatch(/no token expired/);
  });

  it('passes when a refused token is replaced', () => {
    const e = evidence({
      tokens: [token('a', 0, 2), token('b', 2_100, 2)],
      journal: [
        call({ at: 2_050, path: '/persons', token: 'a', status: 403 }),
        call({ at: 2_200, path: '/persons', token: 'b' }),
      ],
    });
    expect(findings(AUTH_RENEWS_TOKEN, e)).toEqual([]);
  });

  it('fails when a refused token is sent again', () => {
    const e = evidence({
      tokens: [token('a', 0, 2)],
      journal: [
        call({ at: 2_050, path: '/persons', token: 'a', status: 403 }),
        call({ at: 2_300, path: '/persons', token: 'a', status: 403 }),
        call({ at: 2_600, path: '/persons', token: 'a', status: 403 }),
      ],
    });
    expect(findings(AUTH_RENEWS_TOKEN, e)[0]?.requests).toHaveLength(2);
  });
});
