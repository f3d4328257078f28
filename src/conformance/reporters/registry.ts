// Maps reporter names (as --reporter takes them) to their factories.
import { createConsoleReporter } from './console-reporter.js';
import { createHarReporter } from './har-reporter.js';
import { createHtmlReporter } from './html-reporter.js';
import { createJsonReporter } from './json-reporter.js';
import { createJunitReporter } from './junit-reporter.js';
import { createReportSetReset, FILE_REPORTER_NAMES } from './report-set.js';
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

/**
 * Builds the named reporters. When any of them writes files, the first one clears the previous run's
 * report set from `outDir` at run start, so the folder holds this run's reports only.
 * @throws TypeError for an unknown name.
 */
export function createReporters(names: readonly string[], options: ReporterOptions): Reporter[] {
  const reporters = names.map((name) => {
    if (!isReporterName(name))
      throw new TypeError(`unknown reporter "${name}" (known: ${REPORTER_NAMES.join(', ')})`);
    return REPORTERS[name](options);
  });
  const writesFiles = names.some((name) => (FILE_REPORTER_NAMES as readonly string[]).includes(name));
  return writesFiles ? [createReportSetReset(options), ...reporters] : reporters;
}
