// The SS12000 client's public API (`/provtjanst/ss12000/klient/v1`): the webhook receiver for each registration.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.js';
import type { Clock } from '../clock/clock.js';
import { bearerToken } from '../journal/token-fingerprint.js';
import type { RegisteredApi } from './registered-api.js';
import type { Ss12000ClientService } from './service.js';
import { parseWebhookNotification } from './webhook-notification.js';
import { describeTokenRefusal } from './webhook-token-refusal.js';

export interface WebhookAppOptions {
  service: Ss12000ClientService;
  clock: Clock;
}

/** Webhook bodies are a handful of names; anything past this is not a notification. */
const WEBHOOK_BODY_LIMIT_BYTES = 16_384;

/** Token failures that mean "no usable credentials" (401); every other failure is a refusal (403). */
const UNAUTHENTICATED = new Set(['missing', 'malformed']);

/**
 * `POST /webhooks/{urlId}`: 404 for an unknown urlId; 401/403 with `{code, message}` for a bad token; 400 for
 * a body that is not a `webhook_callback`; otherwise 200 at once, the fetch running in the background.
 */
export function createSs12000WebhookApp({ service, clock }: WebhookAppOptions) {
  type WebhookEnv = AppEnv & { Variables: { notifiedAtMs: number; registration: RegisteredApi } };
  const app = new Hono<WebhookEnv>();

  // Who is calling comes first: an unknown target or a refused token learns nothing about body limits.
  const verifyCaller = createMiddleware<WebhookEnv>(async (c, next) => {
    // T: the moment the notification arrived, before any work (dnp-facts §4.4).
    c.set('notifiedAtMs', clock.now());
    const annotations = c.get('journal');
    const api = service.get(c.req.param('urlId') ?? '');
    if (!api) {
      return c.json(
        { code: 'unknown_target', message: `No SS 12000 API is registered under ${c.req.param('urlId')}` },
        404,
      );
    }
    const token = bearerToken(c.req.header('authorization'));
    const verdict = await service.verifyWebhookToken(api, token);
    if (!verdict.ok) {
      const refusal = describeTokenRefusal(token, verdict);
      annotations.notes = { ...annotations.notes, urlId: api.urlId, tokenError: refusal.code };
      return c.json(
        { code: refusal.code, message: refusal.message },
        UNAUTHENTICATED.has(refusal.code) ? 401 : 403,
      );
    }
    annotations.organisationId = verdict.claims.organization_id;
    annotations.tokenId = verdict.tokenId;
    c.set('registration', api);
    await next();
  });

  const limitBody = bodyLimit({
    maxSize: WEBHOOK_BODY_LIMIT_BYTES,
    onError: (c) =>
      c.json(
        { code: 'too_large', message: `Body is over the limit of ${WEBHOOK_BODY_LIMIT_BYTES} bytes` },
        413,
      ),
  });

  app.post('/webhooks/:urlId', verifyCaller, limitBody, async (c) => {
    const api = c.get('registration');
    let body: unknown;
    try {
      body = await c.req.json();
    } catch (error) {
      return c.json(
        { code: 'invalid_body', message: `The body is not valid JSON: ${(error as Error).message}` },
        400,
      );
    }
    const parsed = parseWebhookNotification(body);
    if (!parsed.ok) return c.json({ code: 'invalid_body', message: parsed.message }, 400);

    const job = service.notify(api, parsed.notification, c.get('notifiedAtMs'));
    const annotations = c.get('journal');
    annotations.notes = {
      ...annotations.notes,
      urlId: api.urlId,
      jobId: job.jobId,
      spelling: parsed.notification.spelling,
    };
    return c.json({ jobId: job.jobId }, 200);
  });

  return app;
}
