// Caps the bodies the control plane reads with hono's bodyLimit, answering 413 with a JSON code.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../app-env.js';

/**
 * Refuses bodies over `maxBytes` with `413 {"code":"body_too_large"}` before any handler reads them:
 * a declared Content-Length is judged at once, a chunked body is counted as it arrives and never
 * buffered past the cap. Bodiless methods pass untouched (no body stream is created for them).
 */
export function controlBodyCap(maxBytes: number): MiddlewareHandler<AppEnv> {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: (c) =>
      c.json(
        { code: 'body_too_large', message: `The control plane reads bodies of at most ${maxBytes} bytes` },
        413,
      ),
  });
  return async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return next();
    return limit(c, next);
  };
}
