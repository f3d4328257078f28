// HAR reporter: each scenario's recorded traffic as a HAR 1.2 file (open it in browser devtools).
import { toHar } from '../../journal/index.js';
import type { Reporter, ReporterOptions } from './reporter.js';
import { writeReportFile } from './write-report-file.js';

/** The folder under --out that holds one .har file per scenario. */
export const HAR_REPORT_DIR = 'har';

export function harFileName(scenarioId: string): string {
  return `${HAR_REPORT_DIR}/${scenarioId}.har`;
}

export function createHarReporter(options: ReporterOptions): Reporter {
  const written: string[] = [];
  return {
    onScenarioEnd(result, artifacts) {
      if (!artifacts.evidence) return;
      const har = toHar(artifacts.evidence.journal);
      written.push(
        writeReportFile(options.outDir, harFileName(result.id), `${JSON.stringify(har, null, 2)}\n`),
      );
    },
    onRunEnd() {
      if (written.length > 0) options.stderr.write(`HAR files: ${written.length} in ${options.outDir}/har\n`);
    },
  };
}
