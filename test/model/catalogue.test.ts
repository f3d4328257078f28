// The rule catalogue: stable codes and names, and docs/data-rules.md generated from it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  findRule,
  LOG_ENTRY_CODES,
  RESOURCE_RULES,
  RULES,
  renderDataRulesMarkdown,
} from '../../src/model/index.js';

describe('RULES', () => {
  it('keeps every code and name stable (other code and tests assert on them)', () => {
    expect(RULES.map((rule) => `${rule.code} ${rule.name} ${rule.severity} ${rule.statusCode}`)).toEqual([
      '3100 schema.not-object Error 400',
      '3101 schema.required Error 400',
      '3102 schema.type Error 400',
      '3103 schema.enum Error 400',
      '3104 schema.uuid Error 400',
      '3105 schema.email Error 400',
      '3106 schema.date-time Error 400',
      '3107 schema.range Error 400',
      '3110 person.eppn.exactly-one Error 400',
      '3111 person.eppn.format Error 400',
      '3047 person.eppn.name-based Warning 400',
      '3112 person.eppn.shared-between-roles Error 409',
      '3113 person.emails.required-for-staff Error 400',
      '3114 person.emails.type-unsupported Warning 400',
      '3115 person.external-identifiers.at-most-one Error 400',
      '3116 person.external-identifiers.context Error 400',
      '3117 person.external-identifiers.staff-only Error 400',
      '3118 person.security-marking.enum Error 400',
      '3120 person.civic-no.format Error 400',
      '3121 person.civic-no.date Error 400',
      '3122 person.civic-no.check-digit Error 400',
      '3123 person.civic-no.nationality Error 400',
      '3124 person.civic-no.not-in-population-register Warning 400',
      '3130 enrolment.school-unit.unknown Error 400',
      '3131 enrolment.school-unit.other-organisation Error 403',
      '3132 enrolment.school-type.enum Error 400',
      '3133 enrolment.school-type.not-offered Warning 400',
      '3134 enrolment.school-year.required Error 400',
      '3135 enrolment.school-year.range Error 400',
      '3136 enrolment.education-code.required Error 400',
      '3137 enrolment.education-code.invalid Error 400',
      '3140 duty.person.not-found Error 404',
      '3141 duty.person.email-missing Error 400',
      '3142 duty.person.eppn-shared-with-pupil Error 409',
      '3143 duty.duty-at.unknown Error 400',
      '3144 duty.duty-at.other-organisation Error 403',
      '3145 duty.duty-role.enum Error 400',
      '3150 group.group-type.not-allowed Error 400',
      '3151 group.school-type.enum Error 400',
      '3152 group.organisation.unknown Error 400',
      '3153 group.organisation.other-organisation Error 403',
      '3154 group.school-type.not-offered Warning 400',
      '3155 group.member.not-found Warning 404',
      '3160 activity.activity-type.not-allowed Error 400',
      '3161 activity.groups.at-least-one Error 400',
      '3162 activity.group.not-found Error 404',
      '3163 activity.teacher.duty-not-found Error 404',
      '3164 activity.organisation.unknown Error 400',
      '3165 activity.organisation.other-organisation Error 403',
      '3166 activity.parent-activity.unknown Error 400',
    ]);
  });

  it('has unique codes and names, none shared with a whole-call code', () => {
    const codes = RULES.map((rule) => rule.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(RULES.map((rule) => rule.name)).size).toBe(RULES.length);
    for (const code of Object.keys(LOG_ENTRY_CODES)) expect(codes).not.toContain(Number(code));
  });

  it('gives every rule a Swedish message, a source and a resource-scoped schema claim', () => {
    for (const rule of RULES) {
      expect(rule.message.length, rule.name).toBeGreaterThan(10);
      expect(rule.source.length, rule.name).toBeGreaterThan(3);
      expect(rule.name).toMatch(/^[a-z]+(\.[a-z-]+)+$/);
      for (const claim of rule.schemaIssues ?? []) expect(claim.path).not.toMatch(/\d/);
    }
  });

  it('runs, per resource, only rules of that resource', () => {
    for (const [resource, rules] of Object.entries(RESOURCE_RULES)) {
      for (const rule of rules) expect(rule.resource).toBe(resource);
    }
  });

  it('finds a rule by code', () => {
    expect(findRule(3047)?.name).toBe('person.eppn.name-based');
    expect(findRule(1)).toBeUndefined();
  });
});

describe('docs/data-rules.md', () => {
  it('is exactly what renderDataRulesMarkdown() renders', () => {
    const doc = readFileSync(new URL('../../docs/data-rules.md', import.meta.url), 'utf8');
    expect(doc).toBe(renderDataRulesMarkdown());
  });

  it('lists every rule and every whole-call code', () => {
    const doc = renderDataRulesMarkdown();
    for (const rule of RULES) expect(doc).toContain(`| ${rule.code} | ${rule.name} |`);
    for (const code of Object.keys(LOG_ENTRY_CODES)) expect(doc).toContain(`| ${code} |`);
  });
});
