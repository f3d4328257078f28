// Proves the OpenAPI answer validator accepts conforming answers and rejects wrong ones, for each spec file.
import { describe, expect, it } from 'vitest';
import { expectMatchesSpec, validateAgainstSpec } from './openapi-validator.js';

const TS = '2021-06-10T17:39:38+02:00';
const UUID = '3fa85f64-5717-4562-b3fc-2c963f66afa6';

describe('open-data spec', () => {
  const organisation = {
    id: '657ae6a4-2978-5fbe-b357-ba353c0f03b5',
    displayName: 'Testorganisation AB',
    organisationNumber: '5567044268',
  };

  it('accepts a conforming organisation and resolves nested $refs', () => {
    const body = {
      ...organisation,
      status: 'Active',
      schoolUnits: [
        { id: 'fb22448b-b724-5e53-8a2c-d8b339206901', displayName: 'Testskolan', schoolUnitCode: '31279295' },
      ],
    };
    expect(validateAgainstSpec('open-data', 'GET', '/organisations/{id}', 200, body)).toEqual({
      valid: true,
      errors: [],
    });
  });

  it('rejects a body missing a required field, naming it', () => {
    const result = validateAgainstSpec('open-data', 'GET', '/organisations/{id}', 200, {
      id: organisation.id,
    });
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toContain("must have required property 'displayName'");
  });

  it('rejects a bad enum and a bad uuid inside an array of a nested schema', () => {
    const body = {
      ...organisation,
      status: 'Gone',
      schoolUnits: [{ id: 'nope', displayName: 'x', schoolUnitCode: '1' }],
    };
    const errors = validateAgainstSpec('open-data', 'GET', '/organisations/{id}', 200, body).errors.join(
      '\n',
    );
    expect(errors).toContain('body/status must be equal to one of the allowed values');
    expect(errors).toContain('body/schoolUnits/0/id must match format "uuid"');
  });

  it('validates list answers item by item', () => {
    const ok = [{ id: UUID, displayName: 'MATMAT01', activityType: 'Provaktivitet', schoolType: 'GY' }];
    expect(validateAgainstSpec('open-data', 'GET', '/activities', 200, ok).valid).toBe(true);
    const bad = [{ ...ok[0], schoolType: 'XX' }];
    expect(validateAgainstSpec('open-data', 'GET', '/activities', 200, bad).valid).toBe(false);
  });

  it('checks error bodies, including the date-time format of timeStamp', () => {
    expect(
      validateAgainstSpec('open-data', 'GET', '/programmes/{id}', 404, {
        code: 404,
        message: 'x',
        timeStamp: TS,
      }).valid,
    ).toBe(true);
    const result = validateAgainstSpec('open-data', 'GET', '/programmes/{id}', 404, {
      code: '404',
      message: 'x',
      timeStamp: 'yesterday',
    });
    expect(result.errors).toHaveLength(2);
  });

  it('falls back to the default response for an undeclared status, and rejects a body it does not fit', () => {
    expect(
      validateAgainstSpec('open-data', 'GET', '/programmes', 418, { code: 418, message: 'x', timeStamp: TS })
        .valid,
    ).toBe(true);
    expect(validateAgainstSpec('open-data', 'GET', '/programmes', 418, []).valid).toBe(false);
  });

  it('expectMatchesSpec throws with the errors listed, and passes silently when valid', () => {
    expect(() =>
      expectMatchesSpec('open-data', 'GET', '/organisations/code/{code}', { status: 200, body: {} }),
    ).toThrow(
      /open-data: GET \/organisations\/code\/\{code\} → 200 does not match the spec:[\s\S]*organisationNumber/,
    );
    expect(() =>
      expectMatchesSpec('open-data', 'GET', '/organisations/code/{code}', {
        status: 200,
        body: organisation,
      }),
    ).not.toThrow();
  });

  it('throws TypeError for a path or method the spec does not declare', () => {
    expect(() => validateAgainstSpec('open-data', 'GET', '/nope', 200, {})).toThrow(TypeError);
    expect(() => validateAgainstSpec('open-data', 'POST', '/alive', 200, {})).toThrow(TypeError);
  });
});

