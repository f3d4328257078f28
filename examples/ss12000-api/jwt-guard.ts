// Verifies Skolverket's JWT on every SS 12000 call (dnp-facts §4.6): signature via JWKS, org, access, nbf/exp.
import type { MiddlewareHandler } from 'hono';
import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify } from 'jose';

export interface JwtGuardOptions {
  /** Skolverket's JWKS (the mock's `/.well-known/jwks.json`). */
  jwksUrl: string;
  /** This API's own base URL, as registered: the location the token must name. */
  baseUrl: () => string;
  /** `organization_id` the token must carry (Skolverket: SE2021004185). */
  organisationId: string;
  /**
   * `exact`: a location equal to the base URL (a trailing slash aside), as dnp-facts §4.6 says.
   * `prefix`: also one under it, as Skolverket's reference implementation allows.
   * `string-prefix`: any location starting with the base URL (broken on purpose, for a fixture).
   */
  locationMatch: 'exact' | 'prefix' | 'string-prefix';
  now: () => number;
}

export type JwtCheck =
  | { ok: true; payload: JWTPayload }
  | { ok: false; status: 401 | 403; code: string; message: string };

const trim = (url: string) => url.trim().replace(/\/+$/, '');

function namesLocation(payload: JWTPayload, own: string, mode: JwtGuardOptions['locationMatch']): boolean {
  const access = Array.isArray(payload.requested_access) ? payload.requested_access : [];
  return access.some((grant: unknown) => {
    if (typeof grant !== 'object' || grant === null) return false;
    const { type, locations } = grant as { type?: unknown; locations?: unknown };
    if (type !== 'ss12000-api' || !Array.isArray(locations)) return false;
    return locations.some((location) => {
      if (typeof location !== 'string') return false;
      const named = trim(location);
      if (mode === 'string-prefix') return named.startsWith(own);
      return named === own || (mode === 'prefix' && named.startsWith(`${own}/`));
    });
  });
}

/** Checks one bearer token; the JWKS is fetched on first use and cached by jose. */
export function createJwtChecker(
  options: JwtGuardOptions,
): (authorization: string | undefined) => Promise<JwtCheck> {
  let jwks: ReturnType<typeof createRemoteJWKSet> | undefined;
  return async (authorization) => {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
    if (!token)
      return {
        ok: false,
        status: 401,
        code: 'missing_token',
        message: 'Authorization: Bearer <JWT> is required',
      };
    jwks ??= createRemoteJWKSet(new URL(options.jwksUrl));
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, {
        algorithms: ['ES256'],
        currentDate: new Date(options.now()),
      }));
    } catch (error) {
      const reason =
        error instanceof errors.JWTExpired
          ? 'the token has expired'
          : error instanceof errors.JWTClaimValidationFailed
            ? `claim ${error.claim} is not valid now`
            : error instanceof errors.JWKSNoMatchingKey
              ? 'no key in the JWKS matches the token kid'
              : `the token does not verify (${(error as Error).message})`;
      return { ok: false, status: 403, code: 'invalid_token', message: reason };
    }
    if (payload.organization_id !== options.organisationId) {
      return {
        ok: false,
        status: 403,
        code: 'wrong_organisation',
        message: `organization_id must be ${options.organisationId}`,
      };
    }
    const own = trim(options.baseUrl());
    if (!namesLocation(payload, own, options.locationMatch)) {
      return {
        ok: false,
        status: 403,
        code: 'wrong_location',
        message: `requested_access must grant ss12000-api for ${own}`,
      };
    }
    return { ok: true, payload };
  };
}

/** Hono middleware answering 401/403 `{code, message}` (the spec's `Error`) when the token is refused. */
export function jwtGuard(options: JwtGuardOptions): MiddlewareHandler {
  const check = createJwtChecker(options);
  return async (c, next) => {
    const result = await check(c.req.header('authorization'));
    if (!result.ok) return c.json({ code: result.code, message: result.message }, result.status);
    await next();
  };
}
