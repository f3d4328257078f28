// Control plane of the open data (`/_mock/open-data`): read, replace or reset the catalogue the mock serves.
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import type { OpenDataCatalogueInput } from './catalogue-input-schema.js';
import { catalogueToJson } from './catalogue-to-json.js';
import { createCatalogue } from './create-catalogue.js';
import { OpenDataError } from './open-data-error.js';
import type { SwitchableCatalogue } from './switchable-catalogue.js';

export interface OpenDataControlAppOptions {
  catalogue: SwitchableCatalogue;
}

/**
 * Mounted at `/_mock/open-data`: `GET` the catalogue as JSON (the `--open-data` file format), `PUT` a new
 * one (validated whole; a bad one changes nothing and answers 400 with each bad field's path), `DELETE`
 * to go back to the one the mock started with. The caller caps the body (`--control-open-data-body-cap`).
 */
export function createOpenDataControlApp({ catalogue }: OpenDataControlAppOptions) {
  const app = new Hono<AppEnv>();

  app.get('/', (c) => c.json(catalogueToJson(catalogue)));

  app.put('/', async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json({ code: 'bad_request', message: 'The body must be a JSON catalogue' }, 400);
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      return c.json({ code: 'invalid_open_data', message: 'The catalogue must be a JSON object' }, 400);
    try {
      catalogue.replace(createCatalogue(body as OpenDataCatalogueInput, 'PUT /_mock/open-data'));
    } catch (error) {
      if (!(error instanceof OpenDataError)) throw error;
      return c.json({ code: error.code, message: 'Invalid open-data catalogue', details: error.issues }, 400);
    }
    return c.json(counts(catalogue));
  });

  app.delete('/', (c) => {
    catalogue.reset();
    return c.json(counts(catalogue));
  });

  return app;
}

function counts(catalogue: SwitchableCatalogue) {
  return {
    organisations: catalogue.organisations.length,
    schoolUnits: catalogue.schoolUnits.length,
    programmes: catalogue.programmes.length,
    activities: catalogue.activities.length,
  };
}
