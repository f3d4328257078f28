// LogEntry, Skolverket's error/warning record, with the whole-call codes of Provisioning API 1.3.2 and a builder.
import { z } from 'zod';
import { OBJECT_TYPES, type ObjectType } from './schemas/enums.js';
import { formatTimeOfOccurance } from './time-of-occurance.js';

export type SeverityLevel = 'Error' | 'Warning';

/** A LogEntry as the Provisioning API sends it (schema `LogEntry`; we always fill `messageType`). */
export interface LogEntry {
  id: string;
  statusCode: number;
  messageType: string;
  message: string;
  parameterName?: string;
  parameterValue?: string;
  resourceType?: ObjectType;
  resourceId?: string;
  attributeName?: string;
  attributeValue?: string;
  severityLevel: SeverityLevel;
  timeOfOccurance: string;
}

/** The spec's `LogEntry` schema, for checking entries someone else produced (messageType optional there). */
export const logEntrySchema = z.object({
  id: z.string(),
  statusCode: z.int(),
  messageType: z.string().optional(),
  message: z.string(),
  parameterName: z.string().optional(),
  parameterValue: z.string().optional(),
  resourceType: z.enum(OBJECT_TYPES).optional(),
  resourceId: z.string().optional(),
  attributeName: z.string().optional(),
  attributeValue: z.string().optional(),
  severityLevel: z.enum(['Warning', 'Error']),
  timeOfOccurance: z.iso.datetime({ offset: true }),
});

/** One whole-call code: what Skolverket answers for a request as a whole (not for one item). */
export interface LogEntryCodeSpec {
  statusCode: number;
  messageType: string;
  /** Message template; `{parameterName}` and `{resourceType}` are filled in by {@link makeLogEntry}. */
  message: string;
  /** Parameter named when the caller gives none. */
  defaultParameterName?: string;
  /** Where the text comes from: the spec response it is copied from, or "mock" when Skolverket publishes none. */
  source: string;
}

const UUID_RFC = 'Format ska vara UUID enligt RFC4122. Se https://www.ietf.org/rfc/rfc4122.txt.';

/**
 * Whole-call codes of Provisioning API 1.3.2 (dnp-facts §3). Texts are copied verbatim from the spec's
 * examples, quirks included (´query´ with acute accents, "identifierats av angivet värden"); only 2024 has
 * no published text and is written in the same style.
 */
export const LOG_ENTRY_CODES = {
  2010: {
    statusCode: 400,
    messageType: 'Ogiltigt format',
    message: `Ogiltigt format på ´body´ parameter <{parameterName}>. ${UUID_RFC}`,
    defaultParameterName: 'ids',
    source: 'spec responses.400_invalid_lookup',
  },
  2011: {
    statusCode: 400,
    messageType: 'Ogiltigt format',
    message: `Ogiltigt format på ´path´ parameter <{parameterName}>. ${UUID_RFC}`,
    defaultParameterName: 'id',
    source: 'spec responses.400_invalid_id',
  },
  2024: {
    statusCode: 400,
    messageType: 'Ogiltigt format',
    message:
      'Ogiltigt format på ´query´ parameter <{parameterName}>. Format ska vara datum och tid enligt RFC 3339 (t.ex. 2021-05-12T10:30:00.123+02:00).',
    source: 'mock (dnp-facts §3 names the id, no published text)',
  },
  2025: {
    statusCode: 400,
    messageType: 'Ogiltigt format',
    message: 'Ogiltigt format på ´query´ parameter <{parameterName}>. Format ska vara boolean (true/false).',
    defaultParameterName: 'updateIfExists',
    source: 'spec responses.400_invalid_parameter (invalid_updateIfExists)',
  },
  3085: {
    statusCode: 400,
    messageType: 'Ogiltigt värde',
    message: 'Värdet för <{parameterName}> måste vara ett tal mellan 1 och 100 (inklusive).',
    defaultParameterName: 'limit',
    source: 'spec responses.400_invalid_parameter (invalid_limit)',
  },
  4001: {
    statusCode: 404,
    messageType: 'Ogiltigt värde',
    message:
      '{resourceType} identifierats av angivet värden i `path` parameter <{parameterName}> hittades inte.',
    defaultParameterName: 'id',
    source: 'spec responses.404_not_found',
  },
  5002: {
    statusCode: 403,
    messageType: 'Behörighet saknas',
    message: 'Ogiltigt JWT bearer token.',
    source: 'spec responses.403_not_authorised',
  },
  5004: {
    statusCode: 500,
    messageType: 'Okänt fel',
    message: 'Ett okänt fel inträffade.',
    source: 'spec responses.default_error',
  },
  5020: {
    statusCode: 413,
    messageType: 'Teknisk begränsning',
    message: 'Provisionerade uppgifter överstiger tillåten datamängd.',
    source: 'spec responses.413_payload_too_large',
  },
  5021: {
    statusCode: 429,
    messageType: 'Teknisk begränsning',
    message: 'Den högsta tillåtna antal förfrågningar har uppnåtts för den specifika URL:en.',
    source: 'spec responses.429_too_many_requests',
  },
  5022: {
    statusCode: 503,
    messageType: 'Teknisk begränsning',
    message: 'Tjänsten är inte tillgänglig. Försök igen senare.',
    source: 'spec responses.503_service_unavailable',
  },
  6001: {
    statusCode: 503,
    messageType: 'Overload',
    message: 'Svaret är för stort för servern att hantera.',
    source: 'spec responses.503_overload',
  },
} as const satisfies Record<number, LogEntryCodeSpec>;

