// Builds a complete, validated settings object from defaults plus overrides (for tests and the runner).
import { resolveSettings } from './resolve-settings.js';
import { ALL_SETTINGS, type Settings } from './settings.js';

/** Defaults for every setting, with `overrides` applied as if they came from a config file. */
export function buildSettings(overrides: Partial<Settings> = {}): Settings {
  const file = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  return resolveSettings(ALL_SETTINGS, { file, fileName: 'overrides' });
}
