// Guarded calls to a vendor's SS 12000 API: bearer token, real-time timeout, size cap, JSON checks, retries.
import type { Clock } from '../clock/clock.js';
import type { JournaledFetch } from '../journal/journaled-fetch.js';
import { SyncError, toSyncError } from './sync-error.js';

export interface VendorHttpOptions {
  fetch: JournaledFetch;
  clock: Clock;
  /** A valid `ss12000-api` token for this vendor (cached by the caller). */
  token: () => Promise<string>;
  /** Real-time limit per call, body included: it guards real sockets, so it does not follow the mock clock. */
  timeoutMs: number;
  maxResponseBytes: number;
  /** Tries per GET; backoff doubles from `backoffMs` and waits on the mock clock. */
  attempts: number;
  backoffMs: number;
  /** `SE…` organisation id the journal entries carry. */
  organisationId: string;
  /** Aborts every call when the registration goes away. */
  signal?: AbortSignal;
}

export interface VendorAnswer {
  status: number;
  /** Parsed JSON, or undefined when the answer had no body. */
  body: unknown;
}

const JSON_TYPE = /^application\/(?:[\w.+-]*\+)?json\s*(?:;|$)/i;
const SNIPPET_BYTES = 512;

async function readCapped(res: Response, max: number, url: string): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > max) {
    await res.body?.cancel('response too large').catch(() => undefined);
    throw new SyncError('response_too_large', `answer of ${declared} bytes is over the cap of ${max} bytes`, {
      url,
      status: res.status,
    });
  }
  if (!res.body) return new Uint8Array();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel('response too large').catch(() => undefined);
      throw new SyncError('response_too_large', `answer grew past the cap of ${max} bytes`, {
        url,
        status: res.status,
      });
    }
    chunks.push(value);
  }
  return chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks);
}

/** The start of an error answer, for the failure message; the rest is never read. */
async function snippet(res: Response): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    while (total < SNIPPET_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      total += value.byteLength;
    }
  } catch {
    // A broken error body still leaves the status to report.
  }
  await reader.cancel().catch(() => undefined);
  return new TextDecoder().decode(Buffer.concat(chunks)).slice(0, 200).trim();
}

/** Waits on the mock clock, but no longer than until `signal` aborts (shutting down must not wait for a backoff). */
function sleepUnlessAborted(clock: Clock, ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return clock.sleep(ms);
  if (signal.aborted) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = () => {
      signal.removeEventListener('abort', done);
      resolve();
    };
    signal.addEventListener('abort', done);
    void clock.sleep(ms).then(done);
  });
}

/** Calls one vendor API with every guard; one instance per registration. */
export class VendorHttp {
  constructor(private readonly options: VendorHttpOptions) {}

  /** One guarded call; throws SyncError. `accept` lists the statuses that count as success. */
  async call(
    method: string,
    url: string,
    init: { body?: unknown; accept: readonly number[]; notes?: Record<string, unknown> },
  ): Promise<VendorAnswer> {
    const { options } = this;
    if (options.signal?.aborted) throw new SyncError('cancelled', 'the registration was removed', { url });
    try {
      const timeout = AbortSignal.timeout(options.timeoutMs);
      const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
      const headers: Record<string, string> = {
        authorization: `Bearer ${await options.token()}`,
        accept: 'application/json',
      };
      if (init.body !== undefined) headers['content-type'] = 'application/json';
      const res = await options.fetch(url, {
        method,
        headers,
        signal,
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
        journal: { organisationId: options.organisationId, ...(init.notes ? { notes: init.notes } : {}) },
      });
      if (!init.accept.includes(res.status)) {
        const text = await snippet(res);
        throw new SyncError('http_status', `answered ${res.status}${text ? `: ${text}` : ''}`, {
          url,
          status: res.status,
        });
      }
      if (!res.body || res.status === 204) return { status: res.status, body: undefined };
      const contentType = res.headers.get('content-type') ?? '';
      if (!JSON_TYPE.test(contentType)) {
        await res.body.cancel('wrong content type').catch(() => undefined);
        if (method !== 'GET') return { status: res.status, body: undefined };
        throw new SyncError(
          'wrong_content_type',
          `content-type is "${contentType || '(none)'}", not application/json`,
          {
            url,
            status: res.status,
          },
        );
      }
      const bytes = await readCapped(res, options.maxResponseBytes, url);
      if (bytes.byteLength === 0) return { status: res.status, body: undefined };
      const text = new TextDecoder().decode(bytes);
      try {
        return { status: res.status, body: JSON.parse(text) as unknown };
      } catch (error) {
        if (method !== 'GET') return { status: res.status, body: undefined };
        throw new SyncError('invalid_json', `body is not valid JSON (${(error as Error).message})`, {
          url,
          status: res.status,
        });
      }
    } catch (error) {
      if (options.signal?.aborted) throw new SyncError('cancelled', 'the registration was removed', { url });
      throw toSyncError(error, url);
    }
  }

  /**
   * A GET answered 200 with JSON that `read` accepts, tried `attempts` times with backoff on the mock clock:
   * any failure counts, a wrong shape as much as a 500 (dnp-facts §4.5: each GET is tried 3 times).
   */
  async getJson<T>(
    url: string,
    read: (body: unknown, url: string) => T,
    notes: Record<string, unknown> = {},
  ): Promise<T> {
    return this.withRetries(url, async (attempt) => {
      const answer = await this.call('GET', url, { accept: [200], notes: { ...notes, attempt } });
      if (answer.body === undefined) {
        throw new SyncError('invalid_answer', 'answered 200 without a JSON body', {
          url,
          status: answer.status,
        });
      }
      return read(answer.body, url);
    });
  }

  /** Runs `attempt` up to `attempts` times; the final SyncError carries the number of attempts. */
  async withRetries<T>(url: string, attempt: (n: number) => Promise<T>): Promise<T> {
    const { attempts, backoffMs, clock, signal } = this.options;
    let last: SyncError | undefined;
    for (let n = 1; n <= attempts; n += 1) {
      try {
        return await attempt(n);
      } catch (error) {
        last = toSyncError(error, url);
        if (last.code === 'cancelled' || signal?.aborted) throw last;
        if (n < attempts) await sleepUnlessAborted(clock, backoffMs * 2 ** (n - 1), signal);
        if (signal?.aborted) throw new SyncError('cancelled', 'the registration was removed', { url });
      }
    }
    const failed = last ?? new SyncError('network_error', 'no attempt was made', { url });
    failed.attempts = attempts;
    throw failed;
  }
}
