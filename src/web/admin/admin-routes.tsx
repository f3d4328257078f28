// Routes of Administration provtjänsten (`/_mock/admin…`): the page, and per organisation JSON or htmx fragments.
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { RegistrationError } from '../../mock-ss12000-client/index.js';
import { readInput, textField, wantsFragment } from '../http/read-input.js';
import { refuse } from '../http/refuse.js';
import type { WebServices } from '../web-services.js';
import { AdminPage } from './admin-page.js';
import {
  ContactsSection,
  FederationSection,
  NoticesSection,
  PseudonymisationSection,
  Ss12000List,
  TransfersSection,
} from './admin-sections.js';
import { ADMIN_BASE, type Administration, organisationIds } from './administration.js';
import {
  FederationUploadError,
  federationMembers,
  uploadFederationCertificate,
} from './federation-upload.js';
import { settingsInputSchema } from './organisation-settings.js';
import { readRegisterNotices } from './register-notices.js';
import { readTransferStatus } from './transfer-status.js';

/** The ready client's organisation: the spec's own example, present in the seeded open data. */
const DEFAULT_ORGANISATION = '5567044268';

/** A form's fields as the settings schema wants them (checkbox pairs: the last value wins). */
function settingsFromForm(input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of ['protectedDataNoticeEmail', 'technicalContactEmail']) {
    if (name in input) out[name] = textField(input, name);
  }
  const attested = input.pseudonymisationAttested;
  if (attested !== undefined) {
    const values = Array.isArray(attested) ? attested : [attested];
    out.pseudonymisationAttested = values.includes('true');
  }
  return out;
}

async function fileOrText(input: Record<string, unknown>, fileField: string, textName: string) {
  const file = input[fileField];
  if (file instanceof File && file.size > 0) return (await file.text()).trim();
  return textField(input, textName);
}

