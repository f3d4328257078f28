// Resolves settings from flags, then environment, then a JSON config file, validating each with zod.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { SettingSpecs, SettingValues } from './setting-spec.js';

/** A setting that failed validation, or a config file that could not be read. Exits the CLI with code 2. */
export class SettingsError extends Error {
  readonly code = 'invalid_setting';
  constructor(
    message: string,
    readonly setting?: string,
  ) {
    super(message);
    this.name = 'SettingsError';
  }
}

export interface SettingSources {
  /** Parsed command-line flags keyed by flag name (kebab-case). */
  flags?: Record<string, string | boolean | string[] | undefined>;
  env?: Record<string, string | undefined>;
  /** Parsed JSON config file keyed by setting key (camelCase). */
  file?: Record<string, unknown>;
  fileName?: string;
}

/** Reads a JSON config file; every failure names the file. */
export function loadConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SettingsError(`Cannot read config file ${path}: ${(error as Error).message}`, 'config');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new SettingsError(`Config file ${path} is not valid JSON: ${(error as Error).message}`, 'config');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SettingsError(`Config file ${path} must hold a JSON object of settings`, 'config');
  }
  return parsed as Record<string, unknown>;
}

interface SettingIssue {
  code: string;
  expected?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  values?: unknown[];
  message: string;
}

/** Whether a number setting takes whole numbers only (its schema refuses 1.5 as "expected int"). */
function takesWholeNumbers(schema: SettingSpecs[string]['schema']): boolean {
  const probe = schema.safeParse('1.5');
  return !probe.success && probe.error.issues.some((issue) => (issue as SettingIssue).expected === 'int');
}

/** One validation problem in plain words ("must be a whole number"), not the validation library's wording. */
function describeIssue(issue: SettingIssue, wholeNumbers: boolean): string {
  if (issue.code === 'invalid_type' && (issue.expected === 'number' || issue.expected === 'int'))
    return wholeNumbers || issue.expected === 'int' ? 'must be a whole number' : 'must be a number';
  if (issue.code === 'too_small' && typeof issue.minimum === 'number')
    return `must be at least ${issue.minimum}`;
  if (issue.code === 'too_big' && typeof issue.maximum === 'number')
    return `must be at most ${issue.maximum}`;
  if (issue.code === 'invalid_format') return 'must be an http(s) URL';
  if (issue.code === 'invalid_value' && Array.isArray(issue.values))
    return `must be one of ${issue.values.join(', ')}`;
  return `is not valid (${issue.message})`;
}

/**
 * Resolves every setting: flag, else the first env variable that is set, else the config file, else the default.
 * @throws SettingsError naming the setting, where its value came from, and what is wrong with it.
 */
export function resolveSettings<T extends SettingSpecs>(specs: T, sources: SettingSources): SettingValues<T> {
  const { flags = {}, env = {}, file = {}, fileName = 'config file' } = sources;
  for (const key of Object.keys(file)) {
    if (!(key in specs)) throw new SettingsError(`Unknown setting "${key}" in ${fileName}`, key);
  }
  const resolved: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(specs)) {
    let raw: unknown;
    let origin = 'default';
    const flagValue = flags[spec.flag];
    if (flagValue !== undefined) {
      // A repeated flag: the last one wins, as in most CLIs.
      raw = Array.isArray(flagValue) ? flagValue.at(-1) : flagValue;
      origin = `--${spec.flag}`;
    } else {
      const envName = spec.env.find((name) => env[name] !== undefined && env[name] !== '');
      if (envName) {
        raw = env[envName];
        origin = `env ${envName}`;
      } else if (file[key] !== undefined) {
        raw = file[key];
        origin = `"${key}" in ${fileName}`;
      }
    }
    const result = spec.schema.safeParse(raw);
    if (!result.success) {
      const wholeNumbers = takesWholeNumbers(spec.schema);
      const reason = result.error.issues
        .map((issue) => describeIssue(issue as SettingIssue, wholeNumbers))
        .join('; ');
      const subject = origin.startsWith('--') ? origin : `setting ${key} (from ${origin})`;
      throw new SettingsError(`${subject} ${reason}, got ${JSON.stringify(raw)}`, key);
    }
    resolved[key] = result.data;
  }
  return resolved as SettingValues<T>;
}

/**
 * Parses argv against the flags of `specs` plus `extra` options (such as `config`), rejecting unknown flags.
 * @returns the flags keyed by flag name, and positional arguments.
 */
export function parseSettingFlags(
  argv: readonly string[],
  specs: SettingSpecs,
  extra: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = {},
) {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = {
    ...extra,
  };
  for (const spec of Object.values(specs)) options[spec.flag] = { type: spec.kind };
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options,
      strict: true,
      allowPositionals: true,
      allowNegative: true,
    });
    return { flags: values as Record<string, string | boolean | string[] | undefined>, positionals };
  } catch (error) {
    throw new SettingsError((error as Error).message);
  }
}
