// Writes a dataset to a directory: provisioning bulk files or SS 12000 dataset.json, plus summary and defects.
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Dataset } from './generate-dataset.js';
import { toSs12000Dataset } from './ss12000-format.js';

export const DATASET_FORMATS = ['provisioning', 'ss12000'] as const;
export type DatasetFormat = (typeof DATASET_FORMATS)[number];

/** Bytes gathered before each write: big enough to be fast, small enough not to double the memory. */
const CHUNK = 1 << 20;

/** Writes text pieces to a file in large chunks. */
async function writePieces(path: string, pieces: Iterable<string>): Promise<void> {
  const handle = await open(path, 'w');
  try {
    let buffer = '';
    for (const piece of pieces) {
      buffer += piece;
      if (buffer.length >= CHUNK) {
        await handle.write(buffer);
        buffer = '';
      }
    }
    if (buffer) await handle.write(buffer);
  } finally {
    await handle.close();
  }
}

/** One item a line: diffable, greppable, and still one JSON document. */
function* arrayLines(items: readonly unknown[], indent = ''): Generator<string> {
  if (items.length === 0) {
    yield '[]';
    return;
  }
  yield '[\n';
  for (let i = 0; i < items.length; i++) {
    yield `${indent}${JSON.stringify(items[i])}${i < items.length - 1 ? ',\n' : '\n'}`;
  }
  yield `${indent.slice(2)}]`;
}

/** `{"data":[…]}`, the body of `POST /R/bulk`. */
function* bulkBody(items: readonly unknown[]): Generator<string> {
  yield '{"data":';
  yield* arrayLines(items);
  yield '}\n';
}

function* ss12000Body(dataset: Dataset): Generator<string> {
  const ss = toSs12000Dataset(dataset);
  const keys = ['organisations', 'persons', 'groups', 'duties', 'activities'] as const;
  yield '{\n';
  for (const [i, key] of keys.entries()) {
    yield `  "${key}": `;
    yield* arrayLines(ss[key], '    ');
    yield i < keys.length - 1 ? ',\n' : '\n';
  }
  yield '}\n';
}

/**
 * Writes the dataset into `dir` (created if missing) and returns the paths written.
 * - `provisioning`: persons.json, duties.json, groups.json, activities.json, each `{"data":[…]}`;
 * - `ss12000`: dataset.json (see docs/generator.md);
 * - both: summary.json, and defects.json when the dataset has defects (a stale defects.json is removed).
 *
 * @example await writeDataset(generateDataset({ organisationNumber: '5567044268' }), 'out', 'provisioning');
 */
export async function writeDataset(dataset: Dataset, dir: string, format: DatasetFormat): Promise<string[]> {
  if (!DATASET_FORMATS.includes(format))
    throw new TypeError(`writeDataset: unknown format ${String(format)}`);
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  const write = async (name: string, pieces: Iterable<string>) => {
    const path = join(dir, name);
    await writePieces(path, pieces);
    written.push(path);
  };
  if (format === 'provisioning') {
    await write('persons.json', bulkBody(dataset.persons));
    await write('duties.json', bulkBody(dataset.duties));
    await write('groups.json', bulkBody(dataset.groups));
    await write('activities.json', bulkBody(dataset.activities));
  } else {
    await write('dataset.json', ss12000Body(dataset));
  }
  await write('summary.json', [`${JSON.stringify(dataset.summary, null, 2)}\n`]);
  if (dataset.defects.length > 0) {
    await write('defects.json', [
      `${JSON.stringify({ count: dataset.defects.length, defects: dataset.defects }, null, 2)}\n`,
    ]);
  } else {
    await rm(join(dir, 'defects.json'), { force: true });
  }
  return written;
}
