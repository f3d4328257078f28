// Decodes a POST /transaction body by Content-Type as nutid-auth (FastAPI) does: JSON, a JOSE-wrapped request, or nothing.
import type { AuthFailure } from './auth-errors.js';

export type DecodedBody =
  | { kind: 'json'; value: unknown; viaJws: boolean }
  | { kind: 'failure'; failure: AuthFailure }
  /** Bytes that are not UTF-8: FastAPI's own 400 `{"detail":…}`. */
  | { kind: 'undecodable'; why: string };

const validation = (entry: string, hint: string): DecodedBody => ({
  kind: 'failure',
  failure: { reason: 'validation_error', description: `1 validation error: ${entry}`, hint },
});

function mediaType(contentType: string | undefined): string | undefined {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type ? type : undefined;
}

/** The payload of a compact or JSON-serialised JWS, unverified (only JWS-proof flows would check it). */
function jwsPayload(text: string): unknown {
  const trimmed = text.trim();
  let encoded: string | undefined;
  if (/^[\w-]*\.[\w-]*\.[\w-]*$/.test(trimmed)) encoded = trimmed.split('.')[1];
  else {
    try {
      const json = JSON.parse(trimmed) as { payload?: unknown };
      if (typeof json?.payload === 'string') encoded = json.payload;
    } catch {
      encoded = undefined;
    }
  }
  if (encoded === undefined) return undefined;
  try {
    return JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Reads the body: JSON when Content-Type is absent, `application/json` or `…+json`; the payload of a JWS with
 * `application/jose(+json)`; with any other type the body is not read, so validation fails on it.
 */
export function decodeTransactionBody(bytes: Uint8Array, contentType: string | undefined): DecodedBody {
  const type = mediaType(contentType);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { kind: 'undecodable', why: 'The body is not valid UTF-8' };
  }
  if (type === 'application/jose' || type === 'application/jose+json') {
    const payload = jwsPayload(text);
    if (payload === undefined) {
      return {
        kind: 'failure',
        failure: {
          reason: 'jws_not_deserialized',
          hint: `Content-Type ${type} announces a JWS, but the body is none; send JSON with Content-Type application/json`,
        },
      };
    }
    return { kind: 'json', value: payload, viaJws: true };
  }
  if (type !== undefined && type !== 'application/json' && !type.endsWith('+json')) {
    return validation(
      "{'type': 'missing', 'loc': ('body',), 'msg': 'Field required', 'input': None}",
      `Content-Type ${type} is not read as JSON; send Content-Type: application/json`,
    );
  }
  try {
    return { kind: 'json', value: JSON.parse(text), viaJws: false };
  } catch (error) {
    return validation(
      `{'type': 'json_invalid', 'loc': ('body', 0), 'msg': 'JSON decode error', 'input': {}, 'ctx': {'error': '${(error as Error).message.replace(/'/g, '"')}'}}`,
      `The body is not valid JSON: ${(error as Error).message}`,
    );
  }
}
