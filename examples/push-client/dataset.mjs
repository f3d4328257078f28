// Loads the dataset to push: one `{"data":[…]}` file per resource; a missing file means "none of these".
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from './config.mjs';

/** The four resources in dependency order (Provisioning API README, "Ordningsföljd"). */
export const RESOURCES = /** @type {const} */ (['persons', 'duties', 'groups', 'activities']);

/** @typedef {(typeof RESOURCES)[number]} ResourceName */
/** @typedef {{ id: string } & Record<string, unknown>} ResourceItem */
/** @typedef {Record<ResourceName, ResourceItem[]>} Dataset */

/**
 * @param {string} dir
 * @param {ResourceName} resource
 * @returns {ResourceItem[]}
 */
function readResource(dir, resource) {
  const path = join(dir, `${resource}.json`);
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return [];
    throw new ConfigError(`cannot read ${path}: ${/** @type {Error} */ (error).message}`);
  }
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${path} is not JSON: ${/** @type {Error} */ (error).message}`);
  }
  if (!parsed || !Array.isArray(parsed.data)) throw new ConfigError(`${path} must be {"data":[…]}`);
  for (const item of parsed.data) {
    if (!item || typeof item.id !== 'string')
      throw new ConfigError(`${path}: every item needs a string "id"`);
  }
  return parsed.data;
}

/**
 * Reads persons.json, duties.json, groups.json and activities.json from `dir` (which must exist).
 *
 * @param {string} dir
 * @returns {Dataset}
 */
export function loadDataset(dir) {
  // A mistyped folder must not read as "no data": that would delete everything stored.
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory())
    throw new ConfigError(`${dir} is not a folder`);
  return {
    persons: readResource(dir, 'persons'),
    duties: readResource(dir, 'duties'),
    groups: readResource(dir, 'groups'),
    activities: readResource(dir, 'activities'),
  };
}
