// Benchmark: generateDataset with 100,000 pupils (Sundsvalls kommun: GR, GY, VUXGY), then writing both formats.
// Run: npx tsx bench/generate-100k.ts [pupils=100000] [runs=3]
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDataset, writeDataset } from '../src/generator/index.js';

const PUPILS = Number(process.argv[2] ?? 100_000);
const RUNS = Number(process.argv[3] ?? 3);
const ORG = '2120002411';

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}; node ${process.version}`);
const dir = mkdtempSync(join(tmpdir(), 'provtjanst-bench-gen-'));
try {
  for (let run = 1; run <= RUNS; run++) {
    let start = performance.now();
    const dataset = generateDataset({ organisationNumber: ORG, pupils: PUPILS, seed: run });
    const generated = performance.now() - start;
    start = performance.now();
    const provisioning = await writeDataset(dataset, join(dir, `p${run}`), 'provisioning');
    const wroteProvisioning = performance.now() - start;
    start = performance.now();
    const ss12000 = await writeDataset(dataset, join(dir, `s${run}`), 'ss12000');
    const wroteSs12000 = performance.now() - start;
    const size = (paths: string[]) => paths.reduce((n, path) => n + statSync(path).size, 0);
    const { items } = dataset.summary;
    console.log(
      `run ${run}: ${PUPILS.toLocaleString('en-US')} pupils → ${items.persons} persons, ${items.duties} duties, ` +
        `${items.groups} groups, ${items.activities} activities; generate ${seconds(generated)}, ` +
        `write provisioning ${seconds(wroteProvisioning)} (${megabytes(size(provisioning))}), ` +
        `write ss12000 ${seconds(wroteSs12000)} (${megabytes(size(ss12000))}), ` +
        `generate + write provisioning ${seconds(generated + wroteProvisioning)}; ` +
        `rss ${megabytes(process.memoryUsage().rss)}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
