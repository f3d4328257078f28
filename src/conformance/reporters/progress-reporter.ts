// Progress on stderr while scenarios run (long suites), so stdout stays the report; each line names its scenario.
import type { Reporter, ReporterOptions } from './reporter.js';

export function createProgressReporter(options: Pick<ReporterOptions, 'stderr'>): Reporter {
  // Scenarios may run at the same time (conform push --jobs): every line carries its scenario's position.
  const positions = new Map<string, string>();
  const say = (text: string) => options.stderr.write(`${text}\n`);
  return {
    onScenarioStart(scenario, { index, total }) {
      const position = `[${index + 1}/${total}] ${scenario.id}`;
      positions.set(scenario.id, position);
      say(`${position}: starting`);
    },
    onProgress(event) {
      say(`${positions.get(event.scenarioId) ?? event.scenarioId}: ${event.message}`);
    },
    onScenarioEnd(result) {
      say(
        `${positions.get(result.id) ?? result.id}: ${result.status} in ${(result.durationMs / 1000).toFixed(1)} s`,
      );
      positions.delete(result.id);
    },
  };
}
