// Checks a pulled `Organisation` against the subset spec's schema (src/model has no Organisation resource).
import { z } from 'zod';
import { type Finding, reportFinding, SCHEMA_RULES } from '../model/index.js';

/**
 * Subset spec `Organisation`: `id` (uuid), `displayName` and `schoolUnitCode` required. Organisations are an
 * SS 12000-only resource (the Provisioning API has none), so only the schema applies; problems are reported
 * with the model's generic schema rules (3100–3107), never with rules of their own.
 */
export const organisationSchema = z.looseObject({
  id: z.guid(),
  displayName: z.string(),
  schoolUnitCode: z.string(),
  meta: z
    .object({ created: z.iso.datetime({ offset: true }), modified: z.iso.datetime({ offset: true }) })
    .optional(),
});

const rule = (kind: (typeof SCHEMA_RULES)[number]['kind']) =>
  SCHEMA_RULES.find((r) => r.kind === kind) as (typeof SCHEMA_RULES)[number];

function kindOf(issue: z.core.$ZodIssue, value: unknown): (typeof SCHEMA_RULES)[number]['kind'] {
  if (issue.code === 'invalid_type' && value === undefined) return 'required';
  if (issue.code === 'invalid_format')
    return issue.format === 'guid' || issue.format === 'uuid' ? 'uuid' : 'date-time';
  return 'type';
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Findings for one organisation item; empty when it conforms. */
export function checkOrganisation(item: unknown): Finding[] {
  if (typeof item !== 'object' || item === null || Array.isArray(item))
    return [reportFinding(rule('not-object'))];
  const parsed = organisationSchema.safeParse(item);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const attributeName = issue.path.map(String).join('.');
    const value = valueAt(item, issue.path);
    const kind = kindOf(issue, value);
    return reportFinding(rule(kind), {
      attributeName,
      ...(value !== undefined ? { attributeValue: value } : {}),
      ...(kind === 'type' ? { detail: issue.path.at(-1) === 'meta' ? 'ett objekt' : 'en sträng' } : {}),
    });
  });
}
