// The generic schema rules, and the mapping of zod issues to findings (claimed by a named rule where one exists).
import type { z } from 'zod';
import type { ResourceName } from '../resource.js';
import { type Finding, type RuleDefinition, reportFinding, type SchemaIssueKind } from '../rule.js';

const SOURCE = 'spec components.schemas (required, type, enum, format, minimum/maximum, minItems/maxItems)';

function schemaRule(
  code: number,
  kind: SchemaIssueKind,
  messageType: string,
  message: string,
): RuleDefinition & { kind: SchemaIssueKind } {
  return {
    code,
    name: `schema.${kind}`,
    kind,
    resource: 'all',
    severity: 'Error',
    statusCode: 400,
    messageType,
    message,
    attributeName: '(any)',
    source: SOURCE,
  };
}

/** Generic rules for zod issues no named rule claims. */
export const SCHEMA_RULES = [
  schemaRule(
    3100,
    'not-object',
    'Ogiltigt format',
    'Ogiltigt format. Varje post i <data> ska vara ett JSON-objekt.',
  ),
  schemaRule(3101, 'required', 'Ogiltigt värde', 'Obligatoriskt attribut <{attribute}> saknas.'),
  schemaRule(3102, 'type', 'Ogiltigt format', 'Ogiltigt format på <{attribute}>. Värdet ska vara {detail}.'),
  schemaRule(3103, 'enum', 'Ogiltigt värde', 'Ogiltigt värde på <{attribute}>. Tillåtna värden är {detail}.'),
  schemaRule(
    3104,
    'uuid',
    'Ogiltigt format',
    'Ogiltigt format på <{attribute}>. Format ska vara UUID enligt RFC4122. Se https://www.ietf.org/rfc/rfc4122.txt.',
  ),
  schemaRule(
    3105,
    'email',
    'Ogiltigt format',
    'Ogiltigt format på <{attribute}>. Format ska vara en e-postadress.',
  ),
  schemaRule(
    3106,
    'date-time',
    'Ogiltigt format',
    'Ogiltigt format på <{attribute}>. Format ska vara datum och tid enligt RFC 3339.',
  ),
  schemaRule(3107, 'range', 'Ogiltigt värde', 'Ogiltigt värde på <{attribute}>. Värdet ska vara {detail}.'),
] as const;

const TYPE_NAMES: Record<string, string> = {
  string: 'en sträng',
  int: 'ett heltal',
  number: 'ett tal',
  boolean: 'boolean (true/false)',
  object: 'ett objekt',
  array: 'en lista',
};

/** `['enrolments', 0, 'schoolYear']` → `enrolments[0].schoolYear`. */
export function formatPath(path: readonly PropertyKey[], generic = false): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += generic ? '[]' : `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function classify(issue: z.core.$ZodIssue, value: unknown): { kind: SchemaIssueKind; detail?: string } {
  if (issue.path.length === 0) return { kind: 'not-object' };
  // A missing enum shows up as invalid_value, a missing string as invalid_type: both are "saknas".
  if (value === undefined) return { kind: 'required' };
  switch (issue.code) {
    case 'invalid_type':
      return { kind: 'type', detail: TYPE_NAMES[issue.expected] ?? issue.expected };
    case 'invalid_value':
      return { kind: 'enum', detail: issue.values.map((v) => String(v)).join(', ') };
    case 'invalid_format':
      if (issue.format === 'guid' || issue.format === 'uuid') return { kind: 'uuid' };
      if (issue.format === 'email') return { kind: 'email' };
      if (issue.format === 'datetime') return { kind: 'date-time' };
      return { kind: 'type', detail: issue.format };
    case 'too_big': {
      const what = issue.origin === 'array' ? ' element' : '';
      return { kind: 'range', detail: `högst ${String(issue.maximum)}${what}` };
    }
    case 'too_small': {
      const what = issue.origin === 'array' ? ' element' : '';
      return { kind: 'range', detail: `minst ${String(issue.minimum)}${what}` };
    }
    default:
      return { kind: 'type', detail: 'av rätt typ' };
  }
}

/**
 * Turns zod issues into findings: a rule of `resource` that claims the issue's path and kind reports it;
 * otherwise the generic schema rule of that kind does. One finding per issue.
 */
export function schemaFindings(
  resource: ResourceName,
  raw: unknown,
  issues: readonly z.core.$ZodIssue[],
  rules: readonly RuleDefinition[],
): Finding[] {
  const findings: Finding[] = [];
  for (const issue of issues) {
    const value = valueAt(raw, issue.path);
    const { kind, detail } = classify(issue, value);
    const genericPath = formatPath(issue.path, true);
    const claimant = rules.find(
      (rule) =>
        (rule.resource === resource || rule.resource === 'all') &&
        rule.schemaIssues?.some((claim) => claim.path === genericPath && claim.kinds.includes(kind)),
    );
    const rule = claimant ?? SCHEMA_RULES.find((r) => r.kind === kind) ?? SCHEMA_RULES[2];
    findings.push(
      reportFinding(rule, {
        attributeName: formatPath(issue.path),
        attributeValue: kind === 'not-object' ? raw : value,
        detail,
      }),
    );
  }
  return findings;
}