describe('provisioning spec', () => {
  const accepted = { jobId: UUID, message: 'Anropet har tagits emot.' };
  const location = `https://api.skolverket.se/provtjanst/provisioning/v1/persons/bulk/jobs/${UUID}`;

  it('accepts a 202 with its declared headers, coercing numeric strings', () => {
    const headers = {
      location,
      'x-ratelimit-limit': '5',
      'x-ratelimit-remaining': '4',
      'x-ratelimit-reset': '1',
    };
    expect(validateAgainstSpec('provisioning', 'POST', '/persons/bulk', 202, accepted, headers)).toEqual({
      valid: true,
      errors: [],
    });
  });

  it('rejects a non-numeric rate-limit header and a relative Location', () => {
    const headers = { Location: '/persons/bulk/jobs/1', 'X-RateLimit-Limit': 'many' };
    const errors = validateAgainstSpec(
      'provisioning',
      'POST',
      '/persons/bulk',
      202,
      accepted,
      headers,
    ).errors.join('\n');
    expect(errors).toContain('header x-ratelimit-limit="many" must be integer');
    expect(errors).toContain('header Location="/persons/bulk/jobs/1" must match format "uri"');
  });

  it('accepts a fractional x-ratelimit-reset, which the spec describes (documented override)', () => {
    expect(
      validateAgainstSpec('provisioning', 'POST', '/persons/bulk', 202, accepted, {
        'x-ratelimit-reset': '0.5',
      }).valid,
    ).toBe(true);
  });

  it('rejects a wrong body (jobId not a uuid)', () => {
    const result = validateAgainstSpec('provisioning', 'POST', '/persons/bulk', 202, {
      ...accepted,
      jobId: 'j-1',
    });
    expect(result.errors).toEqual(['body/jobId must match format "uuid"']);
  });

  it('rejects a status the operation does not declare and has no default for', () => {
    const result = validateAgainstSpec('provisioning', 'GET', '/alive', 404, {});
    expect(result.valid).toBe(false);
    expect(result.errors[0]).toMatch(/status 404 is not declared for GET \/alive \(declared: 200, 503\)/);
    expect(() => expectMatchesSpec('provisioning', 'GET', '/alive', { status: 404, body: {} })).toThrow(
      /not declared/,
    );
  });

  it('accepts an answer whose declared response has no content (GET /alive 200)', () => {
    expect(validateAgainstSpec('provisioning', 'GET', '/alive', 200, '').valid).toBe(true);
  });

  it('validates the nullable pageToken of a list answer', () => {
    expect(
      validateAgainstSpec('provisioning', 'GET', '/duties', 200, { data: [], pageToken: null }).valid,
    ).toBe(true);
    expect(validateAgainstSpec('provisioning', 'GET', '/duties', 200, { data: [], pageToken: 7 }).valid).toBe(
      false,
    );
  });
});

describe('ss12000 spec', () => {
  it('accepts a conforming answer and rejects a wrong body', () => {
    expect(validateAgainstSpec('ss12000', 'GET', '/organisations', 200, { organisations: [] }).valid).toBe(
      true,
    );
    expect(
      validateAgainstSpec('ss12000', 'GET', '/organisations', 200, { organisations: 'none' }).valid,
    ).toBe(false);
  });

  it('rejects a status the operation does not declare and has no default for', () => {
    const result = validateAgainstSpec('ss12000', 'PATCH', '/subscriptions/{subscriptionId}', 500, {});
    expect(result.valid).toBe(false);
    expect(result.errors[0]).toContain('status 500 is not declared');
  });

  it('accepts a declared status with no content (DELETE /subscriptions/{subscriptionId} 204)', () => {
    expect(validateAgainstSpec('ss12000', 'DELETE', '/subscriptions/{subscriptionId}', 204, '').valid).toBe(
      true,
    );
  });
});
