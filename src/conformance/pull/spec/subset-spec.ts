// Finds Skolverket's SS 12000 subset spec (shipped in the package's spec/, or $PROVTJANST_SS12000_SPEC) and validates answers with it.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { OpenApiValidator, SpecValidationResult } from '../../../spec/openapi-validator.js';
import { packageRoot } from '../../package-info.js';

export const SUBSET_SPEC_FILE = 'ss12000-dnp-subset-api.yaml';

/** Where the spec may be: $PROVTJANST_SS12000_SPEC, else the package's own spec/. */
export function subsetSpecCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  const root = packageRoot();
  return [
    ...(env.PROVTJANST_SS12000_SPEC ? [resolve(env.PROVTJANST_SS12000_SPEC)] : []),
    join(root, 'spec', SUBSET_SPEC_FILE),
  ];
}

export interface SubsetSpecState {
  validator?: OpenApiValidator;
  /** Why there is no validator (the file is missing, ajv is not installed…). */
  missing?: string;
}

let prepared: SubsetSpecState | undefined;

/**
 * Loads and compiles the subset spec once. The validator (and ajv with it) is imported here, lazily, so that a
 * missing file or package makes PULL-SHAPE-002 skipped with the reason instead of breaking every command.
 */
export async function prepareSubsetSpec(): Promise<SubsetSpecState> {
  if (prepared) return prepared;
  const file = subsetSpecCandidates().find((candidate) => existsSync(candidate));
  if (!file) {
    prepared = {
      missing: `the subset spec ${SUBSET_SPEC_FILE} was not found (looked in ${subsetSpecCandidates().join(', ')})`,
    };
    return prepared;
  }
  try {
    const { loadOpenApiFile } = await import('../../../spec/openapi-validator.js');
    prepared = { validator: loadOpenApiFile(file, SUBSET_SPEC_FILE) };
  } catch (error) {
    prepared = { missing: `the subset spec could not be loaded from ${file}: ${(error as Error).message}` };
  }
  return prepared;
}

/** What {@link prepareSubsetSpec} loaded (the runner prepares it before rules are judged). */
export function subsetSpec(): SubsetSpecState {
  return prepared ?? { missing: 'the subset spec was not loaded (prepareSubsetSpec was not called)' };
}

/**
 * Validates one answer of the vendor's API against the subset spec. A missing body where the spec declares
 * one counts only for success answers (an error answer without a body says enough by its status).
 */
export function validateSubsetAnswer(
  validator: OpenApiValidator,
  method: string,
  operation: string,
  status: number,
  body: unknown,
): SpecValidationResult {
  if (!validator.has(method, operation)) return { valid: true, errors: [] };
  if (body === undefined && status >= 300) return { valid: true, errors: [] };
  return validator.validate(method, operation, status, body);
}
