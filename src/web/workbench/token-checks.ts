// Decodes a JWT and runs, one by one, the checks Skolverket's receivers make, each passed, failed or skipped.
import { compactVerify, decodeJwt, decodeProtectedHeader, importJWK, type JWK } from 'jose';
import { parseOrganisationNumber, toOrganisationId } from '../../mock-auth/index.js';

export type CheckId =
  | 'format'
  | 'alg'
  | 'kid'
  | 'signature'
  | 'iss'
  | 'exp'
  | 'nbf'
  | 'access_type'
  | 'access_location'
  | 'organization_id';

export interface TokenCheck {
  id: CheckId;
  label: string;
  /** `skipped`: there was nothing to judge (an earlier check failed, or nothing was expected). */
  outcome: 'passed' | 'failed' | 'skipped';
  detail: string;
}

export interface TokenExpectation {
  /** The mock's issuer. */
  issuer: string;
  type: string;
  /** The receiver's base URL(s): one must be named by the matching `requested_access` entry. */
  locations: readonly string[];
  /** `SE…` or 10 digits; when absent, only the claim's form is checked. */
  organisationId?: string;
}

export interface TokenReport {
  ok: boolean;
  header?: Record<string, unknown>;
  claims?: Record<string, unknown>;
  checks: TokenCheck[];
}

const LABELS: Record<CheckId, string> = {
  format: 'compact JWS (header.payload.signature)',
  alg: 'alg is ES256',
  kid: 'kid is in the JWKS',
  signature: 'signature verifies with that key',
  iss: 'iss is the authorization server',
  exp: 'exp is in the future',
  nbf: 'nbf is not in the future',
  access_type: 'requested_access names the type',
  access_location: 'requested_access names this API',
  organization_id: 'organization_id is the organisation',
};

const ORDER = Object.keys(LABELS) as CheckId[];
const trimSlash = (url: string) => url.trim().replace(/\/+$/, '');
const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

/**
 * Judges `token` as a receiver would, against the published `jwks`, at `nowMs`.
 * @example const report = await checkToken(jwt, { keys }, Date.now(), { issuer, type: 'provisioning-api', locations: [url] });
 */
export async function checkToken(
  token: string,
  jwks: { keys: JWK[] },
  nowMs: number,
  expected: TokenExpectation,
): Promise<TokenReport> {
  const results = new Map<CheckId, TokenCheck>();
  const set = (id: CheckId, outcome: TokenCheck['outcome'], detail: string) =>
    results.set(id, { id, label: LABELS[id], outcome, detail });
  const finish = (header?: Record<string, unknown>, claims?: Record<string, unknown>): TokenReport => {
    const checks = ORDER.map(
      (id) => results.get(id) ?? { id, label: LABELS[id], outcome: 'skipped' as const, detail: 'not judged' },
    );
    return {
      ok: checks.every((check) => check.outcome !== 'failed') && checks.some((c) => c.outcome === 'passed'),
      ...(header ? { header } : {}),
      ...(claims ? { claims } : {}),
      checks,
    };
  };

  const compact = token.trim();
  let header: Record<string, unknown>;
  let claims: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(compact) as Record<string, unknown>;
    claims = decodeJwt(compact) as Record<string, unknown>;
  } catch (error) {
    set('format', 'failed', `Cannot decode: ${(error as Error).message}`);
    return finish();
  }
  set('format', 'passed', 'three base64url parts, JSON header and claims');

  set('alg', header.alg === 'ES256' ? 'passed' : 'failed', `alg is ${String(header.alg)}`);
  const kid = typeof header.kid === 'string' ? header.kid : undefined;
  const jwk = kid ? jwks.keys.find((key) => key.kid === kid) : undefined;
  set(
    'kid',
    jwk ? 'passed' : 'failed',
    kid ? `kid "${kid}"${jwk ? '' : ' is not among the JWKS keys'}` : 'the header has no kid',
  );
  if (jwk && header.alg === 'ES256') {
    try {
      await compactVerify(compact, await importJWK(jwk, 'ES256'));
      set('signature', 'passed', `ES256 over header.payload with kid "${kid}"`);
    } catch (error) {
      set('signature', 'failed', `does not verify: ${(error as Error).message}`);
    }
  }

  set(
    'iss',
    claims.iss === expected.issuer ? 'passed' : 'failed',
    `iss is ${JSON.stringify(claims.iss)}; expected ${expected.issuer}`,
  );
  const nowSeconds = Math.floor(nowMs / 1000);
  if (typeof claims.exp === 'number') {
    const passed = claims.exp > nowSeconds;
    set('exp', passed ? 'passed' : 'failed', `exp ${iso(claims.exp)}${passed ? '' : ': expired'}`);
  } else set('exp', 'failed', 'no numeric exp claim');
  if (typeof claims.nbf === 'number') {
    const passed = claims.nbf <= nowSeconds;
    set('nbf', passed ? 'passed' : 'failed', `nbf ${iso(claims.nbf)}${passed ? '' : ': not valid yet'}`);
  } else set('nbf', 'failed', 'no numeric nbf claim');

  const grants = Array.isArray(claims.requested_access)
    ? (claims.requested_access as unknown[]).filter(
        (grant): grant is { type: unknown; locations?: unknown } =>
          typeof grant === 'object' && grant !== null,
      )
    : [];
  const ofType = grants.filter((grant) => grant.type === expected.type);
  const named = grants.map((grant) => String(grant.type)).join(', ') || 'nothing';
  set(
    'access_type',
    ofType.length ? 'passed' : 'failed',
    ofType.length ? `names ${expected.type}` : `names ${named}, not ${expected.type}`,
  );
  if (ofType.length) {
    const wanted = expected.locations.map(trimSlash);
    const locations = ofType.flatMap((grant) =>
      Array.isArray(grant.locations) ? grant.locations.map(String) : [],
    );
    const hit = locations.some((location) => wanted.includes(trimSlash(location)));
    set(
      'access_location',
      hit ? 'passed' : 'failed',
      `locations ${JSON.stringify(locations)}; this API is ${wanted[0] ?? '(none given)'}`,
    );
  }

  const organisation = claims.organization_id;
  if (typeof organisation !== 'string' || !/^SE\d{10}$/.test(organisation)) {
    set('organization_id', 'failed', `organization_id ${JSON.stringify(organisation)} is not SE + 10 digits`);
  } else if (expected.organisationId) {
    const number = parseOrganisationNumber(expected.organisationId);
    const wanted = number ? toOrganisationId(number) : expected.organisationId;
    set(
      'organization_id',
      organisation === wanted ? 'passed' : 'failed',
      `organization_id ${organisation}; expected ${wanted}`,
    );
  } else set('organization_id', 'passed', `organization_id ${organisation} (no organisation was expected)`);

  return finish(header, claims);
}
