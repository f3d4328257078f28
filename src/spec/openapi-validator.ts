// Validates HTTP answers (status, JSON body, headers) against an OpenAPI 3.0 document with ajv: used at run time by the conformance runner and by the tests.
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

export interface SpecValidationResult {
  valid: boolean;
  errors: string[];
}

export type HeaderValues = Record<string, string | string[] | undefined>;

type JsonObject = Record<string, unknown>;
type FormatsPlugin = (ajv: Ajv) => Ajv;

// ajv-formats is CommonJS: NodeNext types its default import as the module object, while at run time it is
// the plugin function itself (which also carries a `default` pointing to itself).
const addFormats = ((addFormatsModule as unknown as { default?: FormatsPlugin }).default ??
  addFormatsModule) as unknown as FormatsPlugin;

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
const SPEC_ID_BASE = 'https://provtjanst-mock.invalid/spec/';

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The published ss12000 file continues some double-quoted scalars on a line indented no deeper than their
 * key (`- description: "…(RFC 3339\` / `  \ format…"`). Lenient parsers accept that; the `yaml` package
 * (YAML 1.2, strict) does not. Leading blanks of a quoted scalar's continuation line are discarded, so
 * indenting those lines two more spaces changes no value.
 */
export function repairQuotedContinuations(source: string): string {
  const lines = source.split('\n');
  for (let i = 1; i < lines.length; i += 1) {
    if ((lines[i - 1] ?? '').endsWith('\\')) lines[i] = `  ${lines[i] ?? ''}`;
  }
  return lines.join('\n');
}

export interface OpenApiValidatorOptions {
  /** Response-header schemas to use instead of the document's (name in lower case), with the reason in a comment. */
  headerOverrides?: Record<string, Record<string, unknown>>;
}

/** One loaded OpenAPI document and its compiled validators. */
export interface OpenApiValidator {
  readonly doc: JsonObject;
  /**
   * Validates one answer of `method pathTemplate` (the document's own path key, e.g. `/persons/{id}`). An
   * undeclared status falls back to `NXX`, then to `default`. A path or method the document does not declare
   * is a programmer error and throws TypeError.
   */
  validate(
    method: string,
    pathTemplate: string,
    status: number,
    body: unknown,
    headers?: HeaderValues,
  ): SpecValidationResult;
  /** Whether the operation exists in the document. */
  has(method: string, pathTemplate: string): boolean;
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
  if ((type === 'integer' || type === 'number') && raw.trim() !== '' && Number.isFinite(Number(raw)))
    return Number(raw);
  if (type === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw;
}

/**
 * Compiles validators for an OpenAPI 3.0 document (parsed JSON/YAML). `name` only makes the schema ids unique.
 * @example
 * const spec = createOpenApiValidator(parse(text), 'ss12000');
 * spec.validate('GET', '/persons', 200, body).valid
 */
export function createOpenApiValidator(
  doc: unknown,
  name: string,
  options: OpenApiValidatorOptions = {},
): OpenApiValidator {
  if (!isObject(doc) || !isObject(doc.paths)) throw new TypeError(`${name} is not an OpenAPI document`);
  // strict: false ignores OpenAPI-only keywords (example, discriminator, xml…); nullable is native to ajv.
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  const id = `${SPEC_ID_BASE}${encodeURIComponent(name)}`;
  ajv.addSchema(doc, id);
  const validators = new Map<string, ValidateFunction>();
  const paths = doc.paths as JsonObject;

  const validatorAt = (pointer: string[]): ValidateFunction => {
    const ref = `${id}#/${encodePointer(pointer)}`;
    let validate = validators.get(ref);
    if (!validate) {
      validate = ajv.compile({ $ref: ref });
      validators.set(ref, validate);
    }
    return validate;
  };
  const overrideFor = (header: string): ValidateFunction | undefined => {
    const schema = options.headerOverrides?.[header];
    if (!schema) return undefined;
    const key = `override:${header}`;
    let validate = validators.get(key);
    if (!validate) {
      validate = ajv.compile(schema);
      validators.set(key, validate);
    }
    return validate;
  };
  const operation = (method: string, pathTemplate: string): JsonObject | undefined => {
    const item = paths[pathTemplate];
    const op = isObject(item) ? item[method.toLowerCase()] : undefined;
    return HTTP_METHODS.has(method.toLowerCase()) && isObject(op) ? op : undefined;
  };

  return {
    doc,
    has: (method, pathTemplate) => operation(method, pathTemplate) !== undefined,
    validate(method, pathTemplate, status, body, headers) {
      const op = operation(method, pathTemplate);
      if (!op) throw new TypeError(`${method.toUpperCase()} ${pathTemplate} is not in ${name}`);
      const pointer = ['paths', pathTemplate, method.toLowerCase()];
      const responses = isObject(op.responses) ? op.responses : {};
      const statusKey = [String(status), `${String(status).charAt(0)}XX`, 'default'].find(
        (k) => k in responses,
      );
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
      if (!isObject(response.value))
        throw new TypeError(`response ${statusKey} of ${label} is not an object`);
      const errors: string[] = [];
      const content = response.value.content;
      if (isObject(content)) {
        const mediaKey = Object.keys(content).find((k) => k.toLowerCase().startsWith('application/json'));
        const media = mediaKey === undefined ? undefined : content[mediaKey];
        if (mediaKey !== undefined && isObject(media) && media.schema !== undefined) {
          const validate = validatorAt([...response.pointer, 'content', mediaKey, 'schema']);
          if (!validate(body)) errors.push(...formatErrors('body', validate));
        }
      }
      const declaredHeaders = response.value.headers;
      if (isObject(declaredHeaders) && headers) {
        const given = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
        for (const headerName of Object.keys(declaredHeaders)) {
          const rawValue = given.get(headerName.toLowerCase());
          const raw = Array.isArray(rawValue) ? rawValue[0] : rawValue;
          if (raw === undefined) continue;
          const header = deref(doc, declaredHeaders[headerName], [
            ...response.pointer,
            'headers',
            headerName,
          ]);
          if (!isObject(header.value) || header.value.schema === undefined) continue;
          const validate =
            overrideFor(headerName.toLowerCase()) ?? validatorAt([...header.pointer, 'schema']);
          const value = coerceHeader(raw, schemaType(doc, header.value.schema));
          if (!validate(value))
            errors.push(...formatErrors(`header ${headerName}=${JSON.stringify(raw)}`, validate));
        }
      }
      return { valid: errors.length === 0, errors };
    },
  };
}

/** Reads an OpenAPI YAML file (repairing the ss12000 file's quoted continuations) and compiles it. */
export function loadOpenApiFile(
  path: string,
  name: string,
  options: OpenApiValidatorOptions = {},
): OpenApiValidator {
  return createOpenApiValidator(parse(repairQuotedContinuations(readFileSync(path, 'utf8'))), name, options);
}
