// The Provisioning API (`/provtjanst/provisioning/v1`): every route of the 1.3.2 spec for the four resources.
import type { MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { acceptedBaseUrls } from '../config/mock-urls.js';
import { CLIENT_ABORTED, clientWentAway } from '../journal/client-abort.js';
import { RESOURCE_NAMES } from '../model/resource.js';
import { authMiddleware, type TokenVerifier } from './auth-middleware.js';
import { getJobCompleted, getJobStatus, submitBulk } from './bulk-handlers.js';
import { faultsMiddleware } from './faults-middleware.js';
import { sendLogEntry } from './log-entry-response.js';
import { payloadLimitMiddleware } from './payload-limit.js';
import type { ProvisioningEnv } from './provisioning-env.js';
import type { ProvisioningService } from './provisioning-service.js';
import { createRateLimiter } from './rate-limiter.js';
import { getObject, listObjects, lookupObjects } from './read-handlers.js';

export interface ProvisioningAppOptions {
  service: ProvisioningService;
  /** mock-auth's AuthService, or anything with its `verifyAccessToken`. */
  verifier: TokenVerifier;
  /** Key rate limits by `X-Forwarded-For` (the foundation's `trustProxy`). Default false. */
  trustProxy?: boolean;
  /** Token locations naming this API; default: `acceptedBaseUrls(service.urls, 'provisioning')`. */
  locations?: string[];
}

/**
 * Builds the API. Every route runs, in order: rate limit (every call counts) → faults (drop, 503) →
 * token (403) → payload limit (413, bodies only) → handler. Unknown paths fall through to the composing
 * app's notFound.
 * @example app.route('/provtjanst/provisioning/v1', createProvisioningApp({ service, verifier: auth }))
 */
export function createProvisioningApp(options: ProvisioningAppOptions): Hono<ProvisioningEnv> {
  const { service } = options;
  const { clock } = service;
  const app = new Hono<ProvisioningEnv>();
  const limit = createRateLimiter({
    clock,
    config: () => service.config.rateLimit,
    trustProxy: options.trustProxy ?? false,
  });
  const faults = faultsMiddleware({ faults: service.faults, clock });
  const auth = authMiddleware({
    verifier: options.verifier,
    clock,
    locations: options.locations ?? acceptedBaseUrls(service.urls, 'provisioning'),
  });
  const payload = payloadLimitMiddleware({ clock, maxBytes: () => service.config.payloadLimit });
  // Chained as route handlers (not hono/combine's every, which composes anew on every call).
  type M = MiddlewareHandler<ProvisioningEnv>;
  const write: [M, M, M, M] = [limit('write'), faults, auth, payload];
  const status: [M, M, M] = [limit('write'), faults, auth];
  const read: [M, M, M] = [limit('read'), faults, auth];
  const readBody: [M, M, M, M] = [limit('read'), faults, auth, payload];

  app.onError((error, c) => {
    // A client that went away mid-upload is no bug: nothing to log, and the journal records it as aborted.
    if (clientWentAway(c)) return c.json({ code: 'aborted', message: CLIENT_ABORTED }, 400);
    // A 500 is a bug in the mock; it still answers in Skolverket's form (default_error, 5004).
    console.error(`[provtjanst-mock] provisioning failed on ${c.req.method} ${c.req.path}:`, error);
    return sendLogEntry(c, 5004, {}, clock.now());
  });

  app.get('/alive', faults, (c) => c.body(null, 200));

  for (const resource of RESOURCE_NAMES) {
    app.post(`/${resource}/bulk`, ...write, submitBulk(service, resource, 'create'));
    app.put(`/${resource}/bulk`, ...write, submitBulk(service, resource, 'update'));
    app.post(`/${resource}/bulk/delete`, ...write, submitBulk(service, resource, 'delete'));
    app.get(`/${resource}/bulk/jobs/:id`, ...status, getJobStatus(service, resource));
    app.get(`/${resource}/bulk/jobs/:id/isCompleted`, ...status, getJobCompleted(service, resource));
    app.get(`/${resource}`, ...read, listObjects(service, resource));
    app.post(`/${resource}/lookup`, ...readBody, lookupObjects(service, resource));
    app.get(`/${resource}/:id`, ...read, getObject(service, resource));
  }
  return app;
}
