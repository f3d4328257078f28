// Reads a POST /transaction body as nutid-auth's model does: lenient about access, strict about flags and key forms.
import { z } from 'zod';
import type { AuthFailure } from './auth-errors.js';

/** Proof methods nutid-auth's model accepts, plus the mock's own `insecure-dev`. */
export const PROOF_METHODS = ['mtls', 'jws', 'jwsd', 'httpsig', 'test', 'insecure-dev'] as const;
export type ProofMethod = (typeof PROOF_METHODS)[number];

/** One entry of `access` as nutid-auth keeps it: a string, or an object with `type` and optional members. */
export type RequestedAccess =
  | string
  | {
      type: string;
      actions?: string[];
      locations?: string[];
      datatypes?: string[];
      privileges?: string[];
      identifier?: string;
      scope?: string;
    };

export interface AccessTokenRequest {
  /** Absent: the token carries `requested_access: []`. */
  access?: RequestedAccess[];
  flags?: ('bearer' | 'durable')[];
}

/** `client.key`: a reference (entity id, key name), or a key object with its proof. */
export type ClientKey =
  | { kind: 'reference'; ref: string }
  | {
      kind: 'proof';
      proof: ProofMethod;
      certS256?: string;
      /** `cert`: PEM, or base64 DER without armour. */
      cert?: string;
      /** insecure-dev only. */
      organizationId?: string;
      entityId?: string;
    };

export type TransactionClient = { kind: 'reference'; ref: string } | { kind: 'instance'; key: ClientKey };

export interface TransactionRequest {
  /** `access_token` as a list (one object becomes a list of one). May be empty or hold several. */
  accessTokens: AccessTokenRequest[];
  client: TransactionClient;
}

const stringList = z.array(z.string()).nullish();
const optionalString = z.string().nullish();

const accessObjectSchema = z.looseObject({
  type: z.string(),
  actions: stringList,
  locations: stringList,
  datatypes: stringList,
  privileges: stringList,
  identifier: optionalString,
  scope: optionalString,
});

const accessTokenSchema = z.looseObject({
  access: z.array(z.union([z.string(), accessObjectSchema])).nullish(),
  flags: z.array(z.enum(['bearer', 'durable'])).nullish(),
  label: optionalString,
});

const proofSchema = z.union([z.enum(PROOF_METHODS), z.looseObject({ method: z.enum(PROOF_METHODS) })]);

const keyObjectSchema = z.looseObject({
  proof: proofSchema,
  'cert#S256': optionalString,
  cert: optionalString,
  jwk: z.record(z.string(), z.unknown()).nullish(),
  organization_id: optionalString,
  entity_id: optionalString,
});

const clientObjectSchema = z.looseObject({
  key: z.union([z.string(), keyObjectSchema]),
  class_id: optionalString,
  display: z.unknown().optional(),
});

/** The body model (fields not in it are ignored, as pydantic does). */
export const transactionBodySchema = z.looseObject({
  access_token: z.union([accessTokenSchema, z.array(accessTokenSchema)]),
  client: z.union([z.string(), clientObjectSchema]),
  subject: z.unknown().optional(),
  user: z.unknown().optional(),
  interact: z.unknown().optional(),
});

interface FlatIssue {
  path: PropertyKey[];
  code: string;
  message: string;
  expected?: string;
  values?: unknown[];
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Resolves union issues to the branch that matches the input's shape, the way pydantic reports them. */
function flatten(issue: z.core.$ZodIssue, input: unknown, prefix: PropertyKey[] = []): FlatIssue[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union' && valueAt(input, path) !== undefined) {
    const branches = issue.errors.filter(
      (branch) => !branch.every((sub) => sub.code === 'invalid_type' && sub.path.length === 0),
    );
    const chosen = branches[0] ?? issue.errors[issue.errors.length - 1] ?? [];
    return chosen.flatMap((sub) => flatten(sub, input, path));
  }
  const flat: FlatIssue = { path, code: issue.code, message: issue.message };
  if (issue.code === 'invalid_type') flat.expected = String(issue.expected);
  if (issue.code === 'invalid_value') flat.values = [...issue.values];
  return [flat];
}

const pyRepr = (value: unknown): string =>
  typeof value === 'string' ? `'${value}'` : value === undefined ? 'None' : JSON.stringify(value);

const TYPE_NAMES: Record<string, [string, string]> = {
  string: ['string_type', 'Input should be a valid string'],
  array: ['list_type', 'Input should be a valid list'],
  object: ['model_type', 'Input should be a valid dictionary or object to extract fields from'],
  number: ['int_type', 'Input should be a valid integer'],
};

