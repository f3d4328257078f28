// Benchmark: HTTP throughput and p99 of the composed mock against bare Hono serving the same JSON (and Prism when installed), as ratios.
// Run: npx tsx bench/http-throughput.ts [--duration 8] [--rounds 3] [--connections 10] [--warmup 2] [--only <label part>]
//   [--prism <command>] [--profile <dir>: the mock alone, under node --cpu-prof]
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import autocannon, { type AutocannonResult } from 'autocannon';
import type { RecordedAnswer, ServerReady } from './http-throughput-server.js';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    prism: { type: 'string' },
    profile: { type: 'string' },
    only: { type: 'string' },
    warmup: { type: 'string', default: '2' },
  },
});
const DURATION = Number(args.duration);
const ROUNDS = Number(args.rounds);
const CONNECTIONS = Number(args.connections);
const WARMUP = Number(args.warmup);

interface Target {
  name: 'mock' | 'hono' | 'prism';
  base: string;
  process: ChildProcess;
}

interface Endpoint {
  label: string;
  path: (target: Target) => string;
  headers: (target: Target) => Record<string, string>;
  status: number;
  targets: Target['name'][];
}

const serverScript = new URL('./http-throughput-server.ts', import.meta.url).pathname;
const specFile = new URL('../spec/provisioning-api-1.3.2.yaml', import.meta.url).pathname;

/** Starts the server script in its own process (tsx's loader, no watch) and waits for its ready line. */
function startServer(kind: 'mock' | 'hono', extra: string[] = [], nodeFlags: string[] = []) {
  const child = spawn(
    process.execPath,
    [...nodeFlags, '--import', 'tsx', serverScript, kind, '0', ...extra],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise<{ ready: ServerReady; child: ChildProcess }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${kind} server exited (${code}) before it was ready`)));
    createInterface({ input: child.stdout! }).once('line', (line) =>
      resolve({ ready: JSON.parse(line) as ServerReady, child }),
    );
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Prism's command: --prism, else $PRISM, else `prism` on PATH or in node_modules/.bin; undefined when absent. */
function findPrism(): string | undefined {
  const named = args.prism ?? process.env.PRISM;
  if (named) return named;
  const local = new URL('../node_modules/.bin/prism', import.meta.url).pathname;
  if (existsSync(local)) return local;
  try {
    return execFileSync('sh', ['-c', 'command -v prism'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

async function startPrism(command: string): Promise<Target> {
  const port = await freePort();
  const child = spawn(command, ['mock', '--host', '127.0.0.1', '--port', String(port), specFile], {
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`prism exited (${child.exitCode})`);
    try {
      await (await fetch(`${base}/persons`)).arrayBuffer();
      return { name: 'prism', base, process: child };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await stop(child);
  throw new Error('prism did not answer within 60 s');
}

/** The mock's answers to the measured requests, for bare Hono to serve the same JSON. */
async function recordAnswers(base: string, ready: ServerReady): Promise<RecordedAnswer[]> {
  const get = async (path: string, token?: string) => {
    const res = await fetch(`${base}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
    const text = await res.text();
    return { status: res.status, json: text ? (JSON.parse(text) as unknown) : null };
  };
  const person = await get(ready.personPath!, ready.token);
  if (person.status !== 200) throw new Error(`the mock answers the person with ${person.status}`);
  const refused = await get(ready.personPath!);
  if (refused.status !== 403) throw new Error(`the mock answers without a token with ${refused.status}`);
  const alive = await get('/provtjanst/open-data/v1/alive');
  const organisation = await get(ready.organisationPath!);
  return [
    { path: ready.personPath!, ...person, unauthorised: refused },
    { path: '/provtjanst/open-data/v1/alive', ...alive },
    { path: ready.organisationPath!, ...organisation },
  ];
}

interface Sample {
  round: number;
  rps: number;
  p99: number;
  statuses: string;
}

