// A small, compliant vendor SS 12000 API (Skolverket's DNP subset) in Hono, with switchable behaviours.
import { Hono, type MiddlewareHandler } from 'hono';
import { DEFAULT_BEHAVIOUR, type ReferenceApiBehaviour } from './behaviour.js';
import { DATASET_KEYS, type Dataset } from './dataset.js';
import { createIngestApp } from './ingest-app.js';
import { jwtGuard } from './jwt-guard.js';
import { deletedEntitiesHandler, getHandler, listHandler } from './list-routes.js';
import type { TokenProvider } from './mtls-token-client.js';
import { Notifier } from './notifier.js';
import { ReferenceStore } from './store.js';
import { reportHandlers, subscriptionHandlers } from './write-routes.js';

export interface ReferenceApiOptions {
  /** This API's public base URL: the location Skolverket's tokens must name. Settable later with `setBaseUrl`. */
  baseUrl?: string;
  /** Skolverket's JWKS, e.g. `http://localhost:8080/.well-known/jwks.json`; required while `verifyJwt` is on. */
  jwksUrl?: string;
  /** The `organization_id` Skolverket's tokens carry (default SE2021004185). */
  organisationId?: string;
  /** Time for `meta`, subscriptions and token checks (tests pass the mock's controlled clock's `now`). */
  now?: () => number;
  /** Overrides of the compliant defaults, to build broken fixtures. */
  behaviour?: Partial<ReferenceApiBehaviour>;
  /** `ss12000-client` tokens for webhooks, e.g. {@link createMtlsTokenClient}; without, webhooks go unauthenticated. */
  webhookTokens?: TokenProvider;
  /** The location webhook tokens name; default: the subscription's target without `/webhooks/{id}`. */
  clientBaseUrl?: string;
  dataset?: Dataset;
}

/** Rewrites every `{code, message}` error answer as Skolverket's reference API spells it: `{"error": {"code": <status>, "message"}}`. */
const referenceErrorBodies: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.res.status < 400 || !(c.res.headers.get('content-type') ?? '').includes('json')) return;
  const body = (await c.res
    .clone()
    .json()
    .catch(() => undefined)) as { message?: unknown } | undefined;
  const message = typeof body?.message === 'string' ? body.message : 'error';
  c.res = new Response(JSON.stringify({ error: { code: c.res.status, message } }), {
    status: c.res.status,
    headers: { 'content-type': 'application/json' },
  });
};

export interface ReferenceApi {
  app: Hono;
  store: ReferenceStore;
  notifier: Notifier;
  behaviour: ReferenceApiBehaviour;
  setBaseUrl(url: string): void;
}

/**
 * Builds the reference API: the subset spec's routes behind Skolverket's JWT, plus `/_ingest` (no auth).
 * @example
 * const api = createReferenceApi({ jwksUrl: `${mock}/.well-known/jwks.json`, webhookTokens: createMtlsTokenClient(…) });
 * const server = createAdaptorServer({ fetch: api.app.fetch }).listen(0);
 * api.setBaseUrl(`http://localhost:${port}`);
 */
export function createReferenceApi(options: ReferenceApiOptions = {}): ReferenceApi {
  const behaviour: ReferenceApiBehaviour = { ...DEFAULT_BEHAVIOUR, ...options.behaviour };
  const now = options.now ?? Date.now;
  let baseUrl = options.baseUrl;
  if (behaviour.verifyJwt && !options.jwksUrl)
    throw new TypeError('createReferenceApi: verifyJwt needs jwksUrl');

  const store = new ReferenceStore(now);
  if (options.dataset) store.seed(options.dataset);
  const notifier = new Notifier({
    store,
    behaviour,
    ...(options.webhookTokens ? { tokens: options.webhookTokens } : {}),
    ...(options.clientBaseUrl ? { clientBaseUrl: options.clientBaseUrl } : {}),
  });

  const app = new Hono();
  if (behaviour.errorBody === 'reference') app.use('*', referenceErrorBodies);
  if (behaviour.verifyJwt) {
    const guard = jwtGuard({
      jwksUrl: options.jwksUrl as string,
      baseUrl: () => {
        if (!baseUrl) throw new TypeError('reference API: setBaseUrl() was never called');
        return baseUrl;
      },
      organisationId: options.organisationId ?? 'SE2021004185',
      locationMatch: behaviour.locationMatch,
      now,
    });
    app.use('*', (c, next) => (c.req.path.startsWith('/_ingest') ? next() : guard(c, next)));
  }
  app.route('/_ingest', createIngestApp({ store, notifier }));

  for (const key of DATASET_KEYS) {
    app.get(`/${key}`, listHandler(store, key, behaviour));
    app.get(`/${key}/:id`, getHandler(store, key));
  }
  app.get('/deletedEntities', deletedEntitiesHandler(store, behaviour));
  const subscriptions = subscriptionHandlers(store, behaviour, now);
  app.post('/subscriptions', subscriptions.create);
  app.patch('/subscriptions/:id', subscriptions.renew);
  app.delete('/subscriptions/:id', subscriptions.remove);
  const reports = reportHandlers(store);
  app.post('/log', reports.log);
  app.post('/statistics', reports.statistics);
  app.notFound((c) =>
    c.json({ code: 'not_found', message: `No route for ${c.req.method} ${c.req.path}` }, 404),
  );
  app.onError((error, c) => c.json({ code: 'internal_error', message: error.message }, 500));

  return {
    app,
    store,
    notifier,
    behaviour,
    setBaseUrl(url) {
      baseUrl = url.replace(/\/+$/, '');
    },
  };
}
