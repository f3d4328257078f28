// JSON reporter: the whole result model as `conformance.json`, typed by ConformanceReport.
import type { ConformanceReport } from '../result/result-model.js';
import type { Reporter, ReporterOptions } from './reporter.js';
import { writeReportFile } from './write-report-file.js';

export const JSON_REPORT_FILE = 'conformance.json';

/** The report as written: stable key order from the model, two-space indent. */
export function renderJsonReport(report: ConformanceReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

export function createJsonReporter(options: ReporterOptions): Reporter {
  return {
    onRunEnd(report) {
      const path = writeReportFile(options.outDir, JSON_REPORT_FILE, renderJsonReport(report));
      options.stderr.write(`JSON report: ${path}\n`);
    },
  };
}
