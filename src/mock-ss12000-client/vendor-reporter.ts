// Reports back to the vendor: POST /log per problem (capped per job) and POST /statistics per resource.
import type { Clock } from '../clock/clock.js';
import { type Finding, formatTimeOfOccurance } from '../model/index.js';
import type { Ss12000ResourceType } from './resources.js';
import type { SyncError } from './sync-error.js';
import type { SyncJob } from './sync-job.js';
import type { VendorHttp } from './vendor-http.js';

/** The subset spec's `LogEntry` (what the SS12000 client posts to `/log`). */
export interface VendorLogEntry {
  message: string;
  messageType?: string;
  resourceType?: Ss12000ResourceType;
  resourceId?: string;
  resourceUrl?: string;
  severityLevel: 'Info' | 'Warning' | 'Error';
  timeOfOccurance?: string;
}

/** The subset spec's `StatisticsEntry`. */
export interface VendorStatisticsEntry {
  resourceType: Ss12000ResourceType;
  newCount: number;
  updatedCount: number;
  deletedCount: number;
  resourceUrl?: string;
  timeOfOccurance?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ACCEPTED = [200, 201, 202, 204] as const;

/** Swedish wording of each failure, as the vendor reads it in its log (detail in English follows). */
const FAILURE_TEXT: Record<SyncError['code'], string> = {
  timeout: 'inget fullständigt svar inom tidsgränsen',
  network_error: 'nätverksfel',
  http_status: 'svaret hade en felstatus',
  wrong_content_type: 'svaret var inte application/json',
  invalid_json: 'svaret var inte giltig JSON',
  response_too_large: 'svaret var större än tillåtet',
  invalid_answer: 'svaret hade fel struktur',
  repeated_page_token: 'samma pageToken kom tillbaka (oändlig paginering)',
  page_limit: 'för många sidor (oändlig paginering)',
  cancelled: 'hämtningen avbröts',
};

/**
 * A finding as a `/log` entry. `messageType` ("SS12000 client unique ID" in the spec) is the rule's code,
 * the same id the Provisioning API would answer with; `resourceId` is sent only when it is a UUID, as the
 * spec's `format: uuid` requires.
 */
export function findingLogEntry(
  finding: Finding,
  where: {
    resourceType: Ss12000ResourceType;
    resourceId: string | undefined;
    resourceUrl: string;
    now: Date;
  },
): VendorLogEntry {
  return {
    message: finding.message,
    messageType: String(finding.code),
    resourceType: where.resourceType,
    ...(where.resourceId && UUID.test(where.resourceId) ? { resourceId: where.resourceId } : {}),
    resourceUrl: where.resourceUrl,
    severityLevel: finding.severity,
    timeOfOccurance: formatTimeOfOccurance(where.now),
  };
}

/** Consecutive refused or unanswered reports after which a job reports no more (a hanging /log must not stall it). */
export const MAX_CONSECUTIVE_REPORT_FAILURES = 3;

/** One reporter per job: it counts, caps and never throws (a vendor's broken /log must not fail the sync). */
export class VendorReporter {
  private skipped = 0;
  private consecutiveFailures = 0;

  constructor(
    private readonly http: VendorHttp,
    private readonly baseUrl: string,
    private readonly job: SyncJob,
    private readonly maxLogEntries: number,
    private readonly clock: Clock,
  ) {}

  async log(entry: VendorLogEntry): Promise<void> {
    if (this.job.logEntriesSent >= this.maxLogEntries || this.job.reportingStoppedBecause) {
      this.skipped += 1;
      this.job.logEntriesSkipped += 1;
      return;
    }
    this.job.logEntriesSent += 1;
    await this.post('/log', entry);
  }

  /** Logs a resource whose fetch failed (dnp-facts §4.5: the client logs each failed resource). */
  async failure(resourceType: Ss12000ResourceType | undefined, error: SyncError): Promise<void> {
    const tries = error.attempts ? ` efter ${error.attempts} försök` : '';
    const what = resourceType ?? 'deletedEntities';
    await this.log({
      message: `Hämtningen av ${what} misslyckades${tries}: ${FAILURE_TEXT[error.code]} (${error.message}).`,
      messageType: `sync.${error.code}`,
      ...(resourceType ? { resourceType } : {}),
      resourceUrl: error.url,
      severityLevel: 'Error',
      timeOfOccurance: formatTimeOfOccurance(this.clock.date()),
    });
  }

  /** Sends one closing entry when the cap kept problems back. */
  async flush(): Promise<void> {
    if (this.skipped === 0) return;
    const skipped = this.skipped;
    this.skipped = 0;
    await this.post('/log', {
      message: `Ytterligare ${skipped} problem rapporterades inte (högst ${this.maxLogEntries} loggposter per hämtning).`,
      messageType: 'sync.log-cap',
      severityLevel: 'Warning',
      timeOfOccurance: formatTimeOfOccurance(this.clock.date()),
    });
  }

  /** Statistics for one resource: created and updated are not told apart, so only `updatedCount` is used. */
  async statistics(
    resourceType: Ss12000ResourceType,
    updatedCount: number,
    resourceUrl: string,
  ): Promise<void> {
    const entry: VendorStatisticsEntry = {
      resourceType,
      newCount: 0,
      updatedCount,
      deletedCount: 0,
      resourceUrl,
      timeOfOccurance: formatTimeOfOccurance(this.clock.date()),
    };
    await this.post('/statistics', entry);
  }

  private async post(path: string, body: VendorLogEntry | VendorStatisticsEntry): Promise<void> {
    if (this.job.reportingStoppedBecause) return;
    try {
      await this.http.call('POST', `${this.baseUrl}${path}`, { body, accept: ACCEPTED });
      this.consecutiveFailures = 0;
    } catch (error) {
      // Recorded in the journal by the fetch; the job only counts it.
      this.job.reportFailures += 1;
      this.consecutiveFailures += 1;
      if (this.consecutiveFailures >= MAX_CONSECUTIVE_REPORT_FAILURES) {
        this.job.reportingStoppedBecause = `${this.consecutiveFailures} reports in a row failed, the last with ${(error as Error).message}`;
      }
    }
  }
}
