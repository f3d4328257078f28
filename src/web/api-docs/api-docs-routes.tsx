// Swagger UI pages where Skolverket serves them, and the contracts they render (under the control plane).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { packageRoot } from '../../conformance/package-info.js';
import { WEB_PATHS } from '../web-paths.js';
import { SERVED_SPECS, type SpecName, servedSpecJson } from './served-specs.js';
import { SwaggerPage } from './swagger-page.js';

const isSpecName = (name: string): name is SpecName => name in SERVED_SPECS;

/** Mounted at `/`: the three docs pages and `/_mock/specs/{name}.json|.yaml`. */
export function createApiDocsRoutes() {
  const app = new Hono<AppEnv>();

  for (const spec of Object.values(SERVED_SPECS)) {
    app.get(spec.docsPath, (c) => c.html(<SwaggerPage spec={spec} />));
  }
  app.get('/docs', (c) => c.redirect(`${WEB_PATHS.home}#running`));

  app.get(`${WEB_PATHS.specs}/:file{[a-z0-9-]+\\.(json|yaml)}`, (c) => {
    const file = c.req.param('file');
    const name = file.replace(/\.(json|yaml)$/, '');
    if (!isSpecName(name)) return c.json({ code: 'not_found', message: `No spec ${file}` }, 404);
    if (file.endsWith('.json')) {
      return c.body(servedSpecJson(name), 200, { 'content-type': 'application/json; charset=utf-8' });
    }
    // The official file, byte for byte, as shipped in spec/.
    const text = readFileSync(join(packageRoot(), 'spec', SERVED_SPECS[name].file), 'utf8');
    return c.body(text, 200, { 'content-type': 'application/yaml; charset=utf-8' });
  });

  return app;
}
