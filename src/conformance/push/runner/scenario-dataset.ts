// Makes a scenario's first dataset (generated, or loaded from a fixture folder) and writes datasets for the client.
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateDataset } from '../../../generator/generate-dataset.js';
import { writeDataset } from '../../../generator/write-dataset.js';
import { RESOURCE_NAMES } from '../../../model/resource.js';
import type { PushScenario } from '../../scenario/load-scenario.js';
import type { JsonObject, ResourceSets } from '../evidence/evidence.js';

export interface ScenarioDataset {
  sets: ResourceSets;
  /** Items the dataset makes invalid on purpose (defects with severity Error). */
  expectedErrorIds: string[];
  /** Defect items and the clean items they lean on: change steps leave them alone. */
  protectedIds: Set<string>;
}

interface DefectFileEntry {
  id: string;
  severity?: string;
  related?: Array<{ id: string }>;
}

function fromDefects(defects: readonly DefectFileEntry[]) {
  return {
    expectedErrorIds: defects.filter((d) => d.severity !== 'Warning').map((d) => d.id.toLowerCase()),
    protectedIds: new Set(
      defects.flatMap((d) => [d.id, ...(d.related ?? []).map((r) => r.id)].map((id) => id.toLowerCase())),
    ),
  };
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function readFixture(dir: string): ScenarioDataset {
  const sets = Object.fromEntries(
    RESOURCE_NAMES.map((resource) => {
      let data: unknown = [];
      try {
        data = (readJson(join(dir, `${resource}.json`)) as { data?: unknown }).data;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      if (!Array.isArray(data)) throw new TypeError(`${join(dir, `${resource}.json`)} must be {"data":[…]}`);
      return [resource, data as JsonObject[]];
    }),
  ) as unknown as ResourceSets;
  let defects: DefectFileEntry[] = [];
  try {
    defects = (readJson(join(dir, 'defects.json')) as { defects: DefectFileEntry[] }).defects;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return { sets, ...fromDefects(defects) };
}

/**
 * The scenario's first dataset. A generated one is also written to `dir` by the generator's own writer.
 * @throws GeneratorError (bad options) or a file error (bad fixture): harness errors.
 */
export async function prepareDataset(scenario: PushScenario, dir: string): Promise<ScenarioDataset> {
  if (scenario.fixtureDir) {
    const dataset = readFixture(scenario.fixtureDir);
    await writeSets(dataset.sets, dir);
    return dataset;
  }
  const options = scenario.dataset.generate ?? {};
  const generated = generateDataset({ organisationNumber: scenario.organisation, ...options });
  await writeDataset(generated, dir, 'provisioning');
  const sets: ResourceSets = {
    persons: generated.persons,
    duties: generated.duties,
    groups: generated.groups,
    activities: generated.activities,
  };
  return { sets: structuredClone(sets), ...fromDefects(generated.defects) };
}

/** Writes a dataset in the generator's `provisioning` format: `<resource>.json` = `{"data":[…]}`. */
export async function writeSets(sets: ResourceSets, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const resource of RESOURCE_NAMES) {
    await writeFile(join(dir, `${resource}.json`), `${JSON.stringify({ data: sets[resource] })}\n`);
  }
}
