// The web capability as one sub-app: home, API docs, Administration provtjänsten, the live view and their files.
import { Hono, type MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import { createAdminRoutes } from './admin/admin-routes.js';
import { Administration } from './admin/administration.js';
import { createApiDocsRoutes } from './api-docs/api-docs-routes.js';
import { createAssetRoutes } from './assets/asset-routes.js';
import { ControlIndexPage } from './control-index/control-index-page.js';
import { CONTROL_INDEX } from './control-index/control-routes-index.js';
import { createDownloadRoutes } from './home/download-routes.js';
import { HomePage } from './home/home-page.js';
import { wantsPage } from './http/read-input.js';
import { LiveHub } from './live/live-hub.js';
import { createLiveRoutes } from './live/live-routes.js';
import { WEB_PATHS } from './web-paths.js';
import type { WebServices } from './web-services.js';
import { createWorkbenchRoutes } from './workbench/workbench-routes.js';

export interface WebAppOptions {
  services: WebServices;
  /**
   * Runs before every page and page route outside `/_mock` too (the home page, the docs pages), so they sit
   * behind the same control-token guard as the control plane.
   */
  guard?: MiddlewareHandler<AppEnv>;
}

export interface WebApp {
  app: Hono<AppEnv>;
  administration: Administration;
  hub: LiveHub;
  close(): void;
}

/** Mount at `/`, before the APIs (the docs pages sit under their paths). */
export function createWebApp({ services, guard }: WebAppOptions): WebApp {
  const app = new Hono<AppEnv>();
  const administration = new Administration(services);
  const hub = new LiveHub(services);
  if (guard) {
    for (const path of [WEB_PATHS.home, WEB_PATHS.provisioningDocs, WEB_PATHS.openDataDocs, '/docs'])
      app.use(path, guard);
  }

  app.get(WEB_PATHS.home, (c) => c.html(<HomePage services={services} />));
  app.get(WEB_PATHS.controlIndex, (c) =>
    wantsPage(c)
      ? c.html(<ControlIndexPage groups={CONTROL_INDEX} />)
      : c.json({ name: 'provtjanst-mock', groups: CONTROL_INDEX }),
  );
  app.route('/', createApiDocsRoutes());
  app.route(WEB_PATHS.assets, createAssetRoutes());
  app.route(WEB_PATHS.downloads, createDownloadRoutes(services));
  app.route(WEB_PATHS.workbench, createWorkbenchRoutes(services));
  app.route(WEB_PATHS.live, createLiveRoutes(services, hub));
  app.route(WEB_PATHS.admin, createAdminRoutes(services, administration));

  return { app, administration, hub, close: () => hub.close() };
}
