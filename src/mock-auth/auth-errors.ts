// The answers of POST /transaction that are not a token: nutid-auth's status, GNAP code and description per reason.
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';

/** GNAP error codes (RFC 9635 §3.6) nutid-auth sends from /transaction. */
export type GnapErrorCode = 'invalid_request' | 'invalid_client' | 'request_denied';

/** nutid-auth's description when no flow accepts the request (every fall-through). */
export const PERMISSION_DENIED = 'permission denied';

const denied = { status: 401, code: 'request_denied', description: PERMISSION_DENIED } as const;

/**
 * Every refusal, by the mock's reason code, with nutid-auth's status, GNAP code and description
 * (nutid-auth.md §5). `description: undefined` means the text depends on the request (validation errors, and
 * the mock's own extras). The fall-through reasons all answer 401 `request_denied` "permission denied", as
 * nutid-auth does; the `reason` member (the mock's extra) says which check sent the request on.
 */
export const AUTH_ERRORS = {
  jws_not_deserialized: { status: 400, code: 'invalid_client', description: 'JWS could not be deserialized' },
  validation_error: { status: 400, code: 'invalid_request', description: undefined },
  bearer_flag_required: {
    status: 400,
    code: 'invalid_request',
    description: 'key-bound access tokens are not supported, request the bearer flag',
  },
  insecure_dev_auth_disabled: { status: 400, code: 'invalid_request', description: undefined },
  payload_too_large: { status: 413, code: 'invalid_request', description: undefined },
  certificate_expired: {
    status: 401,
    code: 'invalid_request',
    description: 'client certificate expired or not yet valid',
  },
  certificate_revoked: { status: 401, code: 'invalid_request', description: 'client certificate revoked' },
  missing_organization_id: {
    status: 401,
    code: 'invalid_request',
    description: 'missing organization id in client certificate',
  },
  https_required: denied,
  no_client_certificate: denied,
  unparseable_certificate: denied,
  client_by_reference: denied,
  key_form_not_accepted: denied,
  unsupported_proof: denied,
  missing_thumbprint: denied,
  thumbprint_mismatch: denied,
  unknown_ca: denied,
  unknown_entity: denied,
  federation_metadata_unusable: denied,
  federation_metadata_expired: denied,
  certificate_not_listed: denied,
  multiple_access_tokens: denied,
  bad_configuration: { status: 500, code: 'invalid_request', description: 'bad configuration' },
} as const satisfies Record<
  string,
  { status: 400 | 401 | 413 | 500; code: GnapErrorCode; description: string | undefined }
>;

export type AuthErrorReason = keyof typeof AUTH_ERRORS;

/** A refusal: the stable reason, the description when it is not fixed, and the mock's hint for a human. */
export interface AuthFailure {
  reason: AuthErrorReason;
  /** Required for reasons whose description is not fixed; ignored otherwise. */
  description?: string;
  /** What the mock knows about the cause and the fix (sent as `hint`, an extra member like `reason`). */
  hint?: string;
}

/** Body of every refusal: `{"error":{"code","description","reason","hint"?}}`. */
export interface GnapErrorBody {
  error: { code: GnapErrorCode; description: string; reason: string; hint?: string };
}

export function gnapErrorBody(failure: AuthFailure): GnapErrorBody {
  const spec = AUTH_ERRORS[failure.reason];
  return {
    error: {
      code: spec.code,
      description: spec.description ?? failure.description ?? failure.reason,
      reason: failure.reason,
      ...(failure.hint ? { hint: failure.hint } : {}),
    },
  };
}

function note(c: Context<AppEnv>, facts: Record<string, unknown>): void {
  const annotations = c.get('journal');
  if (annotations) annotations.notes = { ...annotations.notes, ...facts };
}

/** Answers a refusal with its status, GNAP body and `Cache-Control: no-store`, noting the reason in the journal. */
export function respondWithAuthFailure(c: Context<AppEnv>, failure: AuthFailure): Response {
  note(c, { authError: failure.reason, ...(failure.hint ? { authHint: failure.hint } : {}) });
  c.header('cache-control', 'no-store');
  return c.json(gnapErrorBody(failure), AUTH_ERRORS[failure.reason].status);
}

/**
 * nutid-auth's unhandled errors (a SITHS/EFOS serialNumber without exactly one "-", a CA certificate without
 * CN, `access_token: []`): a plain-text 500, reproduced because a client meets it there too.
 */
export function respondWithInternalError(c: Context<AppEnv>, why: string): Response {
  note(c, { authError: 'internal_server_error', authHint: why });
  return c.text('Internal Server Error', 500, { 'cache-control': 'no-store' });
}

/** FastAPI's answer to body bytes it cannot decode: `400 {"detail":"There was an error parsing the body"}`. */
export function respondWithBodyParseError(c: Context<AppEnv>, why: string): Response {
  note(c, { authError: 'body_not_decodable', authHint: why });
  c.header('cache-control', 'no-store');
  return c.json({ detail: 'There was an error parsing the body' }, 400);
}
