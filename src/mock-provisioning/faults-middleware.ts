// Applies the connection-level faults to an API call: the 503 window and dropped connections.
import type { Context, MiddlewareHandler } from 'hono';
import type { Clock } from '../clock/clock.js';
import type { FaultInjector } from './faults.js';
import { sendLogEntry } from './log-entry-response.js';
import type { ProvisioningEnv } from './provisioning-env.js';

export interface FaultsMiddlewareOptions {
  faults: FaultInjector;
  clock: Clock;
}

/**
 * A dropped call gets no answer at all: the socket is destroyed before the handler runs ("before"), or after
 * it took effect ("after": the job exists, the client never learns its id). Under `app.request()` there is
 * no socket and the call is answered normally.
 */
export function faultsMiddleware(options: FaultsMiddlewareOptions): MiddlewareHandler<ProvisioningEnv> {
  const dropAfter = async (c: Context<ProvisioningEnv>, next: () => Promise<void>) => {
    await next();
    c.res = dropConnection(c);
  };
  // Not async: a call with no fault goes on to the next handler without a promise of its own.
  return (c, next) => {
    const socket = c.env?.incoming?.socket;
    const drop = socket ? options.faults.takeDrop() : undefined;
    if (drop === 'before') return Promise.resolve(dropConnection(c));
    if (options.faults.isUnavailable())
      return Promise.resolve(sendLogEntry(c, 5022, {}, options.clock.now()));
    return drop === 'after' ? dropAfter(c, next) : next();
  };
}

/** Destroys the call's socket (noted in the journal); the 503 is what `app.request()` callers see. */
function dropConnection(c: Context<ProvisioningEnv>): Response {
  const annotations = c.get('journal');
  if (annotations) annotations.error = 'connection dropped (fault)';
  c.env?.incoming?.socket?.destroy();
  return c.body(null, 503);
}
