// Validates one pushed or pulled item: schema first, then the named DNP rules; returns the item's verdict.
import { RESOURCE_SCHEMAS, type ResourceItems, type ResourceName } from './resource.js';
import type { Finding, ItemRule } from './rule.js';
import { type RuleContext, ruleSettings } from './rule-context.js';
import { RESOURCE_RULES } from './rules/catalogue.js';
import { schemaFindings } from './rules/schema-rules.js';

/** Item status in the asynchronous answer (Pending and TemporaryError belong to the job engine). */
export type ItemStatus = 'Success' | 'Warning' | 'Error';

export interface ItemVerdict<T = unknown> {
  status: ItemStatus;
  /** The first error's status code; `successStatusCode` when there is none. */
  statusCode: number;
  errors: Finding[];
  warnings: Finding[];
  /** The parsed item (unknown properties dropped) when it was accepted (no errors). */
  item?: T;
  /** The item's `id` as sent, when it is a string (well-formed or not): the LogEntry `resourceId`. */
  id?: string;
}

export interface ValidateItemOptions {
  /** Status code of an accepted item: 201 created (default) or 200 updated; the caller knows which. */
  successStatusCode?: number;
}

/** Returns a copy of `value` without `null` properties (array elements are kept). */
function dropNullProperties(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNullProperties);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) if (entry !== null) out[key] = dropNullProperties(entry);
  return out;
}

function sentId(item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const id: unknown = (item as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

function verdict<T>(
  findings: Finding[],
  successStatusCode: number,
  id: string | undefined,
  item?: T,
): ItemVerdict<T> {
  const errors = findings.filter((f) => f.severity === 'Error');
  const warnings = findings.filter((f) => f.severity === 'Warning');
  const status: ItemStatus = errors.length > 0 ? 'Error' : warnings.length > 0 ? 'Warning' : 'Success';
  const result: ItemVerdict<T> = {
    status,
    statusCode: errors[0]?.statusCode ?? successStatusCode,
    errors,
    warnings,
  };
  if (item !== undefined && errors.length === 0) result.item = item;
  if (id !== undefined) result.id = id;
  return result;
}

/**
 * Validates one item of `resource`. Schema problems come first, each reported by the rule that claims it (or a
 * generic schema rule); the named rules run only on a schema-valid item, since they need its typed form.
 * Rules named in `ctx.settings.disabledRules` are skipped (schema issues are always reported).
 *
 * @example validateItem('duties', body.data[0], ctx).status // 'Error' when the duty's person is missing
 */
export function validateItem<R extends ResourceName>(
  resource: R,
  item: unknown,
  ctx: RuleContext,
  options: ValidateItemOptions = {},
): ItemVerdict<ResourceItems[R]> {
  const settings = ruleSettings(ctx);
  const successStatusCode = options.successStatusCode ?? 201;
  const rules: readonly ItemRule<ResourceItems[R]>[] = RESOURCE_RULES[resource];
  const input = settings.nullAsAbsent ? dropNullProperties(item) : item;
  const parsed = RESOURCE_SCHEMAS[resource].safeParse(input);
  if (!parsed.success) {
    return verdict(
      schemaFindings(resource, input, parsed.error.issues, rules),
      successStatusCode,
      sentId(input),
    );
  }
  const disabled = new Set(settings.disabledRules);
  const findings = rules
    .filter((rule) => rule.check && !disabled.has(rule.name))
    .flatMap((rule) => rule.check?.(parsed.data, ctx) ?? []);
  return verdict(findings, successStatusCode, parsed.data.id, parsed.data);
}
