// GNAP-style errors of POST /transaction: each mock reason code with its HTTP status and GNAP error code.
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';

/** GNAP error codes (RFC 9635 §3.6) the mock uses. */
export type GnapErrorCode = 'invalid_request' | 'invalid_client' | 'invalid_flag' | 'request_denied';

/**
 * Why a token request was refused. Statuses follow Sunet's auth server: requests it cannot read are 400;
 * clients it cannot authenticate are 401 `request_denied` (its answer to a certificate from an unknown CA).
 */
export const AUTH_ERRORS = {
  malformed_json: { status: 400, code: 'invalid_request' },
  invalid_request_body: { status: 400, code: 'invalid_request' },
  payload_too_large: { status: 413, code: 'invalid_request' },
  missing_access: { status: 400, code: 'invalid_request' },
  multiple_access_tokens: { status: 400, code: 'invalid_request' },
  unknown_access_type: { status: 400, code: 'invalid_request' },
  missing_locations: { status: 400, code: 'invalid_request' },
  invalid_location: { status: 400, code: 'invalid_request' },
  unsupported_flag: { status: 400, code: 'invalid_flag' },
  missing_client_key: { status: 400, code: 'invalid_client' },
  invalid_client_key: { status: 400, code: 'invalid_client' },
  insecure_dev_auth_disabled: { status: 400, code: 'invalid_client' },
  https_required: { status: 401, code: 'request_denied' },
  no_client_certificate: { status: 401, code: 'request_denied' },
  unknown_ca: { status: 401, code: 'request_denied' },
  certificate_expired: { status: 401, code: 'request_denied' },
  untrusted_certificate: { status: 401, code: 'request_denied' },
  thumbprint_mismatch: { status: 401, code: 'request_denied' },
  no_organisation_in_certificate: { status: 401, code: 'request_denied' },
  unknown_entity: { status: 401, code: 'request_denied' },
  pin_mismatch: { status: 401, code: 'request_denied' },
  no_organisation_in_metadata: { status: 401, code: 'request_denied' },
} as const satisfies Record<string, { status: 400 | 401 | 413; code: GnapErrorCode }>;

export type AuthErrorReason = keyof typeof AUTH_ERRORS;

/** A refusal: the stable reason and a sentence telling the client what to do. */
export interface AuthFailure {
  reason: AuthErrorReason;
  description: string;
}

/** Body of every refusal: `{"error":{"code","description","reason"}}`. */
export interface GnapErrorBody {
  error: { code: GnapErrorCode; description: string; reason: string };
}

export function gnapErrorBody(failure: AuthFailure): GnapErrorBody {
  return {
    error: {
      code: AUTH_ERRORS[failure.reason].code,
      description: failure.description,
      reason: failure.reason,
    },
  };
}

/** Answers a refusal with its status and GNAP body, and notes the reason in the journal. */
export function respondWithAuthFailure(c: Context<AppEnv>, failure: AuthFailure): Response {
  const annotations = c.get('journal');
  if (annotations) annotations.notes = { ...annotations.notes, authError: failure.reason };
  return c.json(gnapErrorBody(failure), AUTH_ERRORS[failure.reason].status);
}
