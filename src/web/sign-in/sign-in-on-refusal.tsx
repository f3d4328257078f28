// Turns the control guard's 401 into the sign-in page when a browser navigates to a page.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { wantsPage } from '../http/read-input.js';
import { WEB_PATHS } from '../web-paths.js';
import { SignInPage } from './sign-in-page.js';

/**
 * Where the middleware is mounted: the home page, the docs pages outside the control plane and everything
 * under it. Mounted there only, the API calls never pass through it.
 */
export const SIGN_IN_MOUNTS = [
  WEB_PATHS.home,
  WEB_PATHS.controlIndex,
  `${WEB_PATHS.controlIndex}/*`,
  WEB_PATHS.provisioningDocs,
  WEB_PATHS.openDataDocs,
] as const;

/** Where people navigate: the home page, the docs pages and everything under the control plane. */
function isPagePath(path: string): boolean {
  return (
    path === WEB_PATHS.home || path.startsWith(WEB_PATHS.controlIndex) || path.endsWith('/swagger-ui.html')
  );
}

/**
 * Register it before the guard, on {@link SIGN_IN_MOUNTS}: it lets the request through, and when the answer is a 401 to a browser
 * navigation (Accept prefers text/html), answers the sign-in page instead (still 401). Scripts keep the
 * guard's JSON refusal.
 */
export function signInOnRefusal(cookieName: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.res.status !== 401 || c.req.method !== 'GET' || !isPagePath(c.req.path) || !wantsPage(c)) return;
    let refusal = 'The control token is missing or wrong.';
    try {
      const body = (await c.res.clone().json()) as { message?: unknown };
      if (typeof body.message === 'string') refusal = body.message;
    } catch {
      // not the guard's JSON: keep the generic line
    }
    c.res = await c.html(<SignInPage cookieName={cookieName} refusal={refusal} />, 401);
  };
}
