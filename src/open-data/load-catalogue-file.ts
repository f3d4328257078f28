// Loads a user's own open-data catalogue from a JSON file (format: docs/open-data.md).
import { readFileSync } from 'node:fs';
import type { OpenDataCatalogue } from './catalogue.js';
import type { OpenDataCatalogueInput } from './catalogue-input-schema.js';
import { createCatalogue } from './create-catalogue.js';
import { OpenDataError } from './open-data-error.js';

/**
 * Reads, validates and builds the catalogue in `path`. Synchronous: it runs once, at start-up.
 *
 * @throws OpenDataError `unreadable_open_data` when the file cannot be read or is not JSON, and
 *   `invalid_open_data` naming the file and each bad field's JSON path (`schoolUnits[3].schoolUnitCode: must be 8 digits`).
 * @example const catalogue = loadCatalogueFile('./my-open-data.json');
 */
export function loadCatalogueFile(path: string): OpenDataCatalogue {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new OpenDataError('unreadable_open_data', path, [], (error as Error).message);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new OpenDataError('unreadable_open_data', path, [], `not valid JSON (${(error as Error).message})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new OpenDataError('invalid_open_data', path, [
      {
        path: '(root)',
        message: 'must be an object with organisations, schoolUnits, programmes and activities',
      },
    ]);
  }
  // The schema checks every field; createCatalogue reports what does not fit, by path.
  return createCatalogue(data as OpenDataCatalogueInput, path);
}
