// The subscription at one vendor: create it, renew it before it expires (on the mock clock), delete it.
import { z } from 'zod';
import type { CancelTimer, Clock } from '../clock/clock.js';
import { RESOURCE_ORDER } from './resources.js';
import { type SyncError, toSyncError } from './sync-error.js';
import type { SyncErrorJson } from './sync-job.js';
import type { VendorHttp } from './vendor-http.js';

export interface SubscriptionState {
  state: 'none' | 'active' | 'failed' | 'deleted';
  id?: string;
  expires?: string;
  /** When the next PATCH is due. */
  renewAt?: string;
  renewals: number;
  lastRenewedAt?: string;
  error?: SyncErrorJson;
}

export interface SubscriptionManagerOptions {
  http: VendorHttp;
  clock: Clock;
  baseUrl: string;
  target: string;
  name: string;
  /** Renew this long before expiry, but never later than half the remaining time. */
  renewMarginMs: number;
}

/** `Subscription` in the answer to POST and PATCH: `id` and `expires` are what the client needs. */
const subscriptionAnswer = z.looseObject({
  id: z.string().min(1),
  expires: z.iso.datetime({ offset: true }),
});

/** A vendor answering with a past `expires` must not make the client renew in a tight loop. */
const MIN_RENEW_DELAY_MS = 60_000;

export class SubscriptionManager {
  readonly status: SubscriptionState = { state: 'none', renewals: 0 };
  private timer: CancelTimer | undefined;
  private lifetimeMs = 0;
  private closed = false;

  constructor(private readonly options: SubscriptionManagerOptions) {}

  /** `POST {url}/subscriptions`, expecting 201 with `id` and `expires`; schedules the renewal. */
  async create(): Promise<void> {
    const { http, baseUrl, target, name } = this.options;
    const url = `${baseUrl}/subscriptions`;
    const body = { name, target, resourceTypes: RESOURCE_ORDER.map((resource) => ({ resource })) };
    try {
      const answer = await http.withRetries(url, (attempt) =>
        http.call('POST', url, { body, accept: [201], notes: { attempt, step: 'subscribe' } }),
      );
      this.accept(answer.body, url);
    } catch (error) {
      this.fail(toSyncError(error, url));
    }
  }

  /** `PATCH {url}/subscriptions/{id}` asking for another lifetime; a vendor that forgot it gets a new one. */
  async renew(): Promise<void> {
    this.timer = undefined;
    const { http, baseUrl, clock } = this.options;
    if (this.closed || !this.status.id) return;
    const url = `${baseUrl}/subscriptions/${encodeURIComponent(this.status.id)}`;
    const expires = new Date(clock.now() + this.lifetimeMs).toISOString();
    try {
      const answer = await http.withRetries(url, (attempt) =>
        http.call('PATCH', url, { body: { expires }, accept: [200], notes: { attempt, step: 'renew' } }),
      );
      this.status.renewals += 1;
      this.status.lastRenewedAt = clock.date().toISOString();
      this.accept(answer.body, url);
    } catch (error) {
      const failure = toSyncError(error, url);
      if (failure.status === 404) return this.create();
      this.fail(failure);
    }
  }

  /**
   * `DELETE {url}/subscriptions/{id}`; 404 counts as already gone. Never throws. `http` may be a client
   * of its own when the registration's one has been aborted.
   */
  async removeWith(
    http: VendorHttp = this.options.http,
  ): Promise<{ deleted: boolean; error?: SyncErrorJson }> {
    this.close();
    const { baseUrl } = this.options;
    if (!this.status.id) return { deleted: false };
    const url = `${baseUrl}/subscriptions/${encodeURIComponent(this.status.id)}`;
    try {
      await http.call('DELETE', url, { accept: [200, 202, 204, 404], notes: { step: 'unsubscribe' } });
      this.status.state = 'deleted';
      return { deleted: true };
    } catch (error) {
      return { deleted: false, error: toSyncError(error, url).toJSON() };
    }
  }

  /** Stops renewing (unregistering, or the mock shutting down). */
  close(): void {
    this.closed = true;
    this.timer?.();
    this.timer = undefined;
    delete this.status.renewAt;
  }

  private accept(body: unknown, url: string): void {
    const parsed = subscriptionAnswer.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      this.status.state = 'failed';
      this.status.error = {
        code: 'invalid_answer',
        message: `subscription answer lacks a valid ${issue?.path.join('.') || 'body'}`,
        url,
      };
      return;
    }
    const now = this.options.clock.now();
    const expiresMs = Date.parse(parsed.data.expires);
    if (this.lifetimeMs === 0) this.lifetimeMs = Math.max(MIN_RENEW_DELAY_MS, expiresMs - now);
    Object.assign(this.status, { state: 'active', id: parsed.data.id, expires: parsed.data.expires });
    delete this.status.error;
    this.schedule(
      Math.max(
        MIN_RENEW_DELAY_MS,
        Math.min(expiresMs - now - this.options.renewMarginMs, (expiresMs - now) / 2),
      ),
    );
  }

  private fail(error: SyncError): void {
    this.status.error = error.toJSON();
    if (this.status.state !== 'active') {
      this.status.state = 'failed';
      return;
    }
    // Still active until it expires: try again at a tenth of the margin.
    this.schedule(Math.max(MIN_RENEW_DELAY_MS, this.options.renewMarginMs / 10));
  }

  private schedule(delayMs: number): void {
    if (this.closed) return;
    this.timer?.();
    this.status.renewAt = new Date(this.options.clock.now() + delayMs).toISOString();
    this.timer = this.options.clock.setTimer(delayMs, () => {
      void this.renew();
    });
  }
}
