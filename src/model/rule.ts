// What a data rule is (data plus a pure check), and the findings it reports.
import { fillTemplate, type SeverityLevel } from './log-entry.js';
import type { ResourceName } from './resource.js';
import type { RuleContext } from './rule-context.js';

/** How a zod issue is classified before it is matched to a rule. */
export type SchemaIssueKind =
  | 'not-object'
  | 'required'
  | 'type'
  | 'enum'
  | 'uuid'
  | 'email'
  | 'date-time'
  | 'range';

/** A rule that reports some schema issues itself: `path` uses `[]` for any index, e.g. `enrolments[].schoolYear`. */
export interface SchemaIssueClaim {
  path: string;
  kinds: readonly SchemaIssueKind[];
}

/** The data half of a rule: what the catalogue and docs/data-rules.md show. */
export interface RuleDefinition {
  /** LogEntry `id` (as a number). */
  readonly code: number;
  /** Stable id, `resource.attribute.problem`. */
  readonly name: string;
  /** Resource the rule applies to; `all` for the generic schema rules. */
  readonly resource: ResourceName | 'all';
  readonly severity: SeverityLevel;
  readonly statusCode: number;
  readonly messageType: string;
  /** Swedish message template: `{attribute}`, `{value}` and `{detail}` are filled per finding. */
  readonly message: string;
  /** Attribute path the finding points at, with `[]` for any index. */
  readonly attributeName: string;
  /** Where the rule comes from (dnp-facts section, spec tag/schema). */
  readonly source: string;
  /** Set when Skolverket publishes no such rule and the mock chose one. */
  readonly interpretation?: string;
  /** Schema issues this rule reports instead of the generic schema rules. */
  readonly schemaIssues?: readonly SchemaIssueClaim[];
}

/**
 * A rule with its pure check over a schema-valid item. A rule whose whole job is done by the schema (an enum,
 * a maxItems) has no `check`: it reports the zod issues it claims in `schemaIssues`.
 */
export interface ItemRule<T> extends RuleDefinition {
  check?(item: T, ctx: RuleContext): Finding[];
}

/** One problem found in one item; {@link toLogEntry} turns it into a LogEntry. */
export interface Finding {
  code: number;
  rule: string;
  severity: SeverityLevel;
  statusCode: number;
  messageType: string;
  message: string;
  attributeName: string;
  attributeValue?: string;
}

/** Name used by the Provisioning API side for the same thing. */
export type LogEntryFinding = Finding;

/** Where in the item a finding points, and what it found there. */
export interface FindingDetails {
  /** Concrete path (`enrolments[0].schoolYear`); defaults to the rule's `attributeName`. */
  attributeName?: string;
  attributeValue?: unknown;
  /** Fills `{detail}` in the message. */
  detail?: string;
}

/** LogEntry `attributeValue` is a string: objects become JSON, long values are cut. */
export function stringifyAttributeValue(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 500 ? `${text.slice(0, 497)}...` : text;
}

/** Builds a finding of `rule`. */
export function reportFinding(rule: RuleDefinition, details: FindingDetails = {}): Finding {
  const attributeName = details.attributeName ?? rule.attributeName;
  const attributeValue = stringifyAttributeValue(details.attributeValue);
  const finding: Finding = {
    code: rule.code,
    rule: rule.name,
    severity: rule.severity,
    statusCode: rule.statusCode,
    messageType: rule.messageType,
    message: fillTemplate(rule.message, {
      attribute: attributeName,
      value: attributeValue,
      detail: details.detail,
    }),
    attributeName,
  };
  if (attributeValue !== undefined) finding.attributeValue = attributeValue;
  return finding;
}
