// Starts the whole mock (real HTTP, controlled clock) and the reference SS 12000 API on its own port-0 server.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { decodeJwt } from 'jose';
import type { Dataset } from '../../examples/ss12000-api/dataset.js';
import { buildDemoDataset, type DemoFacts } from '../../examples/ss12000-api/demo-dataset.js';
import { createMtlsTokenClient } from '../../examples/ss12000-api/mtls-token-client.js';
import {
  createReferenceApi,
  type ReferenceApi,
  type ReferenceApiOptions,
} from '../../examples/ss12000-api/reference-api.js';
import { type ControlledClock, createControlledClock } from '../../src/clock/index.js';
import type { Settings } from '../../src/config/index.js';
import { issueDevClient } from '../../src/mock-auth/index.js';
import type { Ss12000ClientService } from '../../src/mock-ss12000-client/index.js';
import type { OpenDataCatalogue } from '../../src/open-data/index.js';
import { type RunningMock, startMock } from '../../src/server.js';
import { makeTempDir, removeTempDir } from '../support/pki.js';

/** The huvudman of the tests: Testorganisation AB in the seeded open data. */
export const ORG = '5567044268';

/** Settings that keep tests fast: no backoff wait, short real-time timeouts. */
export const FAST_SETTINGS: Partial<Settings> = {
  ss12000RetryBackoff: 0,
  ss12000RequestTimeout: 2000,
};

export interface MockHarness {
  running: RunningMock;
  clock: ControlledClock;
  stateDir: string;
  service: Ss12000ClientService;
  /** `http://127.0.0.1:<port>` of the mock. */
  mockUrl: string;
  close(): Promise<void>;
}

export async function startMockHarness(settings: Partial<Settings> = {}): Promise<MockHarness> {
  const stateDir = makeTempDir('ss12000-client-');
  const clock = createControlledClock();
  const running = await startMock({
    settings: { port: 0, httpsPort: 0, stateDir, ...FAST_SETTINGS, ...settings },
    clock,
  });
  return {
    running,
    clock,
    stateDir,
    service: running.mock.services.ss12000Client,
    mockUrl: running.localHttpUrl,
    async close() {
      await running.close();
      removeTempDir(stateDir);
    },
  };
}

/** GR school units and GR exam activities of {@link ORG} from the seeded catalogue. */
export function demoFacts(catalogue: OpenDataCatalogue): DemoFacts {
  return {
    schoolUnits: catalogue
      .schoolUnitsOf(ORG)
      .filter((u) => u.status !== 'Expired' && u.schoolTypes.some((t) => t.schoolType === 'GR'))
      .map((u) => ({ id: u.id, displayName: u.displayName, schoolUnitCode: u.schoolUnitCode })),
    examActivities: catalogue
      .examActivities({ schoolType: 'GR' })
      .filter((a) => a.schoolYear === 6 || a.schoolYear === 9)
      .map((a) => ({ id: a.id, displayName: a.displayName, schoolYear: a.schoolYear as number })),
  };
}

export function demoDataset(mock: MockHarness, persons = 60): Dataset {
  return buildDemoDataset(demoFacts(mock.running.mock.services.catalogue), {
    persons,
    at: new Date(mock.clock.now() - 86_400_000).toISOString(),
  });
}

export interface VendorHarness {
  api: ReferenceApi;
  url: string;
  /** Claims of every bearer token the API received, in order. */
  tokens: Record<string, unknown>[];
  close(): Promise<void>;
}

export async function listen(
  fetchHandler: (request: Request) => Response | Promise<Response>,
): Promise<{ server: Server; url: string }> {
  const server = createAdaptorServer({ fetch: fetchHandler }) as Server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** The reference API on its own port, verifying the mock's tokens and sending webhooks with mTLS tokens. */
export async function startVendor(
  mock: MockHarness,
  options: Partial<ReferenceApiOptions> & { dataset?: Dataset } = {},
): Promise<VendorHarness> {
  const client = await issueDevClient({ stateDir: mock.stateDir, organisation: ORG });
  const api = createReferenceApi({
    jwksUrl: `${mock.mockUrl}/.well-known/jwks.json`,
    now: () => mock.clock.now(),
    webhookTokens: createMtlsTokenClient({
      transactionUrl: `${mock.running.localHttpsUrl}/transaction`,
      credentials: { certPem: client.certPem, keyPem: client.keyPem, caPem: client.caPem },
      now: () => mock.clock.now(),
    }),
    ...options,
  });
  const tokens: Record<string, unknown>[] = [];
  const outer = new Hono();
  outer.use('*', async (c, next) => {
    const token = /^Bearer (\S+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    if (token) tokens.push(decodeJwt(token) as Record<string, unknown>);
    await next();
  });
  outer.route('/', api.app);
  const { server, url } = await listen(outer.fetch);
  api.setBaseUrl(url);
  return { api, url, tokens, close: () => closeServer(server) };
}

/** POSTs to the mock's control plane and returns status and JSON. */
export async function control(mock: MockHarness, method: string, path: string, body?: unknown) {
  const res = await fetch(`${mock.mockUrl}/_mock${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as Record<string, unknown> };
}

/** Registers `url` for {@link ORG} and waits for the first sync to finish. */
export async function registerAndSync(mock: MockHarness, url: string) {
  const answer = await control(mock, 'POST', '/admin/ss12000-apis', { organisationNumber: ORG, url });
  if (answer.status !== 201)
    throw new Error(`registration answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  const urlId = answer.body.urlId as string;
  const registered = mock.service.get(urlId);
  if (!registered) throw new Error('registration vanished');
  await registered.idle();
  return { urlId, registered, view: answer.body };
}
