// The spec's own examples validate without errors, given a context that knows the ids they reference.
import { describe, expect, it } from 'vitest';
import { type Person, type RuleContext, validateItem } from '../../src/model/index.js';
import { at, exampleValue, type Json, type JsonObject, provisioningSpec } from './spec.js';

const FALLBACK_UUID = '0f0f0f0f-1e1e-4d2d-8c3c-4b4b4b4b4b4b';

/**
 * Builds an object from a spec schema out of its property-level `example`s (first enum value where there is
 * none), leaving out readOnly parts. Duty, Group and Activity have no whole-object example in 1.3.2.
 */
function synthesise(schema: JsonObject): Json | undefined {
  const spec = provisioningSpec();
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return synthesise(at(spec, 'components', 'schemas', name) as JsonObject);
  }
  if (Array.isArray(schema.allOf)) {
    // allOf mixes a $ref with a description-only part: merge objects, take a scalar as it is.
    const parts = schema.allOf
      .map((part) => synthesise(part as JsonObject))
      .filter((part) => part !== undefined);
    const scalar = parts.find((part) => typeof part !== 'object' || part === null || Array.isArray(part));
    if (scalar !== undefined) return scalar;
    return Object.assign({}, ...parts.filter((part) => Object.keys(part as JsonObject).length > 0));
  }
  if (schema.example !== undefined && schema.type !== 'object') return schema.example;
  if (Array.isArray(schema.enum)) return schema.enum[0] as Json;
  if (schema.type === 'array') return [synthesise(schema.items as JsonObject) ?? null];
  if (schema.type === 'object' || schema.properties) {
    const out: JsonObject = {};
    for (const [key, property] of Object.entries((schema.properties ?? {}) as JsonObject)) {
      if (isReadOnly(property as JsonObject)) continue;
      const value = synthesise(property as JsonObject);
      if (value !== undefined) out[key] = value;
    }
    return out;
  }
  if (schema.format === 'uuid') return FALLBACK_UUID;
  if (schema.type === 'integer') return (schema.minimum as number | undefined) ?? 1;
  if (schema.type === 'boolean') return false;
  if (schema.type === 'string') return 'text';
  // A part with only title/description (as in `allOf: [$ref, {description}]`) adds nothing.
  return undefined;
}

function isReadOnly(schema: JsonObject): boolean {
  if (schema.readOnly === true) return true;
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return isReadOnly(at(provisioningSpec(), 'components', 'schemas', name) as JsonObject);
  }
  return false;
}

function schemaOf(name: string): JsonObject {
  return at(provisioningSpec(), 'components', 'schemas', name) as JsonObject;
}

/** A context in which every id the examples use exists, as the caller's, with every school type. */
function knowingContext(persons: Person[]): RuleContext {
  const anyPerson = (id: string): Person | undefined =>
    persons.find((p) => p.id === id) ?? {
      id,
      givenName: 'Tommy',
      familyName: 'Settergren',
      eduPersonPrincipalNames: [`${id}@edu.huvudman.se`],
      civicNo: { value: '198005051236' },
      emails: [{ value: 'tommy@skola.se' }],
    };
  return {
    organisationNumber: '5567044268',
    today: new Date('2026-04-20T08:00:00Z'),
    schoolUnit: () => ({ organisationNumber: '5567044268', schoolTypes: ['GR', 'SP', 'SAM', 'GY', 'VUXGY'] }),
    examActivity: () => ({ schoolType: 'GR' }),
    isProgrammeValid: () => true,
    person: anyPerson,
    duty: (id) => ({ id, person: { id: FALLBACK_UUID }, dutyAt: { id: FALLBACK_UUID }, dutyRole: 'Lärare' }),
    group: (id) => ({
      id,
      displayName: '6A',
      groupType: 'Klass',
      schoolType: 'GR',
      organisation: { id: FALLBACK_UUID },
    }),
    staffEppnOwner: () => undefined,
    pupilEppnOwner: () => undefined,
    isStaff: (id) => persons.some((p) => p.id === id && !p.enrolments),
  };
}

describe("the spec's example objects", () => {
  it('the Person example of GET /persons validates without findings', () => {
    const data = at(
      provisioningSpec(),
      'paths',
      '/persons',
      'get',
      'responses',
      '200',
      'content',
      'application/json',
      'schema',
      'properties',
      'data',
      'items',
    );
    expect(data).toEqual({ $ref: '#/components/schemas/Person' });
    const example = exampleValue(
      at(
        provisioningSpec(),
        'paths',
        '/persons',
        'get',
        'responses',
        '200',
        'content',
        'application/json',
        'schema',
        'properties',
        'data',
        'example',
      ),
    ) as JsonObject;
    expect(example.civicNo).toEqual({ value: '200901272385', nationality: 'SE' });
    const verdict = validateItem('persons', example, knowingContext([]));
    expect(verdict).toMatchObject({ status: 'Success', errors: [], warnings: [] });
  });

  it('a Person built from the property examples validates as a pupil (enrolled, no externalIdentifiers)', () => {
    const person = synthesise(schemaOf('Person')) as JsonObject;
    expect(person.enrolments).toBeDefined();
    delete person.externalIdentifiers;
    const verdict = validateItem('persons', person, knowingContext([]));
    expect(verdict.errors).toEqual([]);
    expect(verdict.warnings).toEqual([]);
  });

  it('a Person built from the property examples validates as staff (externalIdentifiers, no enrolments)', () => {
    const person = synthesise(schemaOf('Person')) as JsonObject;
    expect(person.externalIdentifiers).toEqual([
      { value: 'movip-eiral@eduid.se', context: 'https://eduid.se', globallyUnique: true },
    ]);
    delete person.enrolments;
    const verdict = validateItem('persons', person, knowingContext([person as unknown as Person]));
    expect(verdict.errors).toEqual([]);
  });

  for (const [resource, schema] of [
    ['duties', 'Duty'],
    ['groups', 'Group'],
    ['activities', 'Activity'],
  ] as const) {
    it(`a ${schema} built from the property examples validates without errors`, () => {
      const item = synthesise(schemaOf(schema)) as JsonObject;
      expect(item).not.toHaveProperty('meta');
      expect(item).not.toHaveProperty('provisioningStatus');
      const verdict = validateItem(resource, item, knowingContext([]));
      expect(verdict.errors).toEqual([]);
      expect(verdict.status).toBe('Success');
    });
  }

  it('the same examples fail when the context does not know their references', () => {
    const empty: RuleContext = {
      ...knowingContext([]),
      schoolUnit: () => undefined,
      person: () => undefined,
      group: () => undefined,
      duty: () => undefined,
      examActivity: () => undefined,
    };
    const activity = synthesise(schemaOf('Activity'));
    expect(validateItem('activities', activity, empty).errors.map((e) => e.code)).toEqual([
      3162, 3163, 3164, 3166,
    ]);
    expect(validateItem('duties', synthesise(schemaOf('Duty')), empty).errors.map((e) => e.code)).toEqual([
      3140, 3143,
    ]);
  });
});
