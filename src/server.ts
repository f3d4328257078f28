// Listens on the HTTP port and on the HTTPS port (client certificates requested for mTLS), serving the one app.
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { createMockApp, type MockApp } from './app.js';
import { type Clock, createRealClock } from './clock/index.js';
import { buildMockUrls, buildSettings, localRoots, type MockUrls, type Settings } from './config/index.js';
import type { Journal } from './journal/index.js';
import { createAuthService } from './mock-auth/index.js';

export interface StartMockOptions {
  settings?: Partial<Settings>;
  clock?: Clock;
  journal?: Journal;
}

export interface RunningMock {
  mock: MockApp;
  urls: MockUrls;
  httpPort: number;
  httpsPort: number;
  /** Local URLs actually listened on (useful when ports were 0). */
  localHttpUrl: string;
  localHttpsUrl: string;
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Host part usable in a URL (IPv6 in brackets); 0.0.0.0 and :: become localhost. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * Starts the mock: one HTTP and one HTTPS listener serving every component. Ports 0 pick free ports,
 * and the URLs (tokens' locations, Location headers) follow the ports actually bound.
 */
export async function startMock(options: StartMockOptions = {}): Promise<RunningMock> {
  const settings = buildSettings(options.settings);
  const clock = options.clock ?? createRealClock();
  // The issuer is the public root, known only once the ports are bound (port 0 picks one).
  let issuerRoot = settings.publicUrl ?? `http://localhost:${settings.port}`;
  const auth = await createAuthService({ settings, clock, issuer: () => issuerRoot });

  let mock: MockApp | undefined;
  const listener = getRequestListener((request, env) => {
    if (!mock) return new Response('provtjanst-mock is starting', { status: 503 });
    return mock.app.fetch(request, env);
  });
  const httpServer = createHttpServer(listener);
  const httpsServer = createHttpsServer(
    {
      key: auth.tls.serverKeyPem,
      cert: auth.tls.serverCertPem,
      ca: auth.tls.trustedCaPems,
      requestCert: true,
      // The handler, not the TLS layer, judges the certificate: /transaction must answer with a reason.
      rejectUnauthorized: false,
    },
    listener,
  );

  const httpPort = await listen(httpServer, settings.port, settings.host);
  let httpsPort: number;
  try {
    httpsPort = await listen(httpsServer, settings.httpsPort, settings.host);
  } catch (error) {
    await closeServer(httpServer);
    throw error;
  }
  const host = urlHost(settings.host);
  const localHttpUrl = `http://${host}:${httpPort}`;
  const localHttpsUrl = `https://${host}:${httpsPort}`;
  const locals = [localHttpUrl, localHttpsUrl, ...localRoots(httpPort, httpsPort)];
  const urls = settings.publicUrl
    ? buildMockUrls(settings.publicUrl)
    : buildMockUrls(`http://localhost:${httpPort}`, [...new Set(locals)]);

  issuerRoot = urls.root;
  mock = await createMockApp({
    settings: { ...settings, port: httpPort, httpsPort },
    clock,
    urls,
    auth,
    ...(options.journal ? { journal: options.journal } : {}),
  });

  const running = mock;
  return {
    mock: running,
    urls,
    httpPort,
    httpsPort,
    localHttpUrl,
    localHttpsUrl,
    async close() {
      await Promise.all([closeServer(httpServer), closeServer(httpsServer as unknown as Server)]);
      await running.close();
    },
  };
}
