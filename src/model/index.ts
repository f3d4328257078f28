// Public surface of the model: SS 12000 subset schemas, DNP rules on data, LogEntry and civic numbers.
export {
  type CivicNumberError,
  type CivicNumberFailure,
  type CivicNumberKind,
  type CivicNumberResult,
  luhnCheckDigit,
  makeCivicNumber,
  type ParsedCivicNumber,
  parseCivicNumber,
  SAMORDNINGSNUMMER_DAY_OFFSET,
  type SexDigitParity,
} from './civic-number.js';
export {
  compactLogEntry,
  fillTemplate,
  LOG_ENTRY_CODES,
  type LogEntry,
  type LogEntryCode,
  type LogEntryCodeSpec,
  type LogEntryDetails,
  logEntrySchema,
  makeLogEntry,
  type SeverityLevel,
} from './log-entry.js';
export { renderDataRulesMarkdown } from './render-rules-doc.js';
export {
  RESOURCE_NAMES,
  RESOURCE_SCHEMAS,
  RESOURCE_TYPES,
  type ResourceItems,
  type ResourceName,
} from './resource.js';
export {
  type Finding,
  type FindingDetails,
  type ItemRule,
  type LogEntryFinding,
  type RuleDefinition,
  reportFinding,
  type SchemaIssueClaim,
  type SchemaIssueKind,
} from './rule.js';
export {
  DEFAULT_RULE_SETTINGS,
  type ExamActivityFacts,
  RULE_SETTING_DESCRIPTIONS,
  type RuleContext,
  type RuleSettings,
  ruleSettings,
  type SchoolUnitFacts,
} from './rule-context.js';
export { findRule, RESOURCE_RULES, RULES } from './rules/catalogue.js';
export { isNameBasedEppn } from './rules/eppn-quality.js';
export { formatPath, SCHEMA_RULES } from './rules/schema-rules.js';
export { type Activity, activitySchema, type DutyAssignment } from './schemas/activity.js';
export {
  dateTimeSchema,
  type Meta,
  type ObjectReference,
  objectReferenceSchema,
  uuidSchema,
} from './schemas/common.js';
export { type Duty, dutySchema } from './schemas/duty.js';
export * from './schemas/enums.js';
export { type Group, type GroupMembership, groupSchema } from './schemas/group.js';
export {
  type CivicNo,
  type Email,
  type Enrolment,
  type ExternalIdentifier,
  type Person,
  personSchema,
} from './schemas/person.js';
export { formatTimeOfOccurance } from './time-of-occurance.js';
export { type ToLogEntryOptions, toLogEntry } from './to-log-entry.js';
export {
  type ItemStatus,
  type ItemVerdict,
  type ValidateItemOptions,
  validateItem,
} from './validate-item.js';
