// Benchmark: what one journal record costs once the ring is full, at several sizes, beside an Array.shift ring in the same run.
// Run: npx tsx bench/journal-ring.ts [records per size, default 20000]
import { EntryWindow } from '../src/journal/entry-window.js';
import { Journal } from '../src/journal/journal.js';
import type { JournalEntry } from '../src/journal/journal-entry.js';

const RECORDS = Number(process.argv[2] ?? 20_000);
const SIZES = [1_000, 10_000, 100_000, 200_000];

function entry(n: number): Omit<JournalEntry, 'seq'> {
  return {
    requestId: `r${n}`,
    direction: 'inbound',
    component: 'provisioning',
    time: '2026-12-02T01:00:00.000Z',
    timeMs: n,
    durationMs: 1,
    method: 'GET',
    url: 'http://localhost:8080/provtjanst/provisioning/v1/persons/b0000000-0000-4000-8000-000000000001',
    path: '/provtjanst/provisioning/v1/persons/b0000000-0000-4000-8000-000000000001',
    status: 403,
    clientIp: '127.0.0.1',
    requestHeaders: { 'user-agent': 'bench' },
    responseHeaders: { 'content-type': 'application/json' },
    requestBodySize: 0,
    responseBodySize: 160,
    responseBody:
      '[{"id":"5002","statusCode":403,"messageType":"Behörighet saknas","message":"Ogiltigt JWT bearer token."}]',
    responseBodyTruncated: false,
  };
}

/** The ring as the journal kept it before: an array whose oldest entry leaves by shift(). */
function shiftRing(capacity: number) {
  const ring: unknown[] = [];
  return (item: unknown) => {
    ring.push(item);
    while (ring.length > capacity) ring.shift();
  };
}

/** The same loop over EntryWindow, the journal's ring now. */
function windowRing(capacity: number) {
  const ring = new EntryWindow<unknown>();
  return (item: unknown) => {
    ring.push(item);
    while (ring.length > capacity) ring.dropOldest();
  };
}

function perRecordMicros(push: (n: number) => void, fill: number): number {
  for (let n = 0; n < fill; n += 1) push(n);
  const started = performance.now();
  for (let n = 0; n < RECORDS; n += 1) push(fill + n);
  return ((performance.now() - started) * 1000) / RECORDS;
}

console.log(`${RECORDS} records per size after filling the ring; Node ${process.version}`);
console.log('| ring size | Array.shift ring | EntryWindow | Journal.record (whole entry) |');
console.log('|---|---|---|---|');
for (const size of SIZES) {
  const shifted = shiftRing(size);
  const windowed = windowRing(size);
  const journal = new Journal({ capacity: size, maxBytes: 2 ** 40 });
  const shift = perRecordMicros((n) => shifted(entry(n)), size);
  const window = perRecordMicros((n) => windowed(entry(n)), size);
  const record = perRecordMicros((n) => journal.record(entry(n)), size);
  console.log(
    `| ${size.toLocaleString('en')} | ${shift.toFixed(2)} µs | ${window.toFixed(2)} µs | ${record.toFixed(2)} µs |`,
  );
}
