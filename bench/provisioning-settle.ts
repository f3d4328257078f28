// Benchmark: job-engine throughput (persons settled per second) and memory for 100,000 stored persons.
// Run: node --expose-gc --import tsx bench/provisioning-settle.ts [persons=100000]
//  (or npx tsx bench/provisioning-settle.ts; RSS is then measured without a forced GC)
import { cpus } from 'node:os';
import { createControlledClock } from '../src/clock/index.js';
import { benchPupil, machine, ORG, percentile, send, startBenchMock } from './provisioning-support.js';

const PERSONS = Number(process.argv[2] ?? 100_000);
const PER_CALL = 400;
const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}; node ${machine()}`);
const clock = createControlledClock();
// Limits off; jobs parked on the controlled clock until every call is in, so settling is timed alone.
const mock = await startBenchMock(
  { rateLimit: false, payloadLimit: 0, jobDelay: 1000, journalSize: 100 },
  clock,
);
const provisioning = mock.services.provisioning;

gc?.();
const baseline = process.memoryUsage();
const submitStarted = performance.now();
for (let first = 0; first < PERSONS; first += PER_CALL) {
  const data = Array.from({ length: Math.min(PER_CALL, PERSONS - first) }, (_, n) => benchPupil(first + n));
  const res = await send(mock, 'POST', '/persons/bulk', JSON.stringify({ data }));
  if (res.status !== 202) throw new Error(`expected 202, got ${res.status}: ${res.text.slice(0, 300)}`);
}
const submitMs = performance.now() - submitStarted;
console.log(`submitted ${PERSONS} persons in ${PERSONS / PER_CALL} calls: ${(submitMs / 1000).toFixed(2)} s`);

const settleStarted = performance.now();
clock.advance(1000);
await provisioning.jobs.idle();
const settleMs = performance.now() - settleStarted;
const stored = provisioning.data.count(`SE${ORG}`, 'persons');
const counts = provisioning.jobs.list(`SE${ORG}`).reduce((sum, job) => sum + job.counts.Success, 0);
console.log(
  `settled ${stored} persons (${counts} Success) in ${(settleMs / 1000).toFixed(2)} s: ` +
    `${Math.round(stored / (settleMs / 1000))} persons/s`,
);

/** A full GC, a second for V8's memory reducer to hand freed pages back, and another GC. */
async function quiesce() {
  gc?.();
  await new Promise((resolve) => setTimeout(resolve, 2000));
  gc?.();
}

await quiesce();
const withJobs = process.memoryUsage();
console.log(
  `memory with ${stored} persons and their ${PERSONS / PER_CALL} jobs retained${gc ? ' (after GC)' : ''}: ` +
    `RSS ${mb(withJobs.rss)}, heap used ${mb(withJobs.heapUsed)} (baseline RSS ${mb(baseline.rss)}, heap ${mb(baseline.heapUsed)})`,
);
provisioning.engine.reset();
await quiesce();
const storeOnly = process.memoryUsage();
console.log(`memory with the jobs dropped: RSS ${mb(storeOnly.rss)}, heap used ${mb(storeOnly.heapUsed)}`);

const pageTimes: number[] = [];
let pageToken: string | null = null;
for (let i = 0; i < 50; i += 1) {
  const query: string = pageToken ? `&pageToken=${pageToken}` : '';
  const page = await send(mock, 'GET', `/persons?limit=100${query}`);
  pageToken = (JSON.parse(page.text) as { pageToken: string | null }).pageToken;
  pageTimes.push(page.ms);
}
pageTimes.sort((a, b) => a - b);
console.log(
  `GET /persons?limit=100 over ${stored} persons (50 pages): median ${percentile(pageTimes, 50).toFixed(2)} ms`,
);
await mock.close();
