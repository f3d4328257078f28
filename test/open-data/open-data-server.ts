// Test support: the open-data sub-app mounted under its real prefix on a parent app, served over real HTTP.
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import type { AppEnv } from '../../src/app-env.js';
import { createOpenDataApp, type OpenDataCatalogue, type OpenDataClock } from '../../src/open-data/index.js';

export const PREFIX = '/provtjanst/open-data/v1';

/** A Node server (not listening; supertest binds it) with the sub-app at {@link PREFIX}. */
export function createOpenDataServer(catalogue: OpenDataCatalogue, clock?: OpenDataClock) {
  const app = new Hono<AppEnv>();
  app.route(PREFIX, createOpenDataApp(clock ? { catalogue, clock } : { catalogue }));
  return createAdaptorServer({ fetch: app.fetch });
}
