// Declares settings: each has a config-file key, a flag, env variables and a zod schema that supplies the default.
import type { z } from 'zod';

export interface SettingSpec<S extends z.ZodType = z.ZodType> {
  /** Command-line flag without dashes (kebab-case), e.g. `https-port`. */
  flag: string;
  /** Environment variables consulted, first match wins. */
  env: readonly string[];
  /** `boolean` settings are switches on the command line (`--x`, `--x=false`). */
  kind: 'string' | 'boolean';
  /** Validates and coerces the raw value; supplies the default. */
  schema: S;
  /** One line for `--help` and docs/configuration.md. */
  description: string;
}

export type SettingSpecs = Record<string, SettingSpec>;

/** The resolved values of a group of settings, typed from their schemas. */
export type SettingValues<T extends SettingSpecs> = { [K in keyof T]: z.output<T[K]['schema']> };

/** Identity helper that keeps the literal keys and schema types of a settings group. */
export function defineSettings<T extends SettingSpecs>(specs: T): T {
  return specs;
}
