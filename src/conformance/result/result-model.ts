// The read-only result model every reporter reads; the JSON report is exactly `ConformanceReport`.
import type { JournalComponent } from '../../journal/index.js';
import type { CallKind } from '../push/evidence/endpoint.js';
import type { Finding, RuleFamily, Severity } from '../rule/rule.js';
import type { SourceLink } from '../rule/sources.js';
import type { RequestRef } from './request-ref.js';

/** What a run checks: a push client (`conform push`) or an SS 12000 API (`conform ss12000`). */
export type ConformanceTarget = 'push' | 'ss12000';

/**
 * `advised`: an `advisory` rule found something (reported, never failing the run); `skipped`: the rule had
 * nothing to judge (never counted as passed).
 */
export type RuleStatus = 'passed' | 'failed' | 'advised' | 'skipped' | 'error';
/**
 * `error`: the harness or the scenario could not be run (exit code 2), as opposed to the client failing a rule.
 * `skipped`: every rule of the scenario was skipped, so nothing was judged ("not judged"; it is not a pass).
 */
export type ScenarioStatus = 'passed' | 'failed' | 'skipped' | 'error';

export interface RuleResult {
  ruleId: string;
  family: RuleFamily;
  title: string;
  severity: Severity;
  status: RuleStatus;
  findings: Finding[];
  /** Why the rule could not judge this scenario (status `skipped`). */
  skipReason?: string;
  /** What went wrong evaluating it (status `error`). */
  error?: string;
  why: string;
  fix: string;
  sources: SourceLink[];
  /** The parameters the scenario gave the rule (before defaults). */
  params: Record<string, unknown>;
}

export interface ClientRunResult {
  index: number;
  startedAt: string;
  durationMs: number;
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  /** The last lines the command wrote, for the console and HTML views. */
  outputTail: string;
}

/**
 * Failed rules that share one cause, reported once: an API answering every call with 500 fails eight auth
 * rules, and they should read as one problem with one fix, not eight.
 */
export interface FindingGroup {
  /** The cause in words, leading the group ("every call answered 500"). */
  cause: string;
  /** The failed rules it explains, in scenario order. */
  ruleIds: string[];
  /** What to do about it, once. */
  fix: string;
}

/** One recorded call, as the timeline shows it. */
export interface TrafficItem extends RequestRef {
  component: JournalComponent;
  /** `webhook`: a vendor's notification reaching the mock's SS12000 client (pull scenarios). */
  kind: CallKind | 'token' | 'jwks' | 'webhook';
  durationMs: number;
  /** Milliseconds since the scenario started. */
  offsetMs: number;
}

export interface ScenarioResult {
  id: string;
  title: string;
  description: string;
  /** The scenario file, relative to the working directory when possible. */
  file: string;
  target: ConformanceTarget;
  status: ScenarioStatus;
  startedAt: string;
  durationMs: number;
  runs: ClientRunResult[];
  rules: RuleResult[];
  /** Failed rules grouped by shared cause; the report always has it (summarise fills it in). */
  groups?: FindingGroup[];
  traffic: TrafficItem[];
  /** Set when status is `error`: what the harness could not do. */
  harnessError?: string;
  /**
   * What a reader must see before any rule: e.g. a run in which the client called nothing ("your command
   * exited 0 after 0.1 s without calling the mock: is `--client` right?").
   */
  headlines?: string[];
}

export interface Tally {
  total: number;
  passed: number;
  failed: number;
  /** Advisory findings (rules) or, for scenarios, always 0: a scenario with advisories is `passed`. */
  advised: number;
  skipped: number;
  error: number;
}

/**
 * The JSON report (`conformance.json`). Version 2 added the `advised` rule status and tally, the `skipped`
 * scenario and run status, finding groups, and request refs with both body sizes, the query and rate facts.
 */
export interface ConformanceReport {
  schemaVersion: 2;
  tool: { name: 'provtjanst-mock'; version: string };
  target: ConformanceTarget;
  /** What was checked: the vendor's command (--client), or its SS 12000 API's base URL (--url). */
  client: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  /** `skipped`: every scenario was skipped, so the run judged nothing. */
  status: ScenarioStatus;
  /**
   * 0: no rule of a failing severity (blocker, major, minor) failed, advisories aside; 1: one did; 2: the
   * harness or the configuration is at fault, or nothing at all could be judged (every scenario skipped).
   */
  exitCode: 0 | 1 | 2;
  summary: { scenarios: Tally; rules: Tally };
  scenarios: ScenarioResult[];
}

/** What a run is about to do, for reporters' headers and progress. */
export interface RunPlan {
  /** Default `push`. */
  target?: ConformanceTarget;
  client: string;
  scenarios: Array<{ id: string; title: string; file: string; ruleIds: string[] }>;
}
