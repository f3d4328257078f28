// The runtime OpenAPI validator over Skolverket's SS 12000 subset spec (the YAML needs its quoted continuations repaired).
import { describe, expect, it } from 'vitest';
import {
  prepareSubsetSpec,
  subsetSpec,
  validateSubsetAnswer,
} from '../../../src/conformance/pull/spec/subset-spec.js';
import { repairQuotedContinuations } from '../../../src/spec/openapi-validator.js';

describe('the subset spec at run time', () => {
  it('is not there before it is prepared, and says so', () => {
    expect(subsetSpec().missing).toMatch(/was not loaded/);
  });

  it("repairs a quoted scalar continued at its key's indentation, without changing its value", () => {
    const broken = '- description: "Only on or before (RFC 3339\\\n  \\ format)."\n  in: query';
    expect(repairQuotedContinuations(broken)).toBe(
      '- description: "Only on or before (RFC 3339\\\n    \\ format)."\n  in: query',
    );
  });

  it('loads the published file and judges answers by operation and status', async () => {
    const { validator, missing } = await prepareSubsetSpec();
    expect(missing).toBeUndefined();
    if (!validator) return;
    expect(validator.has('GET', '/persons')).toBe(true);
    expect(validator.has('PUT', '/persons')).toBe(false);
    expect(validateSubsetAnswer(validator, 'GET', '/groups', 200, { data: [], pageToken: null }).valid).toBe(
      true,
    );
    expect(validateSubsetAnswer(validator, 'GET', '/groups', 200, { data: [{ id: 'x' }] }).errors[0]).toBe(
      "body/data/0 must have required property 'displayName'",
    );
    // 401 is not declared: the operation's `default` (Error) applies; a body-less error answer is not judged.
    expect(
      validateSubsetAnswer(validator, 'GET', '/persons', 401, { code: 'missing_token', message: 'x' }).valid,
    ).toBe(true);
    expect(validateSubsetAnswer(validator, 'GET', '/persons', 401, undefined).valid).toBe(true);
    expect(
      validateSubsetAnswer(validator, 'DELETE', '/subscriptions/{subscriptionId}', 204, undefined).valid,
    ).toBe(true);
  });
});
