// Test helper: checks an HTTP answer against one of Skolverket's official OpenAPI files (src/spec does the work).
import { fileURLToPath } from 'node:url';
import {
  type HeaderValues,
  loadOpenApiFile,
  type OpenApiValidator,
  type SpecValidationResult,
} from '../../src/spec/openapi-validator.js';

export type SpecName = 'open-data' | 'provisioning' | 'ss12000';
export type { SpecValidationResult };

/** Skolverket's official spec files, shipped byte-identical in the project's `spec/` folder. */
const SPEC_FILES: Record<SpecName, string> = {
  'open-data': 'open-data-api-1.0.0.yaml',
  provisioning: 'provisioning-api-1.3.2.yaml',
  ss12000: 'ss12000-dnp-subset-api.yaml',
};

/** test/support/ → repo root → spec/. */
const SPEC_DIR = new URL('../../spec/', import.meta.url);

/**
 * Header schemas the validator relaxes, with the reason. Provisioning 1.3.2 declares
 * `x-ratelimit-reset` as `integer` while its own description says "`0.5` innebär att kvoten
 * återställs om en halv sekund"; dnp-facts §3 says a client must accept both, so a fractional
 * value is not a contract breach.
 */
const HEADER_SCHEMA_OVERRIDES: Record<string, Record<string, unknown>> = {
  'x-ratelimit-reset': { type: 'number', minimum: 0 },
};

const loaded = new Map<SpecName, OpenApiValidator>();

function specValidator(spec: SpecName): OpenApiValidator {
  let validator = loaded.get(spec);
  if (!validator) {
    const file = SPEC_FILES[spec];
    validator = loadOpenApiFile(fileURLToPath(new URL(file, SPEC_DIR)), file, {
      headerOverrides: HEADER_SCHEMA_OVERRIDES,
    });
    loaded.set(spec, validator);
  }
  return validator;
}

/**
 * Validates one answer against the operation `method pathTemplate` of `spec`.
 * `pathTemplate` is the spec's own path key, relative to its server URL (e.g. `/organisations/{id}`).
 * An undeclared status falls back to the operation's `default` response, if it has one.
 * A path or method the spec does not declare is a programmer error and throws TypeError.
 *
 * @example validateAgainstSpec('open-data', 'GET', '/programmes/{id}', 404, { code: 404, message: 'x', timeStamp: '…' })
 */
export function validateAgainstSpec(
  spec: SpecName,
  method: string,
  pathTemplate: string,
  status: number,
  body: unknown,
  headers?: HeaderValues,
): SpecValidationResult {
  return specValidator(spec).validate(method, pathTemplate, status, body, headers);
}

function toHeaderValues(headers: Record<string, unknown> | undefined): HeaderValues | undefined {
  if (!headers) return undefined;
  const out: HeaderValues = {};
  for (const [k, v] of Object.entries(headers)) {
    if (typeof v === 'string' || v === undefined) out[k] = v;
    else if (Array.isArray(v)) out[k] = v.map(String);
    else out[k] = String(v);
  }
  return out;
}

/**
 * Throws an Error listing every mismatch when `res` does not satisfy the spec (wrong body, wrong
 * header value, or a status the operation does not declare and no `default` covers).
 *
 * @example
 * const res = await request(server).get('/provtjanst/open-data/v1/alive');
 * expectMatchesSpec('open-data', 'GET', '/alive', res);
 */
export function expectMatchesSpec(
  spec: SpecName,
  method: string,
  pathTemplate: string,
  res: { status: number; body: unknown; headers?: Record<string, unknown> },
): void {
  const result = validateAgainstSpec(
    spec,
    method,
    pathTemplate,
    res.status,
    res.body,
    toHeaderValues(res.headers),
  );
  if (result.valid) return;
  const shown = JSON.stringify(res.body);
  const excerpt = shown !== undefined && shown.length > 600 ? `${shown.slice(0, 600)}…` : shown;
  throw new Error(
    `${spec}: ${method.toUpperCase()} ${pathTemplate} → ${res.status} does not match the spec:\n  - ${result.errors.join(
      '\n  - ',
    )}\n  body: ${excerpt}`,
  );
}
