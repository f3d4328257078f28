// Reads a POST /transaction body (dnp-facts §1) with zod, turning the first problem into a stable reason code.
import { z } from 'zod';
import { ACCESS_TYPES, type AccessGrant } from './access-token.js';
import type { AuthFailure } from './auth-errors.js';
import { parseOrganisationNumber } from './organisation-number.js';

/** What `client.key` says about who the client is. */
export type ClientKey =
  | { kind: 'entity'; entityId: string }
  | { kind: 'mtls'; thumbprint: string }
  | { kind: 'insecure-dev'; organisationNumber: string; entityId?: string };

export interface TransactionRequest {
  access: AccessGrant[];
  key: ClientKey;
}

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' });

const accessEntrySchema = z.looseObject({
  type: z.enum(ACCESS_TYPES),
  locations: z.array(httpUrl).min(1),
});

const accessTokenRequestSchema = z.looseObject({
  access: z.array(accessEntrySchema).min(1),
  // Absent flags are accepted as bearer (interpretation: the mock only issues bearer tokens).
  flags: z.array(z.literal('bearer')).optional(),
  label: z.string().optional(),
});

/** The body: `access_token` is one request object or an array of exactly one (GNAP allows both). */
export const transactionBodySchema = z.looseObject({
  access_token: z.preprocess(
    (value) => (value && typeof value === 'object' && !Array.isArray(value) ? [value] : value),
    z.array(accessTokenRequestSchema).min(1).max(1),
  ),
  client: z.looseObject({
    key: z.unknown().refine((key) => key !== undefined && key !== null, 'is required'),
  }),
});

const base64Digest = /^[A-Za-z0-9+/_-]{43}={0,1}$/;
const mtlsKeySchema = z.looseObject({
  'cert#S256': z
    .string()
    .regex(base64Digest, 'must be the base64 SHA-256 of the certificate (43-44 characters)'),
});
const insecureKeySchema = z.looseObject({
  organization_id: z.string(),
  entity_id: z.string().min(1).optional(),
});

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) =>
      typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key),
    '',
  );
}

const EXAMPLE =
  '{"access_token":[{"access":[{"type":"provisioning-api","locations":["<API base URL>"]}],"flags":["bearer"]}],"client":{"key":"<entity id>"}}';

/** Maps one zod issue to the reason a client can act on. */
function failureForIssue(issue: z.core.$ZodIssue, input: unknown): AuthFailure {
  const path = issue.path;
  const where = pathText(path);
  const last = path[path.length - 1];
  const value = valueAt(input, path);
  if (path.length === 0)
    return { reason: 'invalid_request_body', description: `The body must be a JSON object like ${EXAMPLE}` };
  if (path[0] === 'client') {
    const missing =
      valueAt(input, ['client', 'key']) === undefined || valueAt(input, ['client', 'key']) === null;
    return missing
      ? {
          reason: 'missing_client_key',
          description: 'client.key is required: a federation entity id, or {"proof":"mtls","cert#S256":"…"}',
        }
      : { reason: 'invalid_client_key', description: `${where}: ${issue.message}` };
  }
  if (path.length === 1) {
    if (issue.code === 'too_big') {
      return {
        reason: 'multiple_access_tokens',
        description: 'Ask for one access token per request (access_token holds one object)',
      };
    }
    return {
      reason: 'invalid_request_body',
      description: `access_token is required: ${issue.message}; e.g. ${EXAMPLE}`,
    };
  }
  if (path.includes('locations')) {
    const locations = last === 'locations' ? value : undefined;
    if (
      last === 'locations' &&
      (locations === undefined || locations === null || (Array.isArray(locations) && locations.length === 0))
    ) {
      return {
        reason: 'missing_locations',
        description: `${where} is required: the base URL(s) of the API the token is for`,
      };
    }
    return {
      reason: 'invalid_location',
      description: `${where} ${issue.message.startsWith('must') ? issue.message : `must be an array of absolute http(s) URLs (${issue.message})`}`,
    };
  }
  if (last === 'type') {
    return {
      reason: 'unknown_access_type',
      description: `${where} is ${value === undefined ? 'missing' : JSON.stringify(value)}; it must be one of ${ACCESS_TYPES.join(', ')}`,
    };
  }
  if (path.includes('flags')) {
    return {
      reason: 'unsupported_flag',
      description: `${where}: the mock issues bearer tokens only; send "flags":["bearer"]`,
    };
  }
  if (last === 'access') {
    return {
      reason: 'missing_access',
      description: `${where} must list at least one {"type","locations"} entry`,
    };
  }
  return { reason: 'invalid_request_body', description: `${where}: ${issue.message}` };
}

/** Reads `client.key`: an entity id, an mtls proof with cert#S256, or (insecure-dev) an organisation id. */
export function parseClientKey(key: unknown): ClientKey | AuthFailure {
  if (typeof key === 'string') {
    return key.trim()
      ? { kind: 'entity', entityId: key.trim() }
      : { reason: 'missing_client_key', description: 'client.key is an empty string' };
  }
  if (!key || typeof key !== 'object' || Array.isArray(key)) {
    return {
      reason: 'invalid_client_key',
      description: 'client.key must be an entity id string or {"proof":"mtls","cert#S256":"…"}',
    };
  }
  const rawProof = (key as { proof?: unknown }).proof;
  // GNAP drafts spell proof as a string; RFC 9635 as {"method": …}. Both are read.
  const proof =
    typeof rawProof === 'object' && rawProof !== null ? (rawProof as { method?: unknown }).method : rawProof;
  if (proof === 'mtls') {
    const parsed = mtlsKeySchema.safeParse(key);
    if (!parsed.success)
      return {
        reason: 'invalid_client_key',
        description: `client.key["cert#S256"] ${parsed.error.issues[0]?.message ?? 'is invalid'}`,
      };
    return { kind: 'mtls', thumbprint: parsed.data['cert#S256'] };
  }
  if (proof === 'insecure-dev') {
    const parsed = insecureKeySchema.safeParse(key);
    const number = parsed.success ? parseOrganisationNumber(parsed.data.organization_id) : undefined;
    if (!parsed.success || !number) {
      return {
        reason: 'invalid_client_key',
        description: 'client.key.organization_id must be an organisation number, e.g. "SE5567044268"',
      };
    }
    return {
      kind: 'insecure-dev',
      organisationNumber: number,
      ...(parsed.data.entity_id ? { entityId: parsed.data.entity_id } : {}),
    };
  }
  return {
    reason: 'invalid_client_key',
    description: `client.key.proof ${proof === undefined ? 'is missing' : `"${String(proof)}" is not supported`}; use "mtls" (or a federation entity id string)`,
  };
}

/** Validates a parsed JSON body; the first problem found decides the reason. */
export function parseTransactionRequest(body: unknown): TransactionRequest | AuthFailure {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { reason: 'invalid_request_body', description: `The body must be a JSON object like ${EXAMPLE}` };
  }
  const parsed = transactionBodySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return issue
      ? failureForIssue(issue, body)
      : { reason: 'invalid_request_body', description: 'Invalid request' };
  }
  const key = parseClientKey(parsed.data.client.key);
  if ('reason' in key) return key;
  const request = parsed.data.access_token[0];
  const access = (request?.access ?? []).map(({ type, locations }) => ({ type, locations }));
  return { access, key };
}
