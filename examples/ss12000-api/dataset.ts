// The `ss12000` dataset format (the generator writes it, the reference API seeds from it): one dataset.json.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** `Meta`: both timestamps RFC 3339 with an offset. */
export const metaSchema = z.object({
  created: z.iso.datetime({ offset: true }),
  modified: z.iso.datetime({ offset: true }),
});

/**
 * One object of any resource. Only `id` and `meta` are checked: a dataset may deliberately hold malformed
 * objects (to exercise the client's `/log`), so the rest is kept as it is.
 */
export const datasetObjectSchema = z.looseObject({ id: z.string().min(1), meta: metaSchema.optional() });
export type DatasetObject = z.output<typeof datasetObjectSchema>;

/** `{ organisations, persons, groups, duties, activities }`, each an array in the subset spec's schema. */
export const datasetSchema = z.object({
  organisations: z.array(datasetObjectSchema),
  persons: z.array(datasetObjectSchema),
  groups: z.array(datasetObjectSchema),
  duties: z.array(datasetObjectSchema),
  activities: z.array(datasetObjectSchema),
});
export type Dataset = z.output<typeof datasetSchema>;

export const DATASET_KEYS = ['organisations', 'persons', 'groups', 'duties', 'activities'] as const;
export type DatasetKey = (typeof DATASET_KEYS)[number];

/** A dataset that failed the schema; the message names the first problems with their paths. */
export class DatasetError extends Error {
  readonly code = 'invalid_dataset';
}

/** Validates a parsed dataset. @throws DatasetError */
export function parseDataset(value: unknown, source = 'dataset'): Dataset {
  const parsed = datasetSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
  throw new DatasetError(`${source} is not an ss12000 dataset: ${problems}`);
}

/** Reads and validates a dataset.json. @throws DatasetError */
export function loadDatasetFile(path: string): Dataset {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new DatasetError(`cannot read ${path}: ${(error as Error).message}`);
  }
  return parseDataset(value, path);
}

export function emptyDataset(): Dataset {
  return { organisations: [], persons: [], groups: [], duties: [], activities: [] };
}
