// Typed handles on the reference push client's plain-JavaScript modules (examples/push-client/*.mjs).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FakeClock, TransportRequest, TransportResponse } from './fake-provtjanst.js';

const ROOT = resolve(import.meta.dirname, '../..');

/** The .mjs files carry JSDoc, not declarations: each test states the shape it relies on here. */
async function load<T>(relativePath: string): Promise<T> {
  return import(pathToFileURL(resolve(ROOT, relativePath)).href);
}

export interface CodedError extends Error {
  code: string;
}

export interface Jwk {
  kty: string;
  kid?: string;
  crv?: string;
  x?: string;
  y?: string;
}

export interface BatchesModule {
  splitIntoBatches<T>(items: T[], limit: number): T[][];
  bodyOf(batch: unknown[]): string;
  ItemTooLargeError: new (id: string, bytes: number, limit: number) => CodedError & { itemId: string };
}

export interface VerifyJwtModule {
  verifyJwt(
    token: string,
    keys: Jwk[],
    expect: { type: string; location: string; organizationId?: string; now: number; leewaySeconds?: number },
  ): { header: { kid: string }; claims: Record<string, unknown> };
  JwtVerificationError: new (code: string, message: string) => CodedError;
}

export interface BackoffModule {
  parseResetSeconds(header: string | string[] | undefined): number | undefined;
  rateLimitDelayMs(headers: Record<string, string | undefined>, attempt: number): number;
  exponentialDelayMs(attempt: number, random?: () => number): number;
  RESET_MARGIN_MS: number;
}

export interface RatePacer {
  acquire(bucket: 'write' | 'read'): Promise<() => void>;
}

export interface RatePacerModule {
  waitBeforeNextCall(
    finishedAt: number[],
    inFlight: number,
    now: number,
    limit: number,
    windowMs: number,
  ): number;
  createRatePacer(options?: {
    clock?: FakeClock;
    limits?: { write: number; read: number };
    windowMs?: number;
    usedAt?: number;
  }): RatePacer;
  bucketOf(method: string, path: string): 'write' | 'read';
  RATE_LIMITS: { write: number; read: number };
}

export interface JobsModule {
  pollDelayMs(attempt: number): number;
  followJob(
    ctx: {
      api: { call(method: string, path: string): Promise<{ status: number; body: unknown }> };
      clock: FakeClock;
      log: (line: string) => void;
      pollDelayMs: (attempt: number) => number;
    },
    job: { resource: string; jobId: string; ids: string[]; acceptedMs?: number },
  ): Promise<{ id: string; status: string }[] | undefined>;
}

export interface ClientCertModule {
  certificateThumbprint(certPem: string): string;
  organisationIdOf(certPem: string): string | undefined;
}

export interface TokenSource {
  get(options?: { force?: boolean }): Promise<string>;
}

export interface TokenModule {
  createTokenSource(options: {
    config: { authUrl: string; provisioningUrl: string; tls: { cert: string; key: string; ca: string } };
    transport: (req: TransportRequest) => Promise<TransportResponse>;
    jwks: { keys(options?: { refresh?: boolean }): Promise<Jwk[]> };
    clock: FakeClock;
    log: (line: string) => void;
    organizationId: string | undefined;
    verifyToken: (...args: never[]) => unknown;
    shouldRefreshToken: (...args: never[]) => boolean;
  }): TokenSource;
  verifyToken: (...args: never[]) => unknown;
  shouldRefreshToken: (...args: never[]) => boolean;
}

export interface JwksModule {
  createJwksSource(options: {
    url: string;
    ca: string;
    transport: (req: TransportRequest) => Promise<TransportResponse>;
  }): { keys(options?: { refresh?: boolean }): Promise<Jwk[]> };
}

export interface TransportModule {
  send(
    req: TransportRequest & { tls?: { cert?: string; key?: string; ca?: string } },
  ): Promise<TransportResponse>;
}

/** A strategy override as a mutant passes it; the client checks the names. */
export type Overrides = Record<string, unknown>;

export interface MainModule {
  run(
    overrides?: Overrides,
    io?: {
      env?: Record<string, string | undefined>;
      clock?: FakeClock;
      log?: (line: string) => void;
      transport?: (req: TransportRequest) => Promise<TransportResponse>;
    },
  ): Promise<number>;
  DEFAULT_STRATEGIES: Record<string, unknown>;
}

export const loadBatches = () => load<BatchesModule>('examples/push-client/batches.mjs');
export const loadVerifyJwt = () => load<VerifyJwtModule>('examples/push-client/verify-jwt.mjs');
export const loadBackoff = () => load<BackoffModule>('examples/push-client/backoff.mjs');
export const loadRatePacer = () => load<RatePacerModule>('examples/push-client/rate-pacer.mjs');
export const loadJobs = () => load<JobsModule>('examples/push-client/jobs.mjs');
export const loadClientCert = () => load<ClientCertModule>('examples/push-client/client-cert.mjs');
export const loadToken = () => load<TokenModule>('examples/push-client/token.mjs');
export const loadJwks = () => load<JwksModule>('examples/push-client/jwks.mjs');
export const loadTransport = () => load<TransportModule>('examples/push-client/transport.mjs');
export const loadMain = () => load<MainModule>('examples/push-client/main.mjs');
export const loadMutant = (name: string) =>
  load<{ overrides: Overrides }>(`test/fixtures/mutants/${name}.mjs`);

export const MAIN_SCRIPT = resolve(ROOT, 'examples/push-client/main.mjs');
export const MUTANTS_DIR = resolve(ROOT, 'test/fixtures/mutants');
