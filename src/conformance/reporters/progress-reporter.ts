// Progress on stderr while scenarios run (long suites), so stdout stays the report.
import type { Reporter, ReporterOptions } from './reporter.js';

export function createProgressReporter(options: Pick<ReporterOptions, 'stderr'>): Reporter {
  let position = '';
  let started = Date.now();
  const say = (text: string) => options.stderr.write(`${text}\n`);
  return {
    onScenarioStart(scenario, { index, total }) {
      position = `[${index + 1}/${total}] ${scenario.id}`;
      started = Date.now();
      say(`${position}: starting`);
    },
    onProgress(event) {
      say(`${position}: ${event.message}`);
    },
    onScenarioEnd(result) {
      say(`${position}: ${result.status} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    },
  };
}
