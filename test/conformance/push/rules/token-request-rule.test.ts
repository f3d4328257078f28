// PUSH-AUTH-006: a token request nutid-auth refuses is reported with its cause, its fix and the answer's body.
import { describe, expect, it } from 'vitest';
import { AUTH_TOKEN_REQUEST_GRANTED } from '../../../../src/conformance/push/rules/token-request-rule.js';
import { call, evidence } from '../evidence-builder.js';
import { findings, skipReason } from './judge.js';

const CANONICAL = 'Ct4nIeRScfjAT6ZMn41bWuMEg5Dv7nmg170O8tG1P-I';
const gnap = (flags: string[] | undefined, thumbprint = CANONICAL) =>
  JSON.stringify({
    access_token: [
      { access: [{ type: 'provisioning-api', locations: ['https://x/v1'] }], ...(flags ? { flags } : {}) },
    ],
    client: { key: { proof: 'mtls', 'cert#S256': thumbprint } },
  });
const refused = (status: number, requestBody: string, code: string, description: string) =>
  call({
    at: 10,
    method: 'POST',
    path: '/transaction',
    status,
    requestBody,
    responseBody: JSON.stringify({ error: { code, description } }),
  });

describe('PUSH-AUTH-006 token request granted', () => {
  it('is skipped when the client never asked for a token', () => {
    expect(skipReason(AUTH_TOKEN_REQUEST_GRANTED, evidence())).toMatch(/never asked/);
  });

  it('passes granted requests', () => {
    const ok = call({ at: 10, method: 'POST', path: '/transaction', requestBody: gnap(['bearer']) });
    expect(findings(AUTH_TOKEN_REQUEST_GRANTED, evidence({ journal: [ok] }))).toEqual([]);
  });

  it('names a missing bearer flag, its fix and the 400 body', () => {
    const description = 'key-bound access tokens are not supported, request the bearer flag';
    const e = evidence({ journal: [refused(400, gnap(undefined), 'invalid_request', description)] });
    const [finding] = findings(AUTH_TOKEN_REQUEST_GRANTED, e);
    expect(finding?.message).toMatch(
      /^1 token request\(s\) refused: the token request has no `bearer` flag\. Fix: Add "flags":\["bearer"\]/,
    );
    expect(finding?.message).toContain(
      `Answer: 400 {"error":{"code":"invalid_request","description":"${description}"}}`,
    );
    expect(finding?.requests?.[0]).toMatchObject({ method: 'POST', path: '/transaction', status: 400 });
  });

  it('names a thumbprint in a refused encoding', () => {
    const padded = `${CANONICAL}=`; // base64url with padding: neither of nutid-auth's two forms
    const e = evidence({
      journal: [refused(401, gnap(['bearer'], padded), 'request_denied', 'permission denied')],
    });
    expect(findings(AUTH_TOKEN_REQUEST_GRANTED, e)[0]?.message).toMatch(
      /refused: client\.key\["cert#S256"\] is in an encoding nutid-auth refuses \(base64url with padding\)/,
    );
  });

  it('names a revoked certificate', () => {
    const e = evidence({
      journal: [refused(401, gnap(['bearer']), 'invalid_request', 'client certificate revoked')],
    });
    expect(findings(AUTH_TOKEN_REQUEST_GRANTED, e)[0]?.message).toMatch(
      /refused: the client certificate is revoked\. Fix:/,
    );
  });

  it('does not count 5xx (the server failing, not refusing)', () => {
    const e = evidence({ journal: [refused(503, gnap(['bearer']), 'x', 'down')] });
    expect(findings(AUTH_TOKEN_REQUEST_GRANTED, e)).toEqual([]);
  });
});
