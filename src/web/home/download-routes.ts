// Downloads for a vendor's first steps: the dev CA, and an organisation's dev client certificate and key.
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import type { WebServices } from '../web-services.js';
import { ensureOrganisationClient } from '../workbench/organisation-client.js';

const CLIENT_FILES = ['client.pem', 'client-key.pem', 'ca.pem'] as const;
type ClientFile = (typeof CLIENT_FILES)[number];

const pemAnswer = (text: string, name: string) =>
  new Response(text, {
    headers: {
      'content-type': 'application/x-pem-file',
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
    },
  });

/** Mounted at `/_mock/downloads`: `GET /ca.pem`, `GET /client?organisationNumber=…&file=client.pem|client-key.pem|ca.pem`. */
export function createDownloadRoutes(services: WebServices) {
  const app = new Hono<AppEnv>();

  app.get('/ca.pem', () => pemAnswer(services.auth.tls.caCertPem, 'ca.pem'));

  app.get('/client', async (c) => {
    const file = (c.req.query('file') ?? 'client.pem') as ClientFile;
    if (!CLIENT_FILES.includes(file))
      return c.json({ code: 'bad_file', message: `file is one of ${CLIENT_FILES.join(', ')}` }, 400);
    let client: Awaited<ReturnType<typeof ensureOrganisationClient>>;
    try {
      client = await ensureOrganisationClient(
        services.settings.stateDir,
        c.req.query('organisationNumber') ?? '',
      );
    } catch (error) {
      return c.json({ code: 'bad_organisation', message: (error as Error).message }, 400);
    }
    const text =
      file === 'client.pem' ? client.certPem : file === 'client-key.pem' ? client.keyPem : client.caPem;
    return pemAnswer(text, `${client.organisationNumber}-${file}`);
  });

  return app;
}
