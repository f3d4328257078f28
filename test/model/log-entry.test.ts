// Whole-call LogEntry codes against the spec examples, the time format, and findings as LogEntry.
import { describe, expect, it } from 'vitest';
import {
  formatTimeOfOccurance,
  LOG_ENTRY_CODES,
  type LogEntryCode,
  logEntrySchema,
  makeLogEntry,
  toLogEntry,
  validateItem,
} from '../../src/model/index.js';
import { pupil, world } from './fixtures.js';
import { at, exampleValue, type JsonObject, provisioningSpec, responseLogEntries } from './spec.js';

const NOW = new Date('2021-05-12T08:30:00.123Z');

describe('formatTimeOfOccurance', () => {
  it('writes Swedish summer time with +02:00 and milliseconds, as the spec examples do', () => {
    expect(formatTimeOfOccurance(NOW)).toBe('2021-05-12T10:30:00.123+02:00');
  });

  it('writes Swedish winter time with +01:00', () => {
    expect(formatTimeOfOccurance(new Date('2025-03-06T15:10:01.431Z'))).toBe('2025-03-06T16:10:01.431+01:00');
  });

  it('handles midnight and the day boundary in local time', () => {
    expect(formatTimeOfOccurance(new Date('2025-12-31T23:00:00.000Z'))).toBe('2026-01-01T00:00:00.000+01:00');
  });
});

describe('LOG_ENTRY_CODES', () => {
  const examples: [LogEntryCode, string][] = [
    [2010, '400_invalid_lookup'],
    [2011, '400_invalid_id'],
    [2025, '400_invalid_parameter'],
    [3085, '400_invalid_parameter'],
    [4001, '404_not_found'],
    [5002, '403_not_authorised'],
    [5004, 'default_error'],
    [5020, '413_payload_too_large'],
    [5021, '429_too_many_requests'],
    [5022, '503_service_unavailable'],
    [6001, '503_overload'],
  ];

  for (const [code, response] of examples) {
    it(`reproduces the spec's ${code} example of responses.${response} field by field`, () => {
      const expected = responseLogEntries(response).find((entry) => entry.id === String(code));
      expect(expected).toBeDefined();
      const entry = makeLogEntry(
        code,
        {
          ...(typeof expected?.parameterName === 'string' ? { parameterName: expected.parameterName } : {}),
          ...(typeof expected?.parameterValue === 'string'
            ? { parameterValue: expected.parameterValue }
            : {}),
          ...(expected?.resourceType === 'Person' ? { resourceType: 'Person' as const } : {}),
        },
        NOW,
      );
      const { timeOfOccurance: _ignored, ...rest } = expected as JsonObject;
      expect(entry).toEqual({ ...rest, timeOfOccurance: formatTimeOfOccurance(NOW) });
    });
  }

  it('has an entry for every whole-call id dnp-facts §3 lists', () => {
    expect(Object.keys(LOG_ENTRY_CODES).map(Number)).toEqual([
      2010, 2011, 2024, 2025, 3085, 4001, 5002, 5004, 5020, 5021, 5022, 6001,
    ]);
  });

  it('fills default parameter names and names the resource in 4001', () => {
    expect(makeLogEntry(4001, { resourceType: 'Group', parameterValue: 'x' }, NOW).message).toBe(
      'Group identifierats av angivet värden i `path` parameter <id> hittades inte.',
    );
    expect(
      makeLogEntry(2024, { parameterName: 'meta.modified.after', parameterValue: 'igår' }, NOW),
    ).toMatchObject({
      id: '2024',
      statusCode: 400,
      parameterName: 'meta.modified.after',
      parameterValue: 'igår',
    });
  });

  it('produces entries that satisfy the spec LogEntry schema, with the spec key order', () => {
    for (const code of Object.keys(LOG_ENTRY_CODES).map(Number) as LogEntryCode[]) {
      const entry = makeLogEntry(code, { parameterValue: 'v' }, NOW);
      expect(logEntrySchema.safeParse(entry).success).toBe(true);
      expect(Object.keys(entry)[0]).toBe('id');
      expect(Object.keys(entry).at(-1)).toBe('timeOfOccurance');
    }
  });

  it('throws TypeError on a code that is not a whole-call code', () => {
    expect(() => makeLogEntry(9999 as LogEntryCode, {}, NOW)).toThrow(TypeError);
  });
});

describe('toLogEntry', () => {
  it("turns warning 3047 into the entry of the spec's 200_job_status example", () => {
    const spec = provisioningSpec();
    const job = exampleValue(
      at(spec, 'components', 'responses', '200_job_status', 'content', 'application/json', 'example'),
    ) as JsonObject;
    const response = at(job, 'responses', '0', 'response') as JsonObject;
    const expected = at(response, 'warnings', '0') as JsonObject;
    const resourceId = expected.resourceId as string;
    const verdict = validateItem(
      'persons',
      pupil({ id: resourceId, eduPersonPrincipalNames: [expected.attributeValue as string] }),
      world(),
    );
    const [warning] = verdict.warnings;
    expect(warning).toBeDefined();
    if (!warning) return;
    const entry = toLogEntry(warning, { resourceType: 'Person', resourceId, now: NOW });
    const { timeOfOccurance: _ignored, ...rest } = expected;
    expect(entry).toEqual({ ...rest, timeOfOccurance: formatTimeOfOccurance(NOW) });
    // The example item: status Warning, 201 created.
    expect(verdict.status).toBe(response.status);
    expect(verdict.statusCode).toBe(response.statusCode);
  });

  it('omits attributeValue and resourceId when there are none, and satisfies the LogEntry schema', () => {
    const verdict = validateItem('persons', 'inte ett objekt', world());
    const [error] = verdict.errors;
    expect(error).toBeDefined();
    if (!error) return;
    const entry = toLogEntry({ ...error, attributeValue: undefined }, { resourceType: 'Person', now: NOW });
    expect(entry).not.toHaveProperty('resourceId');
    expect(entry).not.toHaveProperty('attributeName');
    expect(entry).not.toHaveProperty('attributeValue');
    expect(logEntrySchema.safeParse(entry).success).toBe(true);
  });
});