/** One issue in pydantic's words: `{'type': …, 'loc': ('body', …), 'msg': …, 'input': …}`. */
function describeIssue(issue: FlatIssue, body: unknown): string {
  const value = valueAt(body, issue.path);
  let type = issue.code;
  let msg = issue.message;
  if (value === undefined) {
    type = 'missing';
    msg = 'Field required';
  } else if (issue.code === 'invalid_type' && issue.expected && TYPE_NAMES[issue.expected]) {
    [type, msg] = TYPE_NAMES[issue.expected] as [string, string];
  } else if (issue.code === 'invalid_value' && issue.values) {
    type = 'enum';
    msg = `Input should be ${issue.values.map((v) => `'${String(v)}'`).join(' or ')}`;
  }
  const loc = ['body', ...issue.path].map((key) =>
    typeof key === 'number' ? String(key) : `'${String(key)}'`,
  );
  const input = value === undefined ? valueAt(body, issue.path.slice(0, -1)) : value;
  return `{'type': '${type}', 'loc': (${loc.join(', ')}), 'msg': '${msg}', 'input': ${pyRepr(input)}}`;
}

/** nutid-auth's validation answer: `400 invalid_request` with the errors as text (not a stable format). */
export function validationFailure(issues: FlatIssue[], body: unknown, hint?: string): AuthFailure {
  const count = issues.length;
  const text = `${count} validation error${count === 1 ? '' : 's'}: ${issues.map((issue) => describeIssue(issue, body)).join(' ')}`;
  return { reason: 'validation_error', description: text, ...(hint ? { hint } : {}) };
}

/** A validation failure for a body that is not a JSON object at all. */
export function bodyNotAnObject(body: unknown, why: string): AuthFailure {
  const input = body === undefined ? 'None' : pyRepr(body);
  return {
    reason: 'validation_error',
    description: `1 validation error: {'type': 'model_attributes_type', 'loc': ('body',), 'msg': 'Input should be a valid dictionary or object to extract fields from', 'input': ${input}}`,
    hint: why,
  };
}

function cleanAccess(entry: string | z.output<typeof accessObjectSchema>): RequestedAccess {
  if (typeof entry === 'string') return entry;
  // Model order, unknown and null members dropped (what nutid-auth echoes in `access`).
  const out: Exclude<RequestedAccess, string> = { type: entry.type };
  for (const name of ['actions', 'locations', 'datatypes', 'privileges'] as const) {
    const list = entry[name];
    if (list !== null && list !== undefined) out[name] = [...list];
  }
  if (entry.identifier !== null && entry.identifier !== undefined) out.identifier = entry.identifier;
  if (entry.scope !== null && entry.scope !== undefined) out.scope = entry.scope;
  return out;
}

function readKey(key: string | z.output<typeof keyObjectSchema>): ClientKey {
  if (typeof key === 'string') return { kind: 'reference', ref: key };
  const proof = typeof key.proof === 'string' ? key.proof : key.proof.method;
  return {
    kind: 'proof',
    proof,
    ...(typeof key['cert#S256'] === 'string' ? { certS256: key['cert#S256'] } : {}),
    ...(typeof key.cert === 'string' ? { cert: key.cert } : {}),
    ...(typeof key.organization_id === 'string' ? { organizationId: key.organization_id } : {}),
    ...(typeof key.entity_id === 'string' ? { entityId: key.entity_id } : {}),
  };
}

const EXAMPLE =
  '{"access_token":[{"access":[{"type":"provisioning-api","locations":["<API base URL>"]}],"flags":["bearer"]}],"client":{"key":"<entity id>"}}';

/** Validates a parsed JSON body against nutid-auth's model; every problem is listed, as pydantic does. */
export function parseTransactionRequest(body: unknown): TransactionRequest | AuthFailure {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return bodyNotAnObject(body, `The body must be a JSON object like ${EXAMPLE}`);
  }
  const parsed = transactionBodySchema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.flatMap((issue) => flatten(issue, body));
    return validationFailure(issues, body, `The request does not match nutid-auth's model; e.g. ${EXAMPLE}`);
  }
  const raw = parsed.data.access_token;
  const accessTokens = (Array.isArray(raw) ? raw : [raw]).map((request) => {
    const out: AccessTokenRequest = {};
    if (request.access) out.access = request.access.map(cleanAccess);
    if (request.flags) out.flags = [...request.flags];
    return out;
  });
  const client: TransactionClient =
    typeof parsed.data.client === 'string'
      ? { kind: 'reference', ref: parsed.data.client }
      : { kind: 'instance', key: readKey(parsed.data.client.key) };
  return { accessTokens, client };
}
