// The open-data API (open-data-api-1.0.0.yaml) as a Hono sub-app; the lead mounts it at /provtjanst/open-data/v1.
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import type { OpenDataCatalogue } from './catalogue.js';
import {
  errorBody,
  invalidParameter,
  NOT_FOUND_MESSAGES,
  type OpenDataClock,
  openDataNotFound,
} from './error-responses.js';
import { isUuid } from './uuid-v5.js';

export interface OpenDataAppOptions {
  catalogue: OpenDataCatalogue;
  /** Source of `timeStamp` in error answers; default: the system clock. */
  clock?: OpenDataClock;
}

/** `expandSchoolUnits` (components.parameters): a boolean, default false; anything else is a bad parameter. */
function parseExpand(c: Context<AppEnv>): boolean | undefined {
  const raw = c.req.query('expandSchoolUnits');
  if (raw === undefined || raw === '') return false;
  const lowered = raw.toLowerCase();
  if (lowered === 'true') return true;
  if (lowered === 'false') return false;
  return undefined;
}

/**
 * Builds the open-data sub-app: every operation of the spec, answering from `catalogue`.
 * Paths are relative; unknown paths under the mount point get the spec's `Error` shape (404).
 *
 * @example app.route('/provtjanst/open-data/v1', createOpenDataApp({ catalogue: createSeededCatalogue(), clock }));
 */
export function createOpenDataApp(options: OpenDataAppOptions): Hono<AppEnv> {
  const { catalogue, clock } = options;
  const app = new Hono<AppEnv>();
  const notFound = (c: Context<AppEnv>, message: string) => c.json(errorBody(404, message, clock), 404);

  const answerOrganisation = (
    c: Context<AppEnv>,
    found: ReturnType<OpenDataCatalogue['organisationById']>,
  ) => {
    const expand = parseExpand(c);
    if (expand === undefined) return invalidParameter(c, 'expandSchoolUnits', clock);
    if (!found) return notFound(c, NOT_FOUND_MESSAGES.organisation);
    return c.json(expand ? catalogue.withSchoolUnits(found) : found, 200);
  };

  // getAlive: "Returnerar status 200 OK om API:et är tillgängligt." The spec declares no body.
  app.get('/alive', (c) => c.body(null, 200));

  app.get('/organisations/code/:code', (c) =>
    answerOrganisation(c, catalogue.organisationByNumber(c.req.param('code'))),
  );

  app.get('/organisations/:id', (c) => {
    const id = c.req.param('id');
    if (!isUuid(id)) return invalidParameter(c, 'id', clock);
    return answerOrganisation(c, catalogue.organisationById(id));
  });

  app.get('/schoolUnits/code/:code', (c) => {
    const unit = catalogue.schoolUnitByCode(c.req.param('code'));
    return unit ? c.json(unit, 200) : notFound(c, NOT_FOUND_MESSAGES.schoolUnit);
  });

  app.get('/schoolUnits/:id', (c) => {
    const id = c.req.param('id');
    if (!isUuid(id)) return invalidParameter(c, 'id', clock);
    const unit = catalogue.schoolUnitById(id);
    return unit ? c.json(unit, 200) : notFound(c, NOT_FOUND_MESSAGES.schoolUnit);
  });

  app.get('/programmes', (c) => c.json(catalogue.programmes, 200));

  app.get('/programmes/code/:code', (c) => {
    const programme = catalogue.programmeByCode(c.req.param('code'));
    return programme ? c.json(programme, 200) : notFound(c, NOT_FOUND_MESSAGES.programme);
  });

  app.get('/programmes/:id', (c) => {
    const id = c.req.param('id');
    if (!isUuid(id)) return invalidParameter(c, 'id', clock);
    const programme = catalogue.programmeById(id);
    return programme ? c.json(programme, 200) : notFound(c, NOT_FOUND_MESSAGES.programme);
  });

  app.get('/activities', (c) => c.json(catalogue.activities, 200));

  app.get('/activities/:id', (c) => {
    const id = c.req.param('id');
    if (!isUuid(id)) return invalidParameter(c, 'id', clock);
    const activity = catalogue.activityById(id);
    return activity ? c.json(activity, 200) : notFound(c, NOT_FOUND_MESSAGES.activity);
  });

  // Anything else under the mount point (another path, another method) gets the spec's Error shape.
  app.all('*', (c) => openDataNotFound(c, clock));

  return app;
}
