// Benchmark support for the Provisioning API: the composed mock on a real socket, tokens, and valid persons.
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import { createMockApp } from '../src/app.js';
import type { Clock } from '../src/clock/index.js';
import type { Settings } from '../src/config/index.js';
import { makeCivicNumber } from '../src/model/index.js';

export const ORG = '5567044268';
const GR_UNIT = 'fb22448b-b724-5e53-8a2c-d8b339206901';

/** The n-th valid pupil, about 500 bytes of JSON (unique id, civic number and EPPN for n below 2,688,000). */
export function benchPupil(n: number): Record<string, unknown> {
  const hex = n.toString(16).padStart(12, '0');
  const day = 1 + (n % 28);
  const month = 1 + (Math.floor(n / 28) % 12);
  const year = 2008 + (Math.floor(n / 336) % 8);
  const serial = Math.floor(n / 2688) % 1000;
  const birth = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return {
    id: `b0000000-0000-4000-8000-${hex}`,
    givenName: 'Pippilotta Viktualia',
    middleName: 'Efraimsdotter',
    familyName: 'Långstrump',
    eduPersonPrincipalNames: [`e0000000-0000-4000-8000-${hex}@edu.huvudman.se`],
    civicNo: { value: makeCivicNumber(birth, serial, 'personnummer'), nationality: 'SE' },
    emails: [{ value: `pippilotta.langstrump.${n}@elev.soderhavetsgymnasium.se`, type: 'Skola elev' }],
    enrolments: [{ enroledAt: { id: GR_UNIT }, schoolType: 'GR', schoolYear: 6, cancelled: false }],
  };
}

export interface BenchMock {
  port: number;
  token: string;
  services: Awaited<ReturnType<typeof createMockApp>>['services'];
  close(): Promise<void>;
}

/** Starts the composed mock on 127.0.0.1 (port 0: any free port) with the given settings and clock. */
export async function startBenchMock(
  settings: Partial<Settings>,
  clock?: Clock,
  listenPort = 0,
): Promise<BenchMock> {
  const stateDir = mkdtempSync(join(tmpdir(), 'provtjanst-bench-'));
  const mock = await createMockApp({ settings: { stateDir, ...settings }, ...(clock ? { clock } : {}) });
  const server = createAdaptorServer({ fetch: mock.app.fetch });
  await new Promise<void>((resolve) => server.listen(listenPort, '127.0.0.1', () => resolve()));
  const address = server.address();
  if (!address || typeof address === 'string') throw new TypeError('not listening on TCP');
  const { value } = await mock.services.auth.issueToken({
    organisationNumber: ORG,
    entityId: 'https://bench.example',
    access: [{ type: 'provisioning-api', locations: [mock.services.urls.provisioning] }],
    authSource: 'mtls',
  });
  return {
    port: address.port,
    token: value,
    services: mock.services,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await mock.close();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

/** One request over a keep-alive socket; resolves with status, body text and elapsed milliseconds. */
export function send(
  mock: BenchMock,
  method: string,
  path: string,
  body?: string,
): Promise<{ status: number; text: string; ms: number }> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: mock.port,
        method,
        path: `/provtjanst/provisioning/v1${path}`,
        agent,
        headers: {
          authorization: `Bearer ${mock.token}`,
          ...(body !== undefined
            ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }
            : {}),
        },
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            text: Buffer.concat(parts).toString('utf8'),
            ms: Number(process.hrtime.bigint() - started) / 1e6,
          }),
        );
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.end(body);
    else req.end();
  });
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export function machine(): string {
  return `${process.version}, ${process.platform}/${process.arch}`;
}
