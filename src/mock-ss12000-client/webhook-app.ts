// The SS12000 client's public API (`/provtjanst/ss12000/klient/v1`): the webhook receiver for each registration.
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import type { Clock } from '../clock/clock.js';
import { bearerToken } from '../journal/token-fingerprint.js';
import { readJsonBody } from './read-json-body.js';
import type { Ss12000ClientService } from './service.js';
import { parseWebhookNotification } from './webhook-notification.js';

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
  const app = new Hono<AppEnv>();

  app.post('/webhooks/:urlId', async (c) => {
    // T: the moment the notification arrived, before any work (dnp-facts §4.4).
    const notifiedAtMs = clock.now();
    const annotations = c.get('journal');
    const api = service.get(c.req.param('urlId'));
    if (!api) {
      return c.json(
        { code: 'unknown_target', message: `No SS 12000 API is registered under ${c.req.param('urlId')}` },
        404,
      );
    }
    const token = bearerToken(c.req.header('authorization'));
    const verdict = await service.verifyWebhookToken(api, token);
    if (!verdict.ok) {
      annotations.notes = { ...annotations.notes, urlId: api.urlId, tokenError: verdict.code };
      return c.json(
        { code: verdict.code, message: verdict.message },
        UNAUTHENTICATED.has(verdict.code) ? 401 : 403,
      );
    }
    annotations.organisationId = verdict.claims.organization_id;
    annotations.tokenId = verdict.tokenId;

    const body = await readJsonBody(c.req.raw, WEBHOOK_BODY_LIMIT_BYTES);
    if (!body.ok)
      return c.json(
        { code: body.status === 413 ? 'too_large' : 'invalid_body', message: body.message },
        body.status,
      );
    const parsed = parseWebhookNotification(body.value);
    if (!parsed.ok) return c.json({ code: 'invalid_body', message: parsed.message }, 400);

    const job = service.notify(api, parsed.notification, notifiedAtMs);
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
