// Loads Skolverket's official provisioning spec (shipped byte-identical in spec/) for tests.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

const SPEC_DIR = new URL('../../spec/', import.meta.url);

let cached: JsonObject | undefined;

export function provisioningSpec(): JsonObject {
  cached ??= parse(readFileSync(new URL('provisioning-api-1.3.2.yaml', SPEC_DIR), 'utf8')) as JsonObject;
  return cached;
}

/** Follows a path of keys (array indices as strings); throws when the spec has no such place. */
export function at(root: Json, ...keys: string[]): Json {
  let current: Json = root;
  for (const key of keys) {
    if (typeof current !== 'object' || current === null || !(key in current)) {
      throw new Error(`spec has no ${keys.join('.')}`);
    }
    current = (Array.isArray(current) ? current[Number(key)] : current[key]) as Json;
  }
  return current;
}

/** Spec examples are often JSON written inside a YAML block string. */
export function exampleValue(example: Json): Json {
  return typeof example === 'string' ? (JSON.parse(example) as Json) : example;
}

/** The LogEntry examples of one response, whichever of `example` / `examples` it uses. */
export function responseLogEntries(response: string): JsonObject[] {
  const content = at(
    provisioningSpec(),
    'components',
    'responses',
    response,
    'content',
    'application/json',
  ) as JsonObject;
  const schema = content.schema as JsonObject;
  const raw: Json[] = [];
  if (content.examples)
    for (const ex of Object.values(content.examples as JsonObject))
      raw.push((ex as JsonObject).value as Json);
  if (content.example) raw.push(content.example);
  if (schema.example) raw.push(schema.example);
  return raw.flatMap((value) => exampleValue(value) as JsonObject[]);
}
