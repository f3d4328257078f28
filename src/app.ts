// Composes every sub-app under Skolverket's paths, with the journal in front; owns notFound and onError.
import { Hono } from 'hono';
import type { AppEnv } from './app-env.js';
import { type Clock, createRealClock } from './clock/index.js';
import { buildMockUrls, buildSettings, localRoots, type MockUrls, type Settings } from './config/index.js';
import {
  CONTROL_TOKEN_COOKIE,
  type ControlAccess,
  controlBodyCap,
  controlGuard,
  resolveControlAccess,
} from './control-plane/index.js';
import {
  CLIENT_ABORTED,
  clientWentAway,
  componentForPath,
  createJournalApp,
  Journal,
  journalMiddleware,
} from './journal/index.js';
import {
  type AuthService,
  createAuthApp,
  createAuthControlApp,
  createAuthService,
} from './mock-auth/index.js';
import {
  createProvisioningApp,
  createProvisioningControlApp,
  ProvisioningService,
  provisioningNotFound,
} from './mock-provisioning/index.js';
import {
  createSs12000ControlApp,
  createSs12000WebhookApp,
  Ss12000ClientService,
} from './mock-ss12000-client/index.js';
import { pickRuleSettings } from './model/rule-settings-spec.js';
import {
  createOpenDataApp,
  createOpenDataControlApp,
  createSeededCatalogue,
  loadCatalogueFile,
  type OpenDataCatalogue,
  openDataNotFound,
  SwitchableCatalogue,
} from './open-data/index.js';
import { createWebApp, isUnjournaledWebPath, SIGN_IN_MOUNTS, signInOnRefusal } from './web/index.js';

export interface MockAppOptions {
  /** Settings over the defaults; see docs/configuration.md. */
  settings?: Partial<Settings>;
  /** The one clock; tests pass a controlled clock. */
  clock?: Clock;
  journal?: Journal;
  /** Where the mock is reachable; default: `settings.publicUrl`, else the local HTTP URL. */
  urls?: MockUrls;
  /** An auth service already created (the server creates it first, for its TLS material). */
  auth?: AuthService;
  /** Who may use the control plane; default: from `settings.host` and `settings.controlToken`. */
  control?: ControlAccess;
}

/** Everything the sub-apps share; the conformance runner reads the mock through this. */
export interface MockServices {
  settings: Settings;
  clock: Clock;
  journal: Journal;
  urls: MockUrls;
  auth: AuthService;
  catalogue: OpenDataCatalogue;
  /** The SS12000 client: registered vendor APIs, their mirrors and sync jobs. */
  ss12000Client: Ss12000ClientService;
  /** The Provisioning API: per-organisation store, bulk jobs, limits and faults. */
  provisioning: ProvisioningService;
  /** Open on loopback; otherwise the token the control plane, the journal and the pages require. */
  control: ControlAccess;
}

export interface MockApp {
  app: Hono<AppEnv>;
  services: MockServices;
  /** Stops background work (timers, file handles). The HTTP servers are the caller's. */
  close(): Promise<void>;
}

/** Where the open-data catalogue is loaded at run time; its body cap is the larger one. */
const OPEN_DATA_CONTROL_PATH = '/_mock/open-data';

/** The URLs a mock with these settings answers on, before any --public-url is applied. */
export function defaultUrls(settings: Settings): MockUrls {
  const locals = localRoots(settings.port, settings.httpsPort);
  return buildMockUrls(
    settings.publicUrl ?? `http://localhost:${settings.port}`,
    settings.publicUrl ? [] : locals,
  );
}

/**
 * Builds the whole mock as one Hono app.
 * @example
 * const { app } = await createMockApp({ settings: { stateDir: tmp }, clock: createControlledClock() });
 * const server = createAdaptorServer({ fetch: app.fetch });
 */
