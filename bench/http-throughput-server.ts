// The server under test of bench/http-throughput.ts, in its own process: the composed mock, or bare Hono serving the same JSON.
// Run by the bench: node --import tsx bench/http-throughput-server.ts mock|hono <port> [answers.json]
import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { benchPupil, startBenchMock } from './provisioning-support.js';

/** One recorded answer of the mock, replayed by the bare Hono server. */
export interface RecordedAnswer {
  path: string;
  status: number;
  /** Parsed JSON body, or null for an empty body. */
  json: unknown;
  /** The answer to the same request without an Authorization header. */
  unauthorised?: { status: number; json: unknown };
}

/** What a server prints on its first stdout line once it listens. */
export interface ServerReady {
  port: number;
  token?: string;
  personPath?: string;
  organisationPath?: string;
}

const [kind, portArg, answersFile] = process.argv.slice(2);
const port = Number(portArg ?? 0);

async function startMockServer(): Promise<ServerReady> {
  // Limits off, jobs settle at once; the journal stays on, as `provtjanst-mock serve` runs it.
  const mock = await startBenchMock({ rateLimit: false, jobDelay: 0 }, undefined, port);
  const person = benchPupil(1);
  const body = JSON.stringify({ data: [person] });
  const accepted = await fetch(`http://127.0.0.1:${mock.port}/provtjanst/provisioning/v1/persons/bulk`, {
    method: 'POST',
    headers: { authorization: `Bearer ${mock.token}`, 'content-type': 'application/json' },
    body,
  });
  if (accepted.status !== 202) throw new Error(`seeding the person: ${accepted.status}`);
  const personPath = `/provtjanst/provisioning/v1/persons/${String(person.id)}`;
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const found = await fetch(`http://127.0.0.1:${mock.port}${personPath}`, {
      headers: { authorization: `Bearer ${mock.token}` },
    });
    await found.arrayBuffer();
    if (found.status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const organisation = mock.services.catalogue.organisations[0];
  if (!organisation) throw new Error('the seeded catalogue has no organisation');
  return {
    port: mock.port,
    token: mock.token,
    personPath,
    organisationPath: `/provtjanst/open-data/v1/organisations/${organisation.id}`,
  };
}

async function startBareHono(): Promise<ServerReady> {
  if (!answersFile) throw new Error('hono needs the answers file');
  const answers = JSON.parse(readFileSync(answersFile, 'utf8')) as RecordedAnswer[];
  const app = new Hono();
  for (const answer of answers) {
    // The same JSON, serialised by Hono per request like a handler would; no middleware at all.
    app.get(answer.path, (c) => {
      const { status, json } =
        answer.unauthorised && !c.req.header('authorization') ? answer.unauthorised : answer;
      return json === null ? c.body(null, status as 200) : c.json(json as object, status as 200);
    });
  }
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) =>
      resolve({ port: info.port }),
    );
    process.on('SIGTERM', () => server.close(() => process.exit(0)));
  });
}

const ready = kind === 'mock' ? await startMockServer() : await startBareHono();
process.stdout.write(`${JSON.stringify(ready)}\n`);
process.on('SIGTERM', () => process.exit(0));
