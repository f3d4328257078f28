// Per-client-IP call quotas in fixed windows on the clock: pure window arithmetic plus the Hono middleware.
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import type { Clock } from '../clock/clock.js';
import { clientIp } from '../journal/client-ip.js';
import { sendLogEntry } from './log-entry-response.js';
import type { ProvisioningEnv } from './provisioning-env.js';

/** Skolverket's two quotas: writes and job-status share one; lists, get-by-id and lookups have the other. */
export type RateBucket = 'write' | 'read';

export interface RateLimitConfig {
  enabled: boolean;
  /** Calls per window, per bucket. */
  limits: Record<RateBucket, number>;
  windowMs: number;
  /** X-RateLimit-Reset in decimal seconds (`0.5`) rather than whole seconds rounded up. */
  fractionalReset?: boolean;
}

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /**
   * Seconds until the window ends: rounded up to an integer (the spec's header schema is `integer`), or,
   * with `fractional`, to the millisecond (its description says `0.5` is possible).
   */
  resetSeconds: number;
}

/** Counters of the current window only: a new window forgets every count at once. */
export interface RateWindowState {
  window: number;
  counts: Map<string, number>;
}

export function createRateWindowState(): RateWindowState {
  return { window: Number.NaN, counts: new Map() };
}

/**
 * Counts one call of `key` at `nowMs` and says whether it is within `limit`. Windows are aligned on the
 * clock (`floor(now / windowMs)`), so every client's quota resets at the same instants.
 * A refused call counts too: hammering a full window never frees it early.
 */
export function takeCall(
  state: RateWindowState,
  key: string,
  nowMs: number,
  limit: number,
  windowMs: number,
  fractional = false,
): RateDecision {
  const window = Math.floor(nowMs / windowMs);
  if (window !== state.window) {
    state.window = window;
    state.counts.clear();
  }
  const used = (state.counts.get(key) ?? 0) + 1;
  state.counts.set(key, used);
  const resetMs = (window + 1) * windowMs - nowMs;
  return {
    allowed: used <= limit,
    limit,
    remaining: Math.max(0, limit - used),
    resetSeconds: fractional
      ? Math.max(1, Math.ceil(resetMs)) / 1000
      : Math.max(1, Math.ceil(resetMs / 1000)),
  };
}

export interface RateLimiterOptions {
  clock: Clock;
  /** Read per call, so the control plane can change limits at runtime. */
  config: () => RateLimitConfig;
  /** Key by the first `X-Forwarded-For` hop instead of the socket address. */
  trustProxy: boolean;
}

/**
 * One shared window state; `limit(bucket)` is the middleware for the routes drawing on that quota.
 * It runs first on every route, before the token and payload checks: every call counts, as at a gateway.
 * It adds `X-RateLimit-Limit/Remaining/Reset` to every answer and answers `429 [5021]` over the quota.
 */
export function createRateLimiter(options: RateLimiterOptions) {
  const state = createRateWindowState();
  return function limit(bucket: RateBucket): MiddlewareHandler<ProvisioningEnv> {
    return (c, next) => {
      const config = options.config();
      if (!config.enabled) return next();
      const now = options.clock.now();
      // clientIp reads only the request and the Node bindings, which both environments share.
      const ip = clientIp(c as unknown as Context<AppEnv>, options.trustProxy);
      const decision = takeCall(
        state,
        `${bucket}|${ip}`,
        now,
        config.limits[bucket],
        config.windowMs,
        config.fractionalReset === true,
      );
      // Set on the context before the answer exists: every answer made through it (c.json, c.body) carries
      // them, and the answer stays the adapter's light one (reading c.res.headers after would rebuild it).
      c.header('X-RateLimit-Limit', String(decision.limit));
      c.header('X-RateLimit-Remaining', String(decision.remaining));
      c.header('X-RateLimit-Reset', String(decision.resetSeconds));
      if (!decision.allowed) return Promise.resolve(sendLogEntry(c, 5021, {}, now));
      return next();
    };
  };
}
