// Control-plane routes of the auth capability: rotate keys, list keys and issued tokens, fault knobs, dev CRLs.
import { existsSync, readFileSync } from 'node:fs';
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import { authFaultsInputSchema } from './auth-faults.js';
import type { AuthService } from './auth-service.js';
import { CA_PROFILES, type CaProfile } from './ca-profiles.js';
import { issuingCaPaths } from './dev-pki.js';
import { pemBlocks } from './pem.js';

export interface AuthControlAppOptions {
  auth: AuthService;
}

async function readFaults(c: Context<AppEnv>) {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    return { error: c.json({ code: 'bad_request', message: 'The body must be JSON' }, 400) };
  }
  const parsed = authFaultsInputSchema.safeParse(body);
  if (!parsed.success) {
    const details = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    return { error: c.json({ code: 'bad_faults', message: 'Invalid auth faults', details }, 400) };
  }
  return { input: parsed.data };
}

/** Mounted at `/_mock/auth`. */
export function createAuthControlApp({ auth }: AuthControlAppOptions) {
  const app = new Hono<AppEnv>();

  app.post('/rotate', async (c) => c.json(await auth.rotate()));
  app.get('/keys', (c) => c.json({ keys: auth.signingKeys() }));

  app.get('/tokens', (c) => {
    const tokens = auth.issuedTokens();
    return c.json({ count: tokens.length, tokens });
  });
  app.delete('/tokens', (c) => {
    auth.clearIssuedTokens();
    return c.body(null, 204);
  });

  // The dev CAs publish their CRLs here (DER, as CRL distribution points serve them).
  app.get('/crl/:file', (c) => {
    const profile = c.req.param('file').replace(/\.crl$/, '');
    if (!(CA_PROFILES as readonly string[]).includes(profile)) {
      return c.json(
        { code: 'not_found', message: `No CRL for "${profile}"; one of ${CA_PROFILES.join(', ')}` },
        404,
      );
    }
    const file = issuingCaPaths(auth.paths, profile as CaProfile).crl;
    if (!existsSync(file)) return c.json({ code: 'not_found', message: `${file} does not exist` }, 404);
    const der = pemBlocks(readFileSync(file, 'utf8'), 'X509 CRL')[0];
    if (!der) return c.json({ code: 'not_found', message: `${file} holds no CRL` }, 404);
    return c.body(new Uint8Array(der), 200, { 'content-type': 'application/pkix-crl' });
  });

  app.get('/faults', (c) => c.json(auth.faults.get()));
  // PUT replaces every fault; POST changes only the faults it names.
  app.put('/faults', async (c) => {
    const read = await readFaults(c);
    return read.error ?? c.json(auth.faults.set(read.input));
  });
  app.post('/faults', async (c) => {
    const read = await readFaults(c);
    return read.error ?? c.json(auth.faults.update(read.input));
  });
  app.delete('/faults', (c) => {
    auth.faults.clear();
    return c.body(null, 204);
  });

  return app;
}
