// The one hook interface every reporter implements (all hooks optional), and what reporters are built with.
import type { Writable } from 'node:stream';
import type { PullEvidence } from '../pull/evidence/pull-evidence.js';
import type { Evidence } from '../push/evidence/evidence.js';
import type { ConformanceReport, RunPlan, ScenarioResult } from '../result/result-model.js';

/** Something happening inside a scenario, for progress output. */
export interface ProgressEvent {
  scenarioId: string;
  /** `mock`, `dataset`, `run`, `wait`, `evaluate`… */
  phase: string;
  message: string;
}

/** What a scenario left besides its result: the raw evidence (for the HAR reporter and custom reporters). */
export interface ScenarioArtifacts {
  /** A push scenario's evidence, or a pull scenario's (`target` of the result says which); both hold the journal. */
  readonly evidence?: Evidence | PullEvidence;
}

export interface Reporter {
  onRunStart?(plan: RunPlan): void | Promise<void>;
  onScenarioStart?(
    scenario: RunPlan['scenarios'][number],
    position: { index: number; total: number },
  ): void | Promise<void>;
  onProgress?(event: ProgressEvent): void;
  onScenarioEnd?(result: Readonly<ScenarioResult>, artifacts: ScenarioArtifacts): void | Promise<void>;
  onRunEnd?(report: Readonly<ConformanceReport>): void | Promise<void>;
}

export interface ReporterOptions {
  /** Folder for file reports (json, junit, html, har). */
  outDir: string;
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  /** Colour console output (default: when stdout is a TTY and NO_COLOR is unset). */
  color?: boolean;
}

/** Calls one hook on every reporter, in order, awaiting each. */
export async function broadcast<K extends keyof Reporter>(
  reporters: readonly Reporter[],
  hook: K,
  ...args: Parameters<NonNullable<Reporter[K]>>
): Promise<void> {
  for (const reporter of reporters) {
    const fn = reporter[hook] as ((...a: typeof args) => void | Promise<void>) | undefined;
    if (fn) await fn.apply(reporter, args);
  }
}
