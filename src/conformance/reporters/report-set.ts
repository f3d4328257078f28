// The set of files the file reporters write into --out, and the reset that makes a run replace the whole set.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { HAR_REPORT_DIR } from './har-reporter.js';
import { HTML_REPORT_FILE } from './html-reporter.js';
import { JSON_REPORT_FILE } from './json-reporter.js';
import { JUNIT_REPORT_FILE } from './junit-reporter.js';
import type { Reporter, ReporterOptions } from './reporter.js';

/** The reporters that write files (console writes none). */
export const FILE_REPORTER_NAMES = ['json', 'junit', 'html', 'har'] as const;

/**
 * Removes an earlier run's report set from `outDir`: conformance.json, junit.xml, conformance.html and
 * the .har files of har/. Nothing else in the folder is touched (a --jwks-out file, your own files).
 */
export function clearReportSet(outDir: string): void {
  for (const name of [JSON_REPORT_FILE, JUNIT_REPORT_FILE, HTML_REPORT_FILE])
    rmSync(join(outDir, name), { force: true });
  const harDir = join(outDir, HAR_REPORT_DIR);
  if (!existsSync(harDir)) return;
  for (const name of readdirSync(harDir))
    if (name.endsWith('.har')) rmSync(join(harDir, name), { force: true });
  if (readdirSync(harDir).length === 0) rmSync(harDir, { recursive: true, force: true });
}

/** A reporter that clears the report set when the run starts, so no stale file sits beside the new ones. */
export function createReportSetReset(options: Pick<ReporterOptions, 'outDir'>): Reporter {
  return { onRunStart: () => clearReportSet(options.outDir) };
}
