// Benchmark: a full SS12000 sync from the reference API (default 100,000 persons plus groups, duties, activities).
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createAdaptorServer } from '@hono/node-server';
import { type Dataset, parseDataset } from '../examples/ss12000-api/dataset.js';
import { buildDemoDataset } from '../examples/ss12000-api/demo-dataset.js';
import { createReferenceApi } from '../examples/ss12000-api/reference-api.js';
import { generateDataset, toSs12000Dataset } from '../src/generator/index.js';
import { startMock } from '../src/server.js';

const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '100000' },
    'page-size': { type: 'string', default: '1000' },
    runs: { type: 'string', default: '3' },
    /** Use `generateDataset` (realistic: GR/GY/komvux, staff one per ten pupils) instead of the demo builder. */
    generator: { type: 'boolean', default: false },
  },
});
const persons = Number(values.persons);
const pageSize = Number(values['page-size']);
const ORG = '5567044268';

const stateDir = mkdtempSync(join(tmpdir(), 'bench-ss12000-'));
const running = await startMock({ settings: { port: 0, httpsPort: 0, stateDir, ss12000PageSize: pageSize } });
const { catalogue } = running.mock.services;
/** The demo builder's dataset (exactly `persons` persons), or the generator's (`persons` pupils plus staff). */
function benchDataset(): Dataset {
  if (values.generator) {
    const today = new Date().toISOString().slice(0, 10);
    // Through the loader, as the example API reads dataset.json.
    return parseDataset(
      toSs12000Dataset(generateDataset({ organisationNumber: ORG, pupils: persons, catalogue, today })),
    );
  }
  const facts = {
    schoolUnits: catalogue
      .schoolUnitsOf(ORG)
      .filter((u) => u.status !== 'Expired' && u.schoolTypes.some((t) => t.schoolType === 'GR'))
      .map((u) => ({ id: u.id, displayName: u.displayName, schoolUnitCode: u.schoolUnitCode })),
    examActivities: catalogue
      .examActivities({ schoolType: 'GR' })
      .filter((a) => a.schoolYear === 6 || a.schoolYear === 9)
      .map((a) => ({ id: a.id, displayName: a.displayName, schoolYear: a.schoolYear as number })),
  };
  return buildDemoDataset(facts, { persons, at: new Date(Date.now() - 3_600_000).toISOString() });
}
const dataset = benchDataset();
const total = Object.values(dataset).reduce((sum, items) => sum + items.length, 0);

const api = createReferenceApi({ jwksUrl: `${running.localHttpUrl}/.well-known/jwks.json`, dataset });
const server = createAdaptorServer({ fetch: api.app.fetch });
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const vendorUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
api.setBaseUrl(vendorUrl);

const counts = Object.entries(dataset)
  .map(([key, items]) => `${items.length} ${key}`)
  .join(', ');
console.log(`dataset: ${counts} (${total} objects); page size ${pageSize}`);
console.log(`machine: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}, node ${process.version}`);

const service = running.mock.services.ss12000Client;
const rates: number[] = [];
for (let run = 1; run <= Number(values.runs); run += 1) {
  const started = performance.now();
  const registered = service.register({ organisationNumber: ORG, url: vendorUrl });
  await registered.idle();
  const seconds = (performance.now() - started) / 1000;
  const job = registered.jobs()[0];
  const stored = job?.outcomes.reduce((sum, o) => sum + o.stored, 0) ?? 0;
  const rejected = job?.outcomes.reduce((sum, o) => sum + o.rejected, 0) ?? 0;
  if (job?.state !== 'succeeded' || stored !== total) {
    console.error(
      `run ${run}: job ${job?.state}, stored ${stored}/${total}, rejected ${rejected}`,
      job?.outcomes,
    );
    process.exitCode = 1;
  }
  rates.push(stored / seconds);
  console.log(
    `run ${run}: ${stored} objects in ${seconds.toFixed(2)} s = ${Math.round(stored / seconds)} objects/s (rejected ${rejected})`,
  );
  await service.unregister(registered.urlId);
}
const best = Math.max(...rates);
const median = [...rates].sort((a, b) => a - b)[Math.floor(rates.length / 2)] ?? 0;
console.log(`median ${Math.round(median)} objects/s, best ${Math.round(best)} objects/s (target ≥ 5000)`);
if (median < 5000) process.exitCode = 1;

await new Promise<void>((resolve) => server.close(() => resolve()));
await running.close();
rmSync(stateDir, { recursive: true, force: true });
