// Benchmark: latency of `POST /persons/bulk` with 400 valid persons (~200 KB) until the 202, over a real socket.
// Run: npx tsx bench/provisioning-accept.ts [requests=300]
import { cpus } from 'node:os';
import { benchPupil, machine, percentile, send, startBenchMock } from './provisioning-support.js';

const REQUESTS = Number(process.argv[2] ?? 300);
const WARMUP = 30;

async function measure(label: string, jobDelay: number): Promise<void> {
  const mock = await startBenchMock({ rateLimit: false, jobDelay, journalSize: 1000 });
  const bodies = Array.from({ length: 8 }, (_, b) =>
    JSON.stringify({ data: Array.from({ length: 400 }, (_, n) => benchPupil(b * 400 + n)) }),
  );
  const times: number[] = [];
  for (let i = 0; i < WARMUP + REQUESTS; i += 1) {
    const body = bodies[i % bodies.length] as string;
    const res = await send(mock, 'POST', '/persons/bulk?updateIfExists=true', body);
    if (res.status !== 202) throw new Error(`expected 202, got ${res.status}: ${res.text.slice(0, 300)}`);
    if (i >= WARMUP) times.push(res.ms);
  }
  times.sort((a, b) => a - b);
  const size = Buffer.byteLength(bodies[0] as string);
  console.log(
    `${label}: ${REQUESTS} × POST /persons/bulk (400 persons, ${size} bytes): ` +
      `median ${percentile(times, 50).toFixed(2)} ms, p90 ${percentile(times, 90).toFixed(2)} ms, ` +
      `p99 ${percentile(times, 99).toFixed(2)} ms, max ${(times.at(-1) ?? 0).toFixed(2)} ms`,
  );
  await mock.close();
}

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}; node ${machine()}`);
// Jobs parked (delay 1 h on the real clock): the accept path alone.
await measure('accept only (jobs parked)', 3_600_000);
// Jobs settle right away (delay 0): each accept competes with the job engine settling the previous call.
await measure('accept while settling', 0);
