// validateItem: verdicts, schema-first reporting, settings and cross-resource rules.
import { describe, expect, it } from 'vitest';
import { validateItem } from '../../src/model/index.js';
import {
  activity,
  duty,
  GR_UNIT,
  group,
  MISSING_ID,
  PUPIL_ID,
  pupil,
  STAFF_ID,
  staff,
  UNKNOWN_UNIT,
  world,
} from './fixtures.js';

describe('validateItem', () => {
  it('accepts the fixture items of all four resources with status Success and 201', () => {
    const ctx = world();
    for (const [resource, item] of [
      ['persons', pupil()],
      ['persons', staff()],
      ['duties', duty()],
      ['groups', group()],
      ['activities', activity()],
    ] as const) {
      const verdict = validateItem(resource, item, ctx);
      expect(verdict, resource).toMatchObject({
        status: 'Success',
        statusCode: 201,
        errors: [],
        warnings: [],
      });
      expect(verdict.item).toEqual(item);
    }
  });

  it('answers 200 for an accepted item when the caller says it was an update', () => {
    expect(validateItem('persons', pupil(), world(), { successStatusCode: 200 }).statusCode).toBe(200);
  });

  it('accepts an item with only warnings: status Warning, success code, the item returned', () => {
    const verdict = validateItem(
      'groups',
      group({ groupMemberships: [{ person: { id: MISSING_ID } }] }),
      world(),
    );
    expect(verdict.status).toBe('Warning');
    expect(verdict.statusCode).toBe(201);
    expect(verdict.errors).toEqual([]);
    expect(verdict.warnings.map((w) => w.code)).toEqual([3155]);
    expect(verdict.item?.id).toBe(group().id);
  });

  it("refuses an item with errors: status Error, the first error's code, no parsed item", () => {
    const verdict = validateItem(
      'duties',
      duty({ person: { id: MISSING_ID }, dutyAt: { id: UNKNOWN_UNIT } }),
      world(),
    );
    expect(verdict.status).toBe('Error');
    expect(verdict.errors.map((e) => e.code)).toEqual([3140, 3143]);
    expect(verdict.statusCode).toBe(404);
    expect(verdict.item).toBeUndefined();
    expect(verdict.id).toBe(duty().id);
  });

  it('names each missing group member in its own warning', () => {
    const other = 'beefbeef-0000-4000-8000-000000000000';
    const verdict = validateItem(
      'groups',
      group({
        groupMemberships: [
          { person: { id: MISSING_ID } },
          { person: { id: PUPIL_ID } },
          { person: { id: other } },
        ],
      }),
      world(),
    );
    expect(verdict.warnings.map((w) => [w.attributeName, w.attributeValue])).toEqual([
      ['groupMemberships[0].person.id', MISSING_ID],
      ['groupMemberships[2].person.id', other],
    ]);
  });

  it('reports one finding per schema problem, each with its attribute path, and skips the named checks', () => {
    const verdict = validateItem(
      'persons',
      pupil({
        id: 'x',
        givenName: 42,
        familyName: undefined,
        civicNo: { value: 'bad' },
        eduPersonPrincipalNames: ['a', 'b'],
      }),
      world(),
    );
    expect(verdict.errors.map((e) => [e.code, e.attributeName])).toEqual([
      [3104, 'id'],
      [3102, 'givenName'],
      [3101, 'familyName'],
      [3110, 'eduPersonPrincipalNames'],
    ]);
    // civicNo 'bad' would be 3120, but the named rules need a schema-valid item.
    expect(verdict.errors.some((e) => e.code === 3120)).toBe(false);
    expect(verdict.id).toBe('x');
  });

  it('reports each missing required property of an empty object', () => {
    const verdict = validateItem('activities', {}, world());
    expect(verdict.errors.map((e) => [e.code, e.attributeName])).toEqual([
      [3101, 'id'],
      [3101, 'displayName'],
      [3101, 'activityType'],
      [3161, 'groups'],
      [3101, 'organisation'],
      [3101, 'parentActivity'],
    ]);
  });

  it('drops unknown properties from the parsed item', () => {
    const verdict = validateItem('duties', { ...duty(), extra: 'x' }, world());
    expect(verdict.item).toEqual(duty());
  });

  it('treats null as absent by default, and as a type error when nullAsAbsent is off', () => {
    const item = { ...pupil(), middleName: null, securityMarking: null };
    expect(validateItem('persons', item, world()).status).toBe('Success');
    const strict = validateItem('persons', item, world({ settings: { nullAsAbsent: false } }));
    expect(strict.errors.map((e) => [e.code, e.attributeName])).toEqual([
      [3102, 'middleName'],
      [3118, 'securityMarking'],
    ]);
    expect(validateItem('persons', { ...pupil(), givenName: null }, world()).errors[0]).toMatchObject({
      code: 3101,
      attributeName: 'givenName',
    });
  });

  it('skips rules named in settings.disabledRules', () => {
    const item = group({ schoolType: 'GY' });
    expect(validateItem('groups', item, world()).warnings.map((w) => w.code)).toEqual([3154]);
    const ctx = world({ settings: { disabledRules: ['group.school-type.not-offered'] } });
    expect(validateItem('groups', item, ctx).status).toBe('Success');
  });

  it('tells a school unit of another huvudman apart from an unknown one', () => {
    const foreign = validateItem(
      'groups',
      group({ organisation: { id: '0b7e4c1a-9d2f-5e3b-8a6c-4d1e2f3a5b6c' } }),
      world(),
    );
    const unknown = validateItem('groups', group({ organisation: { id: UNKNOWN_UNIT } }), world());
    expect(foreign.errors.map((e) => [e.code, e.statusCode])).toEqual([[3153, 403]]);
    expect(unknown.errors.map((e) => [e.code, e.statusCode])).toEqual([[3152, 400]]);
  });

  it('checks every enrolment of a person, with the index in the attribute path', () => {
    const verdict = validateItem(
      'persons',
      pupil({
        enrolments: [
          { enroledAt: { id: GR_UNIT }, schoolType: 'GR', schoolYear: 6 },
          { enroledAt: { id: UNKNOWN_UNIT }, schoolType: 'SP' },
        ],
      }),
      world(),
    );
    expect(verdict.errors.map((e) => [e.code, e.attributeName])).toEqual([
      [3130, 'enrolments[1].enroledAt.id'],
      [3134, 'enrolments[1].schoolYear'],
    ]);
  });

  describe('EPPN shared between a pupil and a staff member', () => {
    it('refuses a staff member whose EPPN a pupil already holds', () => {
      const pupilEppn = pupil().eduPersonPrincipalNames;
      const verdict = validateItem('persons', staff({ eduPersonPrincipalNames: pupilEppn }), world());
      expect(verdict.errors.map((e) => [e.code, e.statusCode])).toEqual([[3112, 409]]);
    });

    it('refuses one person who is both pupil and staff (one EPPN for two roles)', () => {
      const both = staff({ enrolments: pupil().enrolments });
      expect(validateItem('persons', both, world()).errors.map((e) => e.code)).toEqual([3112]);
      const ctx = world({ persons: [pupil(), both] });
      expect(validateItem('duties', duty(), ctx).errors.map((e) => e.code)).toEqual([3142]);
    });

    it('lets a person keep its own EPPN when it is sent again', () => {
      expect(validateItem('persons', staff(), world()).status).toBe('Success');
      expect(validateItem('persons', pupil(), world()).status).toBe('Success');
    });

    it('does not count a person without duties as staff', () => {
      const ctx = world({ duties: [] });
      const verdict = validateItem(
        'persons',
        pupil({ eduPersonPrincipalNames: staff().eduPersonPrincipalNames }),
        ctx,
      );
      expect(verdict.status).toBe('Success');
    });
  });

  it('requires e-mail from a staff member, not from a pupil', () => {
    expect(validateItem('persons', pupil({ emails: undefined }), world()).status).toBe('Success');
    expect(validateItem('persons', staff({ emails: undefined }), world()).errors.map((e) => e.code)).toEqual([
      3113,
    ]);
    expect(validateItem('persons', staff({ emails: undefined }), world({ duties: [] })).status).toBe(
      'Success',
    );
    expect(STAFF_ID).not.toBe(PUPIL_ID);
  });
});
