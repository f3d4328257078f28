// A guarded mock: a browser navigating to a page gets the sign-in page; a script gets the guard's JSON; the cookie passes.
import { Hono, type MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../src/app-env.js';
import { signInOnRefusal } from '../../src/web/index.js';

const COOKIE = 'provtjanst_control_token';
/** Stands in for the control guard: the token as a cookie or a bearer header, else 401 with a coded body. */
const fakeGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = getCookie(c, COOKIE) ?? /^Bearer (\S+)$/.exec(c.req.header('authorization') ?? '')?.[1];
  if (token === 's3cret-control-token') return next();
  return c.json({ code: 'control_token_required', message: 'needs the control token' }, 401);
};

function guardedApp() {
  const app = new Hono<AppEnv>();
  app.use('*', signInOnRefusal(COOKIE));
  app.use('/_mock/*', fakeGuard);
  app.get('/_mock/live', (c) => c.html('<h1>Live view</h1>'));
  app.get('/_mock/journal', (c) => c.json({ entries: [] }));
  return app;
}

describe('signing in to a guarded mock from a browser', () => {
  it('answers a browser navigation with the sign-in page, still 401, naming the refusal', async () => {
    const res = await guardedApp().request('/_mock/live', { headers: { accept: 'text/html,*/*' } });
    expect(res.status).toBe(401);
    const html = await res.text();
    expect(html).toContain('id="sign-in"');
    expect(html).toContain('needs the control token');
    expect(html).toContain(`"${COOKIE}"`);
  });

  it('keeps the JSON refusal for scripts, and lets the cookie or the header through', async () => {
    const app = guardedApp();
    const script = await app.request('/_mock/journal');
    expect(script.status).toBe(401);
    expect(await script.json()).toMatchObject({ code: 'control_token_required' });
    const withCookie = await app.request('/_mock/live', {
      headers: { accept: 'text/html', cookie: `${COOKIE}=s3cret-control-token` },
    });
    expect(withCookie.status).toBe(200);
    expect(await withCookie.text()).toBe('<h1>Live view</h1>');
    const withHeader = await app.request('/_mock/journal', {
      headers: { authorization: 'Bearer s3cret-control-token' },
    });
    expect(withHeader.status).toBe(200);
  });
});
