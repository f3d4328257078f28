// One middleware that guards the control plane, the journal and the mock's pages with the control token.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../app-env.js';
import type { ControlAccess } from './control-access.js';

/** Cookie a browser page may carry instead of the header (pages cannot set headers on navigation). */
export const CONTROL_TOKEN_COOKIE = 'provtjanst_control_token';

/** The refusal codes, asserted by tests and named in docs/auth.md. */
export type ControlRefusalCode = 'control_token_required' | 'control_token_invalid';

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Compares in constant time (over digests, so lengths leak nothing either). */
function sameToken(given: string, expected: Buffer): boolean {
  return timingSafeEqual(digest(given), expected);
}

function presentedToken(header: string | undefined, cookie: string | undefined): string | undefined {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1] ?? cookie;
}

/**
 * Passes every request when `access` is open; otherwise only requests carrying the control token as
 * `Authorization: Bearer <token>` (CLI, scripts) or the `provtjanst_control_token` cookie (pages).
 * Others get 401 with `{code, message}` and a `WWW-Authenticate` challenge.
 * @example app.use('/_mock/*', controlGuard(access))
 */
export function controlGuard(access: ControlAccess): MiddlewareHandler<AppEnv> {
  if (!access.guarded) return async (_c, next) => next();
  const expected = digest(access.token);
  return async (c, next) => {
    const header = c.req.header('authorization');
    const cookie = header ? undefined : getCookie(c, CONTROL_TOKEN_COOKIE);
    const given = presentedToken(header, cookie);
    if (given !== undefined && sameToken(given, expected)) return next();
    const code: ControlRefusalCode = given === undefined ? 'control_token_required' : 'control_token_invalid';
    c.header('www-authenticate', 'Bearer realm="provtjanst-mock control plane"');
    return c.json(
      {
        code,
        message:
          given === undefined
            ? 'This mock listens beyond loopback, so its control plane needs the control token: send "Authorization: Bearer <token>" (the token is --control-token, or the one the banner printed).'
            : 'The control token is not the one this mock was started with.',
      },
      401,
    );
  };
}
