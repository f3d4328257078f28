// The coded failures of talking to a vendor's SS 12000 API: each names what went wrong in plain words.

export type SyncErrorCode =
  /** No answer within the per-request timeout. */
  | 'timeout'
  /** Connection refused, reset, DNS failure… */
  | 'network_error'
  /** An answer with a status the call does not accept. */
  | 'http_status'
  /** An answer that is not `application/json`. */
  | 'wrong_content_type'
  /** A body that does not parse as JSON. */
  | 'invalid_json'
  /** A body larger than the configured cap. */
  | 'response_too_large'
  /** JSON of the wrong shape (no `data` array, a `pageToken` that is not a string or null…). */
  | 'invalid_answer'
  /** A `pageToken` the API had already handed out in this pagination. */
  | 'repeated_page_token'
  /** More pages than the configured page limit. */
  | 'page_limit'
  /** The registration was removed or the mock shut down while the call ran. */
  | 'cancelled';

/** A failed call (or pagination) against a vendor API. `attempts` is set once retries are exhausted. */
export class SyncError extends Error {
  readonly code: SyncErrorCode;
  readonly url: string;
  readonly status: number | undefined;
  attempts: number | undefined;

  constructor(
    code: SyncErrorCode,
    message: string,
    details: { url: string; status?: number; attempts?: number },
  ) {
    super(message);
    this.name = 'SyncError';
    this.code = code;
    this.url = details.url;
    this.status = details.status;
    this.attempts = details.attempts;
  }

  /** The JSON the control plane and job records show. */
  toJSON(): { code: SyncErrorCode; message: string; url: string; status?: number; attempts?: number } {
    return {
      code: this.code,
      message: this.message,
      url: this.url,
      ...(this.status !== undefined ? { status: this.status } : {}),
      ...(this.attempts !== undefined ? { attempts: this.attempts } : {}),
    };
  }
}

/** Any thrown value as a SyncError (unknown failures count as network errors). */
export function toSyncError(error: unknown, url: string): SyncError {
  if (error instanceof SyncError) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError')
    return new SyncError('timeout', `no complete answer within the timeout`, { url });
  if (name === 'AbortError') return new SyncError('cancelled', 'the call was cancelled', { url });
  const cause = error instanceof Error ? (error as Error & { cause?: unknown }).cause : undefined;
  const detail =
    cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error);
  return new SyncError('network_error', `network error: ${detail}`, { url });
}
