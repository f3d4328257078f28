// The shape of one recorded exchange (request plus answer) in the journal, in either direction.

/** Which part of the mock handled (inbound) or made (outbound) the exchange. */
export type JournalComponent = 'auth' | 'open-data' | 'provisioning' | 'ss12000-client' | 'control' | 'other';

export type JournalDirection = 'inbound' | 'outbound';

/** One request and its answer, as the mock saw it. Bodies are kept up to the journal's cap. */
export interface JournalEntry {
  /** Monotonic sequence number, unique within one journal. */
  seq: number;
  /** Correlates the entry with log lines and events (`x-request-id` when the caller sent one). */
  requestId: string;
  direction: JournalDirection;
  component: JournalComponent;
  /** When the request started, ISO 8601 from the mock's clock. */
  time: string;
  /** `time` as epoch milliseconds, for cheap arithmetic in rules. */
  timeMs: number;
  durationMs: number;
  method: string;
  /** Full URL as requested (inbound: as the client addressed the mock). */
  url: string;
  /** URL path without the query string. */
  path: string;
  /** HTTP status, or 0 when no answer came (dropped connection, timeout). */
  status: number;
  clientIp?: string;
  /** Organisation number (`SE` + 10 digits) of the caller, when a token or certificate told us. */
  organisationId?: string;
  /** Short, stable fingerprint of the bearer token used (not the token itself). */
  tokenId?: string;
  requestHeaders: Record<string, string>;
  responseHeaders: Record<string, string>;
  requestBodySize: number;
  responseBodySize: number;
  requestBody?: string;
  responseBody?: string;
  requestBodyTruncated?: boolean;
  responseBodyTruncated?: boolean;
  /** Why no normal answer was recorded (timeout, connection reset, fault injection...). */
  error?: string;
  /** Free-form facts a component adds (job id, fault applied, rule codes...). */
  notes?: Record<string, unknown>;
}

/** What a handler may add to the entry of the request it is serving. */
export type JournalAnnotations = Partial<
  Pick<JournalEntry, 'organisationId' | 'tokenId' | 'component' | 'error'>
> & { notes?: Record<string, unknown> };
