// Builds the auth capability for tests: a temp state dir, a controlled clock, the composed app, an HTTPS server.
import { Hono } from 'hono';
import type { AppEnv } from '../../src/app-env.js';
import { type ControlledClock, createControlledClock } from '../../src/clock/index.js';
import { buildMockUrls, buildSettings, localRoots, type Settings } from '../../src/config/index.js';
import { Journal, journalMiddleware } from '../../src/journal/index.js';
import {
  type AuthService,
  createAuthApp,
  createAuthControlApp,
  createAuthService,
  type DevClient,
  type DevClientOptions,
  issueDevClient,
} from '../../src/mock-auth/index.js';
import {
  type HttpsTestServer,
  makeTempDir,
  removeTempDir,
  startHttpsServer,
  type TlsResponse,
  tlsRequest,
} from '../support/pki.js';

export interface AuthHarness {
  stateDir: string;
  settings: Settings;
  clock: ControlledClock;
  journal: Journal;
  auth: AuthService;
  app: Hono<AppEnv>;
  server: HttpsTestServer;
  /** The provisioning API URL a token location should name. */
  provisioningUrl: string;
  /** POST /transaction over HTTPS, presenting `client`'s certificate when given. */
  transaction(
    body: unknown,
    client?: { certPem: string; keyPem: string },
    headers?: Record<string, string>,
  ): Promise<TlsResponse>;
  get(path: string, method?: string): Promise<TlsResponse>;
  issueClient(
    organisation: string,
    options?: Omit<DevClientOptions, 'stateDir' | 'organisation'>,
  ): Promise<DevClient>;
  close(): Promise<void>;
}

/** The request body of dnp-facts §1 for one access type and location. */
export function transactionBody(
  key: unknown,
  type = 'provisioning-api',
  locations: unknown = ['https://localhost:8443/provtjanst/provisioning/v1'],
) {
  return { access_token: [{ access: [{ type, locations }], flags: ['bearer'] }], client: { key } };
}

export async function createAuthHarness(overrides: Partial<Settings> = {}): Promise<AuthHarness> {
  const stateDir = overrides.stateDir ?? makeTempDir();
  const settings = buildSettings({ keyGracePeriod: 3600, ...overrides, stateDir });
  const clock = createControlledClock();
  const journal = new Journal();
  let auth: AuthService;
  try {
    auth = await createAuthService({ settings, clock });
  } catch (error) {
    if (!overrides.stateDir) removeTempDir(stateDir);
    throw error;
  }
  const urls = buildMockUrls(
    `http://localhost:${settings.port}`,
    localRoots(settings.port, settings.httpsPort),
  );
  const app = new Hono<AppEnv>();
  app.use('*', journalMiddleware({ journal, clock }));
  app.route('/', createAuthApp({ auth, urls, settings }));
  app.route('/_mock/auth', createAuthControlApp({ auth }));
  const server = await startHttpsServer(app.fetch, auth.tls);
  const ca = auth.tls.caCertPem;
  return {
    stateDir,
    settings,
    clock,
    journal,
    auth,
    app,
    server,
    provisioningUrl: 'https://localhost:8443/provtjanst/provisioning/v1',
    transaction: (body, client, headers) =>
      tlsRequest({
        port: server.port,
        path: '/transaction',
        body,
        ca,
        ...(client ? { cert: client.certPem, key: client.keyPem } : {}),
        ...(headers ? { headers } : {}),
      }),
    get: (path, method) => tlsRequest({ port: server.port, path, ca, ...(method ? { method } : {}) }),
    issueClient: (organisation, options = {}) => issueDevClient({ stateDir, organisation, ...options }),
    async close() {
      await server.close();
      await auth.close();
      if (!overrides.stateDir) removeTempDir(stateDir);
    },
  };
}