/** Mounted at `/_mock/admin`. */
export function createAdminRoutes(services: WebServices, administration: Administration) {
  const app = new Hono<AppEnv>();

  const organisation = (c: Context<AppEnv>) => organisationIds(c.req.param('org') ?? '');

  app.get('/', async (c) => {
    const ids = organisationIds(c.req.query('org') ?? DEFAULT_ORGANISATION);
    if (!ids)
      return c.json({ code: 'bad_organisation', message: 'org must be a 10-digit organisation number' }, 400);
    return c.html(
      <AdminPage
        services={services}
        view={await administration.view(ids.organisationId, ids.organisationNumber)}
      />,
    );
  });

  const orgRoutes = new Hono<AppEnv>();
  orgRoutes.use('*', async (c, next) => {
    if (!organisation(c))
      return refuse(c, 'bad_organisation', 'Organisation ids are SE + 10 digits (or 10 digits)');
    await next();
  });

  orgRoutes.get('/settings', (c) => {
    const ids = organisation(c)!;
    return c.json(administration.settings.get(ids.organisationId));
  });

  const changeSettings = (replace: boolean) => async (c: Context<AppEnv>) => {
    const ids = organisation(c)!;
    const input = await readInput(c);
    if (!input) return refuse(c, 'bad_settings', 'Send JSON or a form');
    const fragment = wantsFragment(c);
    const parsed = settingsInputSchema.safeParse(fragment ? settingsFromForm(input) : input);
    if (!parsed.success) {
      const details = parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
      return fragment
        ? refuse(c, 'bad_settings', `Not saved: ${details.join('; ')}`)
        : c.json({ code: 'bad_settings', message: 'Invalid settings', details }, 400);
    }
    const settings = administration.updateSettings(ids.organisationId, parsed.data, replace);
    if (!fragment) return c.json(settings);
    const base = `${ADMIN_BASE}/${ids.organisationId}`;
    return textField(input, 'section') === 'pseudonymisation'
      ? c.html(
          <PseudonymisationSection
            settings={settings}
            base={base}
            persons={administration.protectedPersons(ids.organisationId)}
          />,
        )
      : c.html(<ContactsSection settings={settings} base={base} saved="saved" />);
  };
  orgRoutes.put('/settings', changeSettings(true));
  orgRoutes.patch('/settings', changeSettings(false));

  orgRoutes.get('/pseudonymisation', (c) => {
    const ids = organisation(c)!;
    const settings = administration.settings.get(ids.organisationId);
    return c.json({
      attested: settings.pseudonymisationAttested,
      persons: administration.protectedPersons(ids.organisationId),
    });
  });

  orgRoutes.get('/notices', (c) => {
    const ids = organisation(c)!;
    const notices = readRegisterNotices(services, ids.organisationId);
    return wantsFragment(c)
      ? c.html(<NoticesSection {...notices} base={`${ADMIN_BASE}/${ids.organisationId}`} />)
      : c.json(notices);
  });

  orgRoutes.get('/transfers', (c) => {
    const ids = organisation(c)!;
    const transfers = readTransferStatus(services, ids.organisationId);
    return wantsFragment(c)
      ? c.html(<TransfersSection transfers={transfers} base={`${ADMIN_BASE}/${ids.organisationId}`} />)
      : c.json({ resources: transfers });
  });

  orgRoutes.get('/ss12000-apis', (c) => {
    const ids = organisation(c)!;
    const apis = administration.apis(ids.organisationNumber);
    return wantsFragment(c)
      ? c.html(<Ss12000List apis={apis} base={`${ADMIN_BASE}/${ids.organisationId}`} />)
      : c.json({ registrations: apis.map((api) => api.view()) });
  });

  orgRoutes.post('/ss12000-apis', async (c) => {
    const ids = organisation(c)!;
    const input = await readInput(c);
    if (!input) return refuse(c, 'invalid_request', 'Send JSON or a form with url');
    try {
      const api = services.ss12000Client.register({
        organisationNumber: ids.organisationNumber,
        url: textField(input, 'url'),
      });
      if (!wantsFragment(c)) return c.json(api.view(), 201);
    } catch (error) {
      if (!(error instanceof RegistrationError)) throw error;
      return refuse(c, error.code, error.message, error.code === 'already_registered' ? 409 : 400);
    }
    const base = `${ADMIN_BASE}/${ids.organisationId}`;
    return c.html(<Ss12000List apis={administration.apis(ids.organisationNumber)} base={base} />, 201);
  });

  orgRoutes.get('/federation', async (c) => {
    const ids = organisation(c)!;
    return c.json({
      file: services.auth.federationFile,
      entities: await federationMembers(services, ids.organisationId),
    });
  });

  orgRoutes.post('/federation', async (c) => {
    const ids = organisation(c)!;
    const input = await readInput(c);
    const base = `${ADMIN_BASE}/${ids.organisationId}`;
    if (!input) return refuse(c, 'bad_federation_upload', 'Send JSON or a form');
    try {
      const organisationName = textField(input, 'organisationName');
      const result = await uploadFederationCertificate(services, ids.organisationId, {
        entityId: textField(input, 'entityId'),
        certificatePem: await fileOrText(input, 'certificateFile', 'certificatePem'),
        ...(organisationName ? { organisationName } : {}),
      });
      if (!wantsFragment(c)) return c.json(result, 201);
      return c.html(
        <FederationSection
          members={await federationMembers(services, ids.organisationId)}
          base={base}
          message={`${result.outcome}: ${result.entityId}`}
        />,
      );
    } catch (error) {
      if (!(error instanceof FederationUploadError)) throw error;
      if (!wantsFragment(c)) return c.json({ code: error.code, message: error.message }, 400);
      return c.html(
        <FederationSection
          members={await federationMembers(services, ids.organisationId)}
          base={base}
          error={error.message}
        />,
      );
    }
  });

  app.route('/organisations/:org', orgRoutes);
  return app;
}