async function load(
  url: string,
  headers: Record<string, string>,
  expected: number,
  duration = DURATION,
): Promise<Sample> {
  const result: AutocannonResult = await autocannon({ url, headers, connections: CONNECTIONS, duration });
  const statuses = Object.entries(result.statusCodeStats)
    .map(([code, { count }]) => `${code}×${count}`)
    .join(' ');
  const unexpected = Object.keys(result.statusCodeStats).filter((code) => Number(code) !== expected);
  if (unexpected.length || result.errors || result.timeouts) {
    throw new Error(`${url}: expected only ${expected}, got ${statuses}, ${result.errors} errors`);
  }
  return { round: 0, rps: result.requests.average, p99: result.latency.p99, statuses };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

const stateDir = mkdtempSync(join(tmpdir(), 'provtjanst-throughput-'));
const targets: Target[] = [];
try {
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}; node ${process.version}; ` +
      `load average ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}`,
  );
  console.log(`autocannon: ${CONNECTIONS} connections, ${DURATION} s per run, ${ROUNDS} alternating rounds`);
  const profileFlags = args.profile ? ['--cpu-prof', `--cpu-prof-dir=${args.profile}`] : [];
  const mock = await startServer('mock', [], profileFlags);
  const mockTarget: Target = {
    name: 'mock',
    base: `http://127.0.0.1:${mock.ready.port}`,
    process: mock.child,
  };
  targets.push(mockTarget);
  const answers = await recordAnswers(mockTarget.base, mock.ready);
  const answersFile = join(stateDir, 'answers.json');
  writeFileSync(answersFile, JSON.stringify(answers));
  const hono = await startServer('hono', [answersFile]);
  targets.push({ name: 'hono', base: `http://127.0.0.1:${hono.ready.port}`, process: hono.child });

  const prismCommand = findPrism();
  if (prismCommand) {
    targets.push(await startPrism(prismCommand));
    console.log(`prism: ${prismCommand}`);
  } else {
    console.log('prism: not installed (npm install -g @stoplight/prism-cli, or --prism <command>); skipped');
  }

  const token = mock.ready.token!;
  const personId = mock.ready.personPath!.split('/').at(-1)!;
  const allEndpoints: Endpoint[] = [
    {
      label: 'GET /persons/{id}, valid token',
      path: (t) => (t.name === 'prism' ? `/persons/${personId}` : mock.ready.personPath!),
      headers: () => ({ authorization: `Bearer ${token}` }),
      status: 200,
      targets: ['mock', 'hono', 'prism'],
    },
    {
      label: 'GET /open-data/v1/alive',
      path: () => '/provtjanst/open-data/v1/alive',
      headers: () => ({}),
      status: 200,
      targets: ['mock', 'hono'],
    },
    {
      label: 'GET /open-data/v1/organisations/{id}',
      path: () => mock.ready.organisationPath!,
      headers: () => ({}),
      status: 200,
      targets: ['mock', 'hono'],
    },
    {
      label: 'GET /persons/{id}, no token (403)',
      path: () => mock.ready.personPath!,
      headers: () => ({}),
      status: 403,
      targets: ['mock', 'hono'],
    },
  ];
  const endpoints = allEndpoints.filter((endpoint) => !args.only || endpoint.label.includes(args.only));

  // Warm-up (not recorded): every server JIT-compiles its paths before the first measured round.
  for (const endpoint of endpoints) {
    for (const target of targets.filter((t) => endpoint.targets.includes(t.name))) {
      await load(`${target.base}${endpoint.path(target)}`, endpoint.headers(target), endpoint.status, WARMUP);
    }
  }
  const samples = new Map<string, Sample[]>();
  for (let round = 1; round <= ROUNDS; round += 1) {
    for (const endpoint of endpoints) {
      // Profiling records the mock's process only: measuring the others would add its idle time.
      const order = targets.filter(
        (t) => endpoint.targets.includes(t.name) && (!args.profile || t.name === 'mock'),
      );
      // Alternate who goes first, so neither side always meets a warmer (or busier) machine.
      if (round % 2 === 0) order.reverse();
      for (const target of order) {
        const sample = await load(
          `${target.base}${endpoint.path(target)}`,
          endpoint.headers(target),
          endpoint.status,
        );
        sample.round = round;
        const key = `${endpoint.label}|${target.name}`;
        samples.set(key, [...(samples.get(key) ?? []), sample]);
        console.log(
          `round ${round} ${endpoint.label} ${target.name}: ${sample.rps.toFixed(0)} req/s, p99 ${sample.p99} ms`,
        );
      }
    }
  }

  // Each round's ratio pairs runs made back to back, so a busy moment hits both sides of it.
  console.log(
    '\n| endpoint | server | req/s per round | median req/s | p99 per round (ms) | vs bare Hono per round | median ratio |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const endpoint of endpoints) {
    const hono = samples.get(`${endpoint.label}|hono`) ?? [];
    for (const target of targets) {
      const runs = samples.get(`${endpoint.label}|${target.name}`);
      if (!runs) continue;
      const ratios = runs.map((run, i) => run.rps / (hono[i]?.rps ?? Number.NaN));
      const percent = (ratio: number) => `${(ratio * 100).toFixed(1)} %`;
      console.log(
        `| ${endpoint.label} | ${target.name} | ${runs.map((s) => s.rps.toFixed(0)).join(', ')} | ` +
          `${median(runs.map((s) => s.rps)).toFixed(0)} | ${runs.map((s) => s.p99).join(', ')} | ` +
          `${target.name === 'hono' ? '' : ratios.map(percent).join(', ')} | ` +
          `${target.name === 'hono' ? '100 %' : percent(median(ratios))} |`,
      );
    }
  }
  console.log(
    `load average after: ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );
} finally {
  await Promise.all(targets.map((target) => stop(target.process)));
  rmSync(stateDir, { recursive: true, force: true });
}
