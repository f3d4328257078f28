// Maps reporter names (as --reporter takes them) to their factories.
import { createConsoleReporter } from './console-reporter.js';
import { createHarReporter } from './har-reporter.js';
import { createHtmlReporter } from './html-reporter.js';
import { createJsonReporter } from './json-reporter.js';
import { createJunitReporter } from './junit-reporter.js';
import type { Reporter, ReporterOptions } from './reporter.js';

export const REPORTERS = {
  console: createConsoleReporter,
  json: createJsonReporter,
  junit: createJunitReporter,
  html: createHtmlReporter,
  har: createHarReporter,
} as const satisfies Record<string, (options: ReporterOptions) => Reporter>;

export type ReporterName = keyof typeof REPORTERS;

export const REPORTER_NAMES = Object.keys(REPORTERS) as ReporterName[];

export function isReporterName(name: string): name is ReporterName {
  return Object.hasOwn(REPORTERS, name);
}

/** Builds the named reporters. @throws TypeError for an unknown name. */
export function createReporters(names: readonly string[], options: ReporterOptions): Reporter[] {
  return names.map((name) => {
    if (!isReporterName(name))
      throw new TypeError(`unknown reporter "${name}" (known: ${REPORTER_NAMES.join(', ')})`);
    return REPORTERS[name](options);
  });
}
