// Control plane of the SS12000 client (under `/_mock`): registrations as Administration provtjänsten, and the mirror.
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env.js';
import { isResourcePath, RESOURCE_BY_PATH, RESOURCE_PATHS } from './resources.js';
import { RegistrationError, type Ss12000ClientService } from './service.js';

export interface ControlAppOptions {
  service: Ss12000ClientService;
}

const registrationBody = z.object({ organisationNumber: z.string().min(1), url: z.string().min(1) });
const windowQuery = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(10_000).default(100),
});

/**
 * `POST|GET /admin/ss12000-apis`, `GET|DELETE /admin/ss12000-apis/{urlId}`, `POST …/{urlId}/sync`;
 * the mirror at `GET /ss12000/{urlId}`, `…/jobs[/{jobId}]`, `…/{resource}[/{id}]`.
 */
export function createSs12000ControlApp({ service }: ControlAppOptions) {
  const app = new Hono<AppEnv>();
  const notFound = (what: string) => ({ code: 'not_found', message: `${what} not found` });

  app.post('/admin/ss12000-apis', async (c) => {
    const parsed = registrationBody.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) {
      return c.json(
        { code: 'invalid_request', message: 'Expected {"organisationNumber": "…", "url": "…"}' },
        400,
      );
    }
    try {
      const api = service.register(parsed.data);
      c.header('location', `/_mock/admin/ss12000-apis/${api.urlId}`);
      return c.json(api.view(), 201);
    } catch (error) {
      if (!(error instanceof RegistrationError)) throw error;
      return c.json(
        { code: error.code, message: error.message },
        error.code === 'already_registered' ? 409 : 400,
      );
    }
  });

  app.get('/admin/ss12000-apis', (c) => {
    const organisationNumber = c.req.query('organisationNumber');
    return c.json({ registrations: service.list(organisationNumber).map((api) => api.view()) });
  });

  app.get('/admin/ss12000-apis/:urlId', (c) => {
    const api = service.get(c.req.param('urlId'));
    return api ? c.json(api.view()) : c.json(notFound('Registration'), 404);
  });

  app.delete('/admin/ss12000-apis/:urlId', async (c) => {
    const urlId = c.req.param('urlId');
    const outcome = await service.unregister(urlId);
    return outcome ? c.json({ urlId, removed: true, ...outcome }) : c.json(notFound('Registration'), 404);
  });

  app.post('/admin/ss12000-apis/:urlId/sync', (c) => {
    const api = service.get(c.req.param('urlId'));
    if (!api) return c.json(notFound('Registration'), 404);
    return c.json(api.requestSync({ kind: 'full' }), 202);
  });

  app.get('/ss12000/:urlId', (c) => {
    const api = service.get(c.req.param('urlId'));
    if (!api) return c.json(notFound('Registration'), 404);
    const base = `/_mock/ss12000/${api.urlId}`;
    const resources = Object.fromEntries(
      Object.values(RESOURCE_PATHS).map((path) => [path, `${base}/${path}`]),
    );
    return c.json({ ...api.view(), links: { jobs: `${base}/jobs`, ...resources } });
  });

  app.get('/ss12000/:urlId/jobs', (c) => {
    const api = service.get(c.req.param('urlId'));
    return api ? c.json({ jobs: api.jobs() }) : c.json(notFound('Registration'), 404);
  });

  app.get('/ss12000/:urlId/jobs/:jobId', (c) => {
    const job = service.get(c.req.param('urlId'))?.job(c.req.param('jobId'));
    return job ? c.json(job) : c.json(notFound('Job'), 404);
  });

  app.get('/ss12000/:urlId/:resource', (c) => {
    const api = service.get(c.req.param('urlId'));
    const path = c.req.param('resource');
    if (!api || !isResourcePath(path)) return c.json(notFound('Registration or resource'), 404);
    const window = windowQuery.safeParse(c.req.query());
    if (!window.success)
      return c.json({ code: 'invalid_request', message: 'offset ≥ 0, 1 ≤ limit ≤ 10000' }, 400);
    const resourceType = RESOURCE_BY_PATH[path];
    const { offset, limit } = window.data;
    return c.json({
      total: api.mirror.count(resourceType),
      offset,
      data: api.mirror.list(resourceType, offset, limit),
    });
  });

  app.get('/ss12000/:urlId/:resource/:id', (c) => {
    const api = service.get(c.req.param('urlId'));
    const path = c.req.param('resource');
    if (!api || !isResourcePath(path)) return c.json(notFound('Registration or resource'), 404);
    const item = api.mirror.get(RESOURCE_BY_PATH[path], c.req.param('id'));
    return item ? c.json(item) : c.json(notFound('Item'), 404);
  });

  return app;
}
