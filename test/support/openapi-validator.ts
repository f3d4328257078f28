// Checks an HTTP answer (status, JSON body, headers) against one of Skolverket's official OpenAPI 3.0 files.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

export type SpecName = 'open-data' | 'provisioning' | 'ss12000';

export interface SpecValidationResult {
  valid: boolean;
  errors: string[];
}

type HeaderValues = Record<string, string | string[] | undefined>;

/** Spec files, as published, in the sibling `shared/spec/` folder (never modified). */
const SPEC_FILES: Record<SpecName, string> = {
  'open-data': 'open-data-api-1.0.0.yaml',
  provisioning: 'provisioning-api-1.3.2.yaml',
  ss12000: 'ss12000-dnp-subset-api.yaml',
};

/** test/support/ → repo root → its parent, where `shared/` sits next to the clone. */
const SPEC_DIR = new URL('../../../shared/spec/', import.meta.url);

const SPEC_ID_BASE = 'https://provtjanst-mock.invalid/spec/';

/**
 * Header schemas the validator relaxes, with the reason. Provisioning 1.3.2 declares
 * `x-ratelimit-reset` as `integer` while its own description says "`0.5` innebär att kvoten
 * återställs om en halv sekund"; dnp-facts §3 says a client must accept both, so a fractional
 * value is not a contract breach.
 */
const HEADER_SCHEMA_OVERRIDES: Record<string, Record<string, unknown>> = {
  'x-ratelimit-reset': { type: 'number', minimum: 0 },
};

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

type JsonObject = Record<string, unknown>;

interface LoadedSpec {
  id: string;
  doc: JsonObject;
  ajv: Ajv;
  validators: Map<string, ValidateFunction>;
}

type FormatsPlugin = (ajv: Ajv) => Ajv;
// ajv-formats is CommonJS: NodeNext types its default import as the module object, while at run time it is
// the plugin function itself (which also carries a `default` pointing to itself).
const addFormats = ((addFormatsModule as unknown as { default?: FormatsPlugin }).default ??
  addFormatsModule) as unknown as FormatsPlugin;

