// Measures what the journal middleware costs per request: bare Hono vs bare Hono + journal vs the mock, one run.
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { createMockApp } from '../src/app.js';
import type { AppEnv } from '../src/app-env.js';
import { createRealClock } from '../src/clock/index.js';
import { Journal, journalMiddleware } from '../src/journal/index.js';

const REQUESTS = Number(process.argv[2] ?? 20_000);
const ROUNDS = Number(process.argv[3] ?? 3);
const CONNECTIONS = 10;
const BODY = { status: 'ok', items: Array.from({ length: 20 }, (_, i) => ({ id: i, name: `item ${i}` })) };
const POST_BODY = JSON.stringify({
  data: Array.from({ length: 50 }, (_, i) => ({ id: `p${i}`, n: 'x'.repeat(40) })),
});

function bare(withJournal: boolean) {
  const app = new Hono<AppEnv>();
  if (withJournal) app.use('*', journalMiddleware({ journal: new Journal(), clock: createRealClock() }));
  app.get('/json', (c) => c.json(BODY));
  app.post('/json', async (c) => c.json({ got: ((await c.req.json()) as { data: unknown[] }).data.length }));
  return app;
}

async function listen(fetch: Parameters<typeof getRequestListener>[0]): Promise<Server> {
  const server = createServer(getRequestListener(fetch));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** Fires `total` requests over CONNECTIONS keep-alive sockets; returns requests per second. */
async function fire(port: number, method: string, path: string, body?: string): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  let sent = 0;
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const req = request(
        {
          agent,
          port,
          host: '127.0.0.1',
          method,
          path,
          headers: body
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }
            : {},
        },
        (res) => {
          res.resume();
          res.on('end', resolve);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const worker = async () => {
    while (sent < REQUESTS) {
      sent++;
      await one();
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  return REQUESTS / seconds;
}

const mock = await createMockApp({
  settings: { rateLimit: false, stateDir: `${process.env.TMPDIR ?? '/tmp'}/bench-journal-state` },
});
const servers = {
  bare: await listen(bare(false).fetch),
  'bare + journal': await listen(bare(true).fetch),
  mock: await listen(mock.app.fetch),
};
const port = (name: keyof typeof servers) => (servers[name].address() as AddressInfo).port;
const cases: Array<[keyof typeof servers, string, string, string?]> = [
  ['bare', 'GET', '/json'],
  ['bare + journal', 'GET', '/json'],
  ['bare', 'POST', '/json', POST_BODY],
  ['bare + journal', 'POST', '/json', POST_BODY],
  ['mock', 'GET', '/provtjanst/open-data/v1/alive'],
  ['mock', 'GET', '/provtjanst/open-data/v1/programmes'],
  ['mock', 'GET', '/provtjanst/provisioning/v1/persons/x'],
];
const results = new Map<string, number[]>();
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, method, path, body] of cases) {
    const rate = await fire(port(name), method, path, body);
    const key = `${name} ${method} ${path}`;
    results.set(key, [...(results.get(key) ?? []), rate]);
  }
}
console.log(
  `${REQUESTS} requests per case, ${CONNECTIONS} connections, ${ROUNDS} rounds, Node ${process.version}`,
);
for (const [key, rates] of results)
  console.log(`${key.padEnd(58)} ${rates.map((r) => `${Math.round(r)}`.padStart(6)).join(' ')} req/s`);
const median = (key: string) =>
  [...(results.get(key) ?? [0])].sort((a, b) => a - b)[Math.floor(ROUNDS / 2)] ?? 0;
console.log(
  `journal ratio GET  (bare+journal / bare): ${(median('bare + journal GET /json') / median('bare GET /json')).toFixed(2)}`,
);
console.log(
  `journal ratio POST (bare+journal / bare): ${(median('bare + journal POST /json') / median('bare POST /json')).toFixed(2)}`,
);
for (const server of Object.values(servers)) server.close();
await mock.close();
