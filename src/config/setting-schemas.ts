// Reusable zod schemas for setting values: on/off switches and comma-separated lists.
import { z } from 'zod';

const SWITCH_WORDS = ['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'] as const;
const ON_WORDS = new Set(['true', '1', 'yes', 'on']);

/** An on/off setting: booleans or the usual words (`yes`, `off`, `1`…), with the given default. */
export function switchSetting(defaultOn: boolean) {
  return z
    .union([z.boolean(), z.enum(SWITCH_WORDS)])
    .default(defaultOn)
    .transform((value) => value === true || (typeof value === 'string' && ON_WORDS.has(value)));
}

/** A list setting: a JSON array in the config file, or a comma-separated string from a flag or env. */
export function listSetting(options: { lowercase?: boolean } = {}) {
  return z
    .union([z.array(z.string()), z.string()])
    .default([])
    .transform((value) =>
      (Array.isArray(value) ? value : value.split(','))
        .map((item) => (options.lowercase ? item.trim().toLowerCase() : item.trim()))
        .filter(Boolean),
    );
}