const loaded = new Map<SpecName, LoadedSpec>();

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The published ss12000 file continues some double-quoted scalars on a line indented no deeper
 * than their key (`- description: "…(RFC 3339\` / `  \ format…"`). Lenient parsers accept that;
 * the `yaml` package (YAML 1.2, strict) does not. Leading blanks of a quoted scalar's continuation
 * line are discarded, so indenting those lines two more spaces changes no value.
 */
function normaliseQuotedContinuations(source: string): string {
  const lines = source.split('\n');
  for (let i = 1; i < lines.length; i += 1) {
    if ((lines[i - 1] ?? '').endsWith('\\')) lines[i] = `  ${lines[i] ?? ''}`;
  }
  return lines.join('\n');
}

function loadSpec(spec: SpecName): LoadedSpec {
  const cached = loaded.get(spec);
  if (cached) return cached;
  const file = SPEC_FILES[spec];
  const path = fileURLToPath(new URL(file, SPEC_DIR));
  const doc: unknown = parse(normaliseQuotedContinuations(readFileSync(path, 'utf8')));
  if (!isObject(doc) || !isObject(doc.paths)) throw new TypeError(`${path} is not an OpenAPI document`);
  // strict: false ignores OpenAPI-only keywords (example, discriminator, xml…); nullable is native.
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  const id = `${SPEC_ID_BASE}${file}`;
  ajv.addSchema(doc, id);
  const result: LoadedSpec = { id, doc, ajv, validators: new Map() };
  loaded.set(spec, result);
  return result;
}

function encodePointer(segments: string[]): string {
  return segments.map((s) => encodeURIComponent(s.replaceAll('~', '~0').replaceAll('/', '~1'))).join('/');
}

function resolveLocalRef(doc: JsonObject, ref: string): { value: unknown; pointer: string[] } {
  if (!ref.startsWith('#/')) throw new TypeError(`only local $refs are supported, got ${ref}`);
  const pointer = ref
    .slice(2)
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
  let value: unknown = doc;
  for (const segment of pointer) value = isObject(value) ? value[segment] : undefined;
  return { value, pointer };
}

/** Follows `$ref` chains of a non-schema object (response, header), keeping its JSON pointer. */
function deref(doc: JsonObject, value: unknown, pointer: string[]): { value: unknown; pointer: string[] } {
  let current = { value, pointer };
  for (let hops = 0; isObject(current.value) && typeof current.value.$ref === 'string'; hops += 1) {
    if (hops > 20) throw new TypeError(`$ref cycle at ${pointer.join('/')}`);
    current = resolveLocalRef(doc, current.value.$ref);
  }
  return current;
}

function validatorAt(loadedSpec: LoadedSpec, pointer: string[]): ValidateFunction {
  const ref = `${loadedSpec.id}#/${encodePointer(pointer)}`;
  let validate = loadedSpec.validators.get(ref);
  if (!validate) {
    validate = loadedSpec.ajv.compile({ $ref: ref });
    loadedSpec.validators.set(ref, validate);
  }
  return validate;
}

function overrideValidator(loadedSpec: LoadedSpec, header: string): ValidateFunction | undefined {
  const schema = HEADER_SCHEMA_OVERRIDES[header];
  if (!schema) return undefined;
  const key = `override:${header}`;
  let validate = loadedSpec.validators.get(key);
  if (!validate) {
    validate = loadedSpec.ajv.compile(schema);
    loadedSpec.validators.set(key, validate);
  }
  return validate;
}

function formatErrors(where: string, validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map((e) => {
    const params =
      e.keyword === 'additionalProperties' || e.keyword === 'enum' ? ` ${JSON.stringify(e.params)}` : '';
    return `${where}${e.instancePath || ''} ${e.message ?? e.keyword}${params}`;
  });
}

function schemaType(doc: JsonObject, schema: unknown): string | undefined {
  const resolved =
    isObject(schema) && typeof schema.$ref === 'string' ? resolveLocalRef(doc, schema.$ref).value : schema;
  return isObject(resolved) && typeof resolved.type === 'string' ? resolved.type : undefined;
}

/** Header values arrive as strings; turn them into what the schema's type expects. */
function coerceHeader(raw: string, type: string | undefined): unknown {
  if ((type === 'integer' || type === 'number') && raw.trim() !== '' && Number.isFinite(Number(raw))) {
    return Number(raw);
  }
  if (type === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw;
}

function findOperation(
  doc: JsonObject,
  method: string,
  pathTemplate: string,
): { op: JsonObject; pointer: string[] } {
  const paths = doc.paths as JsonObject;
  const item = paths[pathTemplate];
  const m = method.toLowerCase();
  if (!isObject(item)) {
    throw new TypeError(`path ${pathTemplate} is not in the spec (known: ${Object.keys(paths).join(', ')})`);
  }
  const op = item[m];
  if (!HTTP_METHODS.has(m) || !isObject(op))
    throw new TypeError(`${method.toUpperCase()} ${pathTemplate} is not in the spec`);
  return { op, pointer: ['paths', pathTemplate, m] };
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
  const loadedSpec = loadSpec(spec);
  const { doc } = loadedSpec;
  const { op, pointer } = findOperation(doc, method, pathTemplate);
  const responses = isObject(op.responses) ? op.responses : {};
  const statusKey = [String(status), `${String(status).charAt(0)}XX`, 'default'].find((k) => k in responses);
  const label = `${method.toUpperCase()} ${pathTemplate}`;
  if (statusKey === undefined) {
    return {
      valid: false,
      errors: [
        `status ${status} is not declared for ${label} (declared: ${Object.keys(responses).join(', ')})`,
      ],
    };
  }
  const response = deref(doc, responses[statusKey], [...pointer, 'responses', statusKey]);
  if (!isObject(response.value)) throw new TypeError(`response ${statusKey} of ${label} is not an object`);
  const errors: string[] = [];

  const content = response.value.content;
  if (isObject(content)) {
    const mediaKey = Object.keys(content).find((k) => k.toLowerCase().startsWith('application/json'));
    const media = mediaKey === undefined ? undefined : content[mediaKey];
    if (mediaKey !== undefined && isObject(media) && media.schema !== undefined) {
      const validate = validatorAt(loadedSpec, [...response.pointer, 'content', mediaKey, 'schema']);
      if (!validate(body)) errors.push(...formatErrors('body', validate));
    }
  }

  const declaredHeaders = response.value.headers;
  if (isObject(declaredHeaders) && headers) {
    const given = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    for (const name of Object.keys(declaredHeaders)) {
      const rawValue = given.get(name.toLowerCase());
      const raw = Array.isArray(rawValue) ? rawValue[0] : rawValue;
      if (raw === undefined) continue;
      const header = deref(doc, declaredHeaders[name], [...response.pointer, 'headers', name]);
      if (!isObject(header.value) || header.value.schema === undefined) continue;
      const validate =
        overrideValidator(loadedSpec, name.toLowerCase()) ??
        validatorAt(loadedSpec, [...header.pointer, 'schema']);
      const value = coerceHeader(raw, schemaType(doc, header.value.schema));
      if (!validate(value)) errors.push(...formatErrors(`header ${name}=${JSON.stringify(raw)}`, validate));
    }
  }
  return { valid: errors.length === 0, errors };
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
