// Test helpers for mTLS: temp state dirs, certificates from a foreign CA, an HTTPS server and a TLS client.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer, request as httpsRequestRaw } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import {
  type AuthTlsMaterial,
  type ClientCertificate,
  createCertificateAuthority,
  issueClientCertificate,
} from '../../src/mock-auth/index.js';

/** A fresh temporary directory; remove it with {@link removeTempDir}. */
export function makeTempDir(prefix = 'provtjanst-mock-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** A client certificate for `organisationNumber` from a CA the mock has never heard of. */
export async function issueForeignClientCertificate(
  organisationNumber: string,
): Promise<ClientCertificate & { caPem: string }> {
  const ca = await createCertificateAuthority('Some Other CA');
  const certificate = await issueClientCertificate(ca, { organisationNumber, name: 'Främmande Skola AB' });
  return { ...certificate, caPem: ca.certPem };
}

export interface HttpsTestServer {
  port: number;
  close(): Promise<void>;
}

type FetchHandler = Parameters<typeof getRequestListener>[0];

/** Serves `fetch` (e.g. `app.fetch`) over HTTPS the way the mock's server does: client certificates requested, not required. */
export async function startHttpsServer(fetch: FetchHandler, tls: AuthTlsMaterial): Promise<HttpsTestServer> {
  const server = createHttpsServer(
    {
      key: tls.serverKeyPem,
      cert: tls.serverCertPem,
      ca: tls.trustedCaPems,
      requestCert: true,
      rejectUnauthorized: false,
    },
    getRequestListener(fetch),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface TlsRequest {
  port: number;
  path: string;
  method?: string;
  /** An object is sent as JSON; a string or Buffer as is. */
  body?: unknown;
  /** Trust anchor for the server certificate (the dev CA). */
  ca: string;
  /** Client certificate and key to present (PEM). */
  cert?: string;
  key?: string;
  headers?: Record<string, string>;
}

export interface TlsResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

/** One HTTPS request to 127.0.0.1 (server certificate checked against `ca`, IP SAN included). */
export function tlsRequest(options: TlsRequest): Promise<TlsResponse> {
  const payload =
    options.body === undefined
      ? undefined
      : typeof options.body === 'string' || Buffer.isBuffer(options.body)
        ? options.body
        : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = httpsRequestRaw(
      {
        host: '127.0.0.1',
        port: options.port,
        path: options.path,
        method: options.method ?? (payload === undefined ? 'GET' : 'POST'),
        ca: options.ca,
        ...(options.cert ? { cert: options.cert } : {}),
        ...(options.key ? { key: options.key } : {}),
        agent: false,
        headers: {
          ...(payload !== undefined
            ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) }
            : {}),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}
