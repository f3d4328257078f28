// Test support: the whole mock over real HTTP with a controlled clock, tokens from mock-auth, and request helpers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import request from 'supertest';
import { createMockApp, type MockApp } from '../../src/app.js';
import { type ControlledClock, createControlledClock } from '../../src/clock/index.js';
import type { Settings } from '../../src/config/index.js';
import { expectMatchesSpec } from '../support/openapi-validator.js';

export const BASE = '/provtjanst/provisioning/v1';

/** Testorganisation AB and Nordljus Utbildning AB of the seeded open data. */
export const ORG_A = '5567044268';
export const ORG_B = '5569123457';

export interface Harness {
  mock: MockApp;
  clock: ControlledClock;
  server: ReturnType<typeof createAdaptorServer>;
  /** A valid provisioning-api token for the organisation (10 digits). */
  token(organisationNumber?: string): Promise<string>;
  close(): Promise<void>;
}

/** Builds the composed mock (job delay 0, rate limits off unless the test turns them on). */
export async function startHarness(settings: Partial<Settings> = {}): Promise<Harness> {
  const stateDir = mkdtempSync(join(tmpdir(), 'provtjanst-prov-'));
  const clock = createControlledClock();
  const mock = await createMockApp({
    settings: { stateDir, jobDelay: 0, rateLimit: false, ...settings },
    clock,
  });
  const server = createAdaptorServer({ fetch: mock.app.fetch });
  const tokens = new Map<string, string>();
  return {
    mock,
    clock,
    server,
    async token(organisationNumber = ORG_A) {
      let value = tokens.get(organisationNumber);
      if (!value) {
        const issued = await mock.services.auth.issueToken({
          organisationNumber,
          entityId: `https://org-${organisationNumber}.example`,
          access: [{ type: 'provisioning-api', locations: [mock.services.urls.provisioning] }],
          authSource: 'mtls',
        });
        value = issued.value;
        tokens.set(organisationNumber, value);
      }
      return value;
    },
    async close() {
      await mock.close();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

type Method = 'get' | 'post' | 'put';

/** The spec's path template for a concrete API path (`/persons/bulk/jobs/x` → `/persons/bulk/jobs/{id}`). */
export function specPath(path: string): string {
  const clean = path.split('?')[0] ?? path;
  const parts = clean.split('/');
  if (parts.length === 5 && parts[2] === 'bulk' && parts[3] === 'jobs') return `/${parts[1]}/bulk/jobs/{id}`;
  if (parts.length === 6 && parts[5] === 'isCompleted') return `/${parts[1]}/bulk/jobs/{id}/isCompleted`;
  if (parts.length === 3 && !['bulk', 'lookup'].includes(parts[2] ?? '')) return `/${parts[1]}/{id}`;
  return clean;
}

export interface CallOptions {
  token?: string | null;
  body?: unknown;
  /** Raw body text (sent with Content-Type application/json unless `contentType` says otherwise). */
  raw?: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
  /** Skip the spec check (only for answers the spec cannot describe, e.g. a dropped connection). */
  unchecked?: boolean;
}

/** Calls the API over HTTP and checks the answer against the official spec. */
export async function call(h: Harness, method: Method, path: string, options: CallOptions = {}) {
  let req = request(h.server)[method](BASE + path);
  const token = options.token === undefined ? await h.token() : options.token;
  if (token !== null) req = req.set('Authorization', `Bearer ${token}`);
  for (const [name, value] of Object.entries(options.headers ?? {})) req = req.set(name, value);
  if (options.raw !== undefined) {
    req = req.set('Content-Type', options.contentType ?? 'application/json').send(options.raw);
  } else if (options.body !== undefined) {
    req = req
      .set('Content-Type', options.contentType ?? 'application/json')
      .send(JSON.stringify(options.body));
  }
  const res = await req;
  if (!options.unchecked) expectMatchesSpec('provisioning', method.toUpperCase(), specPath(path), res);
  return res;
}

/** Lets 0-delay job timers (next macrotask) fire, and advances the clock by `ms` first. */
export async function settle(h: Harness, ms = 0): Promise<void> {
  if (ms > 0) h.clock.advance(ms);
  await h.mock.services.provisioning.jobs.idle();
}

/** Submits a bulk call, waits for the job and returns its AsynchronousResponse (spec-checked). */
export async function pushAndWait(
  h: Harness,
  method: 'post' | 'put',
  path: string,
  body: unknown,
  token?: string,
): Promise<{
  jobId: string;
  responses: Array<{ id: string; response: Record<string, unknown>; meta: unknown }>;
}> {
  const submitted = await call(h, method, path, { body, ...(token ? { token } : {}) });
  if (submitted.status !== 202)
    throw new Error(`expected 202, got ${submitted.status}: ${JSON.stringify(submitted.body)}`);
  await settle(h);
  const resource = path.split('/')[1];
  const status = await call(
    h,
    'get',
    `/${resource}/bulk/jobs/${submitted.body.jobId}`,
    token ? { token } : {},
  );
  return status.body;
}

/**
 * Waits for a job the way a client does: polls `isCompleted` (spec-checked), moving the clock on by
 * `stepMs` after each `false`, then returns the job status.
 */
export async function awaitJob(h: Harness, resource: string, jobId: string, stepMs = 500, token?: string) {
  const auth = token ? { token } : {};
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const done = await call(h, 'get', `/${resource}/bulk/jobs/${jobId}/isCompleted`, auth);
    if (done.status !== 200) throw new Error(`isCompleted answered ${done.status}`);
    if (done.body === true) return (await call(h, 'get', `/${resource}/bulk/jobs/${jobId}`, auth)).body;
    h.clock.advance(stepMs);
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`job ${jobId} never completed`);
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/**
 * Sends a request with plain `node:http`, for what supertest cannot shape: a chunked body (no
 * Content-Length), sent in the given chunks. The answer is spec-checked like {@link call}'s.
 */
export async function rawCall(
  h: Harness,
  method: 'POST' | 'PUT',
  path: string,
  chunks: Array<string | Buffer>,
  headers: Record<string, string> = {},
): Promise<RawAnswer> {
  const { request: httpRequest } = await import('node:http');
  if (!h.server.listening)
    await new Promise<void>((resolve) => h.server.listen(0, '127.0.0.1', () => resolve()));
  const address = h.server.address();
  if (!address || typeof address === 'string') throw new TypeError('server is not listening on TCP');
  const token = await h.token();
  const answer = await new Promise<RawAnswer>((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: address.port,
        method,
        path: BASE + path,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('end', () => {
          const text = Buffer.concat(parts).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: text ? JSON.parse(text) : undefined,
          });
        });
      },
    );
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
  expectMatchesSpec('provisioning', method, specPath(path), answer);
  return answer;
}
