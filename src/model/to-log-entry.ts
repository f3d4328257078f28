// Turns a rule finding about one item into the LogEntry of the asynchronous answer.
import { compactLogEntry, type LogEntry } from './log-entry.js';
import type { Finding } from './rule.js';
import type { ObjectType } from './schemas/enums.js';
import { formatTimeOfOccurance } from './time-of-occurance.js';

export interface ToLogEntryOptions {
  resourceType: ObjectType;
  /** The item's id; omitted when the item had none (or a malformed one). */
  resourceId?: string;
  now: Date;
}

/**
 * Builds a LogEntry from a finding: `id` is the rule code as a string, and the entry names the resource and
 * the attribute, as in the spec's 3047 example.
 *
 * @example toLogEntry(verdict.warnings[0], { resourceType: 'Person', resourceId: person.id, now: clock.date() })
 */
export function toLogEntry(finding: Finding, options: ToLogEntryOptions): LogEntry {
  return compactLogEntry({
    id: String(finding.code),
    statusCode: finding.statusCode,
    messageType: finding.messageType,
    message: finding.message,
    resourceType: options.resourceType,
    resourceId: options.resourceId,
    attributeName: finding.attributeName === '' ? undefined : finding.attributeName,
    attributeValue: finding.attributeValue,
    severityLevel: finding.severity,
    timeOfOccurance: formatTimeOfOccurance(options.now),
  });
}
