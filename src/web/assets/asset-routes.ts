// Serves the pages' files: the stylesheet, the page scripts, and the vendor files from their npm packages.
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { FLOW_CSS } from '../../flow-style/flow-css.js';
import { SWAGGER_INIT_SCRIPT } from '../api-docs/swagger-init-script.js';
import { HOME_SCRIPT } from '../home/home-script.js';
import { LIVE_CSS, PAGE_CSS } from '../layout/page-styles.js';
import { LIVE_SCRIPT } from '../live/live-script.js';
import { readVendorFile } from './vendor-assets.js';

const OWN_ASSETS: Record<string, { body: string; contentType: string }> = {
  'page.css': { body: PAGE_CSS + FLOW_CSS + LIVE_CSS, contentType: 'text/css; charset=utf-8' },
  'home.js': { body: HOME_SCRIPT, contentType: 'text/javascript; charset=utf-8' },
  'live.js': { body: LIVE_SCRIPT, contentType: 'text/javascript; charset=utf-8' },
  'swagger-init.js': { body: SWAGGER_INIT_SCRIPT, contentType: 'text/javascript; charset=utf-8' },
};

/** Mounted at `/_mock/web/assets`. */
export function createAssetRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/vendor/:name', (c) => {
    const file = readVendorFile(c.req.param('name'));
    if (!file) return c.json({ code: 'not_found', message: 'No such asset' }, 404);
    return c.body(new Uint8Array(file.body), 200, {
      'content-type': file.contentType,
      'cache-control': 'public, max-age=86400',
    });
  });

  app.get('/:name', (c) => {
    const asset = OWN_ASSETS[c.req.param('name')];
    if (!asset) return c.json({ code: 'not_found', message: 'No such asset' }, 404);
    return c.body(asset.body, 200, { 'content-type': asset.contentType, 'cache-control': 'no-cache' });
  });

  return app;
}
