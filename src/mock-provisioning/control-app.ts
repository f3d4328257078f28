// Control plane of the Provisioning API (`/_mock/provisioning`): faults, limits, and read/reset of stores and jobs.
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env.js';
import { faultPatchSchema } from './faults.js';
import type { ProvisioningService } from './provisioning-service.js';
import { applyConfigPatch, configPatchSchema } from './runtime-config.js';

export interface ProvisioningControlAppOptions {
  service: ProvisioningService;
}

const ORGANISATION_ID = /^SE\d{10}$/;

const ongoingTestSchema = z.strictObject({ personIds: z.array(z.uuid()).max(100_000) });

function issues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
}

/**
 * Mounted under `/_mock/provisioning`:
 * `GET|PUT|PATCH|DELETE /faults`, `GET|PATCH /config`, `GET /organisations`,
 * `GET /organisations/{org}/snapshot`, `GET /organisations/{org}/jobs`, `DELETE /organisations/{org}`, `DELETE /data`,
 * `GET /organisations/{org}/correction-deadlines`, `GET|PUT /organisations/{org}/ongoing-test`.
 */
export function createProvisioningControlApp({ service }: ProvisioningControlAppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const readBody = async (c: Context<AppEnv>): Promise<unknown> => {
    try {
      return await c.req.json();
    } catch {
      return undefined;
    }
  };

  app.get('/faults', (c) => c.json(service.faults.view()));

  const changeFaults = (reset: boolean) => async (c: Context<AppEnv>) => {
    const parsed = faultPatchSchema.safeParse(await readBody(c));
    if (!parsed.success) {
      return c.json(
        { code: 'bad_faults', message: 'Invalid fault settings', details: issues(parsed.error) },
        400,
      );
    }
    return c.json(service.faults.apply(parsed.data, reset));
  };
  app.put('/faults', changeFaults(true));
  app.patch('/faults', changeFaults(false));
  app.delete('/faults', (c) => c.json(service.faults.clear()));

  app.get('/config', (c) => c.json(service.config));
  app.patch('/config', async (c) => {
    const parsed = configPatchSchema.safeParse(await readBody(c));
    if (!parsed.success) {
      return c.json(
        { code: 'bad_config', message: 'Invalid configuration', details: issues(parsed.error) },
        400,
      );
    }
    return c.json(applyConfigPatch(service.config, parsed.data));
  });

  app.get('/organisations', (c) =>
    c.json(
      service.store.organisations().map((organisationId) => ({
        organisationId,
        counts: {
          persons: service.data.count(organisationId, 'persons'),
          duties: service.data.count(organisationId, 'duties'),
          groups: service.data.count(organisationId, 'groups'),
          activities: service.data.count(organisationId, 'activities'),
        },
        jobs: service.engine.list(organisationId).length,
      })),
    ),
  );

  const withOrganisation = (org: string) =>
    ORGANISATION_ID.test(org)
      ? undefined
      : { code: 'bad_organisation', message: 'Organisation ids are SE + 10 digits' };

  app.get('/organisations/:org/snapshot', (c) => {
    const problem = withOrganisation(c.req.param('org'));
    return problem ? c.json(problem, 400) : c.json(service.store.snapshot(c.req.param('org')));
  });
  app.get('/organisations/:org/jobs', (c) => {
    const problem = withOrganisation(c.req.param('org'));
    return problem ? c.json(problem, 400) : c.json(service.jobs.list(c.req.param('org')));
  });
  // The 10-day civic-number deadlines running, and the persons removed when one ran out (dnp-facts §7).
  app.get('/organisations/:org/correction-deadlines', (c) => {
    const org = c.req.param('org');
    const problem = withOrganisation(org);
    if (problem) return c.json(problem, 400);
    return c.json({
      organisationId: org,
      deadlines: service.lifecycle.pendingDeadlines(org),
      removed: service.lifecycle.removedAtDeadline(org),
    });
  });
  // Pupils in an ongoing test: their data is stored at once, transferred (provisioningStatus) at night.
  app.get('/organisations/:org/ongoing-test', (c) => {
    const org = c.req.param('org');
    const problem = withOrganisation(org);
    return problem
      ? c.json(problem, 400)
      : c.json({ organisationId: org, personIds: service.lifecycle.ongoingTest(org) });
  });
  app.put('/organisations/:org/ongoing-test', async (c) => {
    const org = c.req.param('org');
    const problem = withOrganisation(org);
    if (problem) return c.json(problem, 400);
    const parsed = ongoingTestSchema.safeParse(await readBody(c));
    if (!parsed.success) {
      return c.json(
        {
          code: 'bad_ongoing_test',
          message: 'Body must be {"personIds":[uuid,…]}',
          details: issues(parsed.error),
        },
        400,
      );
    }
    return c.json({
      organisationId: org,
      personIds: service.lifecycle.setOngoingTest(org, parsed.data.personIds),
    });
  });

  app.delete('/organisations/:org', (c) => {
    const problem = withOrganisation(c.req.param('org'));
    if (problem) return c.json(problem, 400);
    service.reset(c.req.param('org'));
    return c.body(null, 204);
  });
  app.delete('/data', (c) => {
    service.reset();
    return c.body(null, 204);
  });

  return app;
}
