// Refuses request bodies above the payload limit with 413 [5020], counting bytes while the body streams in.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Clock } from '../clock/clock.js';
import { sendLogEntry } from './log-entry-response.js';
import type { ProvisioningEnv } from './provisioning-env.js';

export interface PayloadLimitOptions {
  clock: Clock;
  /** Largest body in bytes; 0 or less switches the limit off. Read per request, so the control plane can change it. */
  maxBytes: () => number;
}

/**
 * hono's `bodyLimit` trusts a Content-Length it is given (Node's parser never hands over more than that many
 * bytes) and otherwise counts a chunked body as it arrives, stopping at the first byte too many. Either way
 * nothing past the limit is parsed, so an oversized call stores nothing.
 */
export function payloadLimitMiddleware(options: PayloadLimitOptions): MiddlewareHandler<ProvisioningEnv> {
  const limiters = new Map<number, MiddlewareHandler<ProvisioningEnv>>();
  const limiterFor = (maxSize: number) => {
    let limiter = limiters.get(maxSize);
    if (!limiter) {
      limiter = bodyLimit({
        maxSize,
        onError: (c) => sendLogEntry(c, 5020, {}, options.clock.now()),
      }) as MiddlewareHandler<ProvisioningEnv>;
      limiters.set(maxSize, limiter);
    }
    return limiter;
  };
  return async (c, next) => {
    const maxBytes = options.maxBytes();
    if (maxBytes <= 0) return next();
    return limiterFor(maxBytes)(c, next);
  };
}