export async function createMockApp(options: MockAppOptions = {}): Promise<MockApp> {
  const settings = buildSettings(options.settings);
  const clock = options.clock ?? createRealClock();
  const ownsJournal = !options.journal;
  const journal =
    options.journal ??
    new Journal({
      capacity: settings.journalSize,
      maxBytes: settings.journalMaxBytes,
      bodyCapBytes: settings.journalBodyCap,
      ...(settings.journalFile ? { ndjsonFile: settings.journalFile } : {}),
    });
  const control =
    options.control ?? resolveControlAccess({ host: settings.host, controlToken: settings.controlToken });
  const urls = options.urls ?? defaultUrls(settings);
  const auth = options.auth ?? (await createAuthService({ settings, clock }));
  // Switchable: PUT /_mock/open-data replaces it for every component at once.
  const catalogue = new SwitchableCatalogue(
    settings.openData ? loadCatalogueFile(settings.openData) : createSeededCatalogue(),
  );
  // The model's interpretation switches apply wherever rules run: push (store) and pull (mirror).
  const ruleSettings = pickRuleSettings(settings);
  const ss12000Client = new Ss12000ClientService({
    settings,
    clock,
    journal,
    urls,
    auth,
    catalogue,
    ruleSettings,
  });
  const provisioning = new ProvisioningService({ settings, clock, urls, catalogue, ruleSettings });
  const services: MockServices = {
    settings,
    clock,
    journal,
    urls,
    auth,
    catalogue,
    ss12000Client,
    provisioning,
    control,
  };

  const app = new Hono<AppEnv>();
  app.use(
    '*',
    journalMiddleware({
      journal,
      clock,
      trustProxy: settings.trustProxy,
      skip: (path) => path.startsWith('/_mock/journal') || isUnjournaledWebPath(path),
    }),
  );
  // The control plane (and the journal, and any page served later) is guarded by one middleware;
  // its bodies are capped before any handler reads them (docs/auth.md, "The control plane").
  const guard = controlGuard(control);
  // A browser refused by the guard gets a page asking for the token (it sets the guard's cookie).
  // Mounted on the page paths only: API calls skip one layer.
  const signIn = signInOnRefusal(CONTROL_TOKEN_COOKIE);
  for (const path of SIGN_IN_MOUNTS) app.use(path, signIn);
  app.use('/_mock', guard);
  app.use('/_mock/*', guard);
  const openDataCap = controlBodyCap(settings.controlOpenDataBodyCap);
  const controlCap = controlBodyCap(settings.controlBodyCap);
  app.use('/_mock/*', (c, next) =>
    c.req.path === OPEN_DATA_CONTROL_PATH ? openDataCap(c, next) : controlCap(c, next),
  );

  // Pages first: the docs pages sit under the APIs' own paths, ahead of their auth middleware; the pages
  // outside /_mock (home, docs) take the same guard.
  const web = createWebApp({ services, guard });
  app.route('/', web.app);

  app.route('/', createAuthApp({ auth, urls, settings }));
  app.route('/provtjanst/open-data/v1', createOpenDataApp({ catalogue, clock }));
  app.route(
    '/provtjanst/provisioning/v1',
    createProvisioningApp({ service: provisioning, verifier: auth, trustProxy: settings.trustProxy }),
  );
  app.route('/_mock/provisioning', createProvisioningControlApp({ service: provisioning }));
  app.route('/provtjanst/ss12000/klient/v1', createSs12000WebhookApp({ service: ss12000Client, clock }));
  app.route('/_mock/auth', createAuthControlApp({ auth }));
  app.route(OPEN_DATA_CONTROL_PATH, createOpenDataControlApp({ catalogue }));
  app.route('/_mock', createSs12000ControlApp({ service: ss12000Client }));
  app.route('/_mock', createJournalApp({ journal }));
  app.get('/_mock/info', (c) =>
    c.json({
      name: 'provtjanst-mock',
      urls,
      clock: { kind: clock.kind, now: clock.date().toISOString() },
      insecureDevAuth: settings.insecureDevAuth,
    }),
  );

  app.notFound((c) => {
    const component = componentForPath(c.req.path);
    if (component === 'open-data') return openDataNotFound(c);
    if (component === 'provisioning') return provisioningNotFound(c, clock.now());
    return c.json({ code: 'not_found', message: `No route for ${c.req.method} ${c.req.path}` }, 404);
  });

  app.onError((error, c) => {
    // A client that went away mid-request is no bug of the mock's: the journal records it as aborted.
    if (clientWentAway(c)) return c.json({ code: 'aborted', message: CLIENT_ABORTED }, 400);
    // A 500 here is a bug in the mock, never a behaviour of Skolverket's: say so plainly.
    console.error(`[provtjanst-mock] unhandled error on ${c.req.method} ${c.req.path}:`, error);
    return c.json(
      { code: 'mock_internal_error', message: 'provtjanst-mock failed; please report this' },
      500,
    );
  });

  return {
    app,
    services,
    async close() {
      web.close();
      await ss12000Client.close();
      provisioning.close();
      await auth.close?.();
      if (ownsJournal) journal.close();
    },
  };
}