export type LogEntryCode = keyof typeof LOG_ENTRY_CODES;

/** What a caller adds to a whole-call LogEntry. */
export interface LogEntryDetails {
  parameterName?: string;
  parameterValue?: string;
  resourceType?: ObjectType;
  resourceId?: string;
  attributeName?: string;
  attributeValue?: string;
  /** Replaces the standard text (rarely needed). */
  message?: string;
}

/** Fills `{name}` placeholders; unknown names are left as they are. */
export function fillTemplate(template: string, values: Readonly<Record<string, string | undefined>>): string {
  if (!template.includes('{')) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/**
 * Builds the LogEntry Skolverket sends for a whole-call code.
 *
 * @example makeLogEntry(2025, { parameterValue: 'xxxxx' }, clock.date())
 */
export function makeLogEntry(code: LogEntryCode, details: LogEntryDetails, now: Date): LogEntry {
  const spec: LogEntryCodeSpec | undefined = LOG_ENTRY_CODES[code];
  if (!spec) throw new TypeError(`makeLogEntry: unknown whole-call code ${String(code)}`);
  const parameterName = details.parameterName ?? spec.defaultParameterName;
  const message =
    details.message ??
    fillTemplate(spec.message, { parameterName, resourceType: details.resourceType ?? 'Resurs' });
  // Built in the spec's key order, optional fields only when given (as compactLogEntry would leave them).
  const entry: Partial<LogEntry> = {
    id: String(code),
    statusCode: spec.statusCode,
    messageType: spec.messageType,
    message,
  };
  if (parameterName !== undefined) entry.parameterName = parameterName;
  if (details.parameterValue !== undefined) entry.parameterValue = details.parameterValue;
  if (details.resourceType !== undefined) entry.resourceType = details.resourceType;
  if (details.resourceId !== undefined) entry.resourceId = details.resourceId;
  if (details.attributeName !== undefined) entry.attributeName = details.attributeName;
  if (details.attributeValue !== undefined) entry.attributeValue = details.attributeValue;
  entry.severityLevel = 'Error';
  entry.timeOfOccurance = formatTimeOfOccurance(now);
  return entry as LogEntry;
}

/** Drops undefined optional fields, keeping the spec's key order. */
export function compactLogEntry(entry: { [K in keyof LogEntry]: LogEntry[K] | undefined }): LogEntry {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) if (value !== undefined) out[key] = value;
  return out as unknown as LogEntry;
}
