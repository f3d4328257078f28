// Public surface of the conformance runner: scenarios, evidence, rules, results, reporters and the runner.
export type {
  ClientRunRecord,
  Evidence,
  EvidenceSettings,
  IssuedTokenRecord,
  JobItemRecord,
  JobItemStatus,
  JobRecord,
  JsonObject,
  ResourceSets,
} from './evidence/evidence.js';
export { formatRequestRef, type RequestRef, toRequestRef } from './evidence/request-ref.js';
export { renderHtml } from './reporters/html-reporter.js';
export { renderJsonReport } from './reporters/json-reporter.js';
export { renderJunit } from './reporters/junit-reporter.js';
export {
  createReporters,
  isReporterName,
  REPORTER_NAMES,
  REPORTERS,
  type ReporterName,
} from './reporters/registry.js';
export {
  broadcast,
  type ProgressEvent,
  type Reporter,
  type ReporterOptions,
  type ScenarioArtifacts,
} from './reporters/reporter.js';
export { evaluateRule, evaluateRules, type RuleInvocation } from './result/evaluate-rules.js';
export type {
  ClientRunResult,
  ConformanceReport,
  RuleResult,
  RuleStatus,
  RunPlan,
  ScenarioResult,
  ScenarioStatus,
  Tally,
  TrafficItem,
} from './result/result-model.js';
export { findRule, PUSH_RULES } from './rules/catalogue.js';
export { renderRulesMarkdown } from './rules/render-rules-markdown.js';
export {
  type ConformanceRule,
  defineRule,
  type Finding,
  type RuleOutcome,
  type Severity,
} from './rules/rule.js';
export { renderRulesDoc } from './rules-doc.js';
export { type ConformanceRunOptions, planOf, runConformance } from './runner/run-conformance.js';
export {
  type PushScenarioOptions,
  type PushScenarioOutcome,
  runPushScenario,
} from './runner/run-push-scenario.js';
export { builtinScenarioDir, loadBuiltinScenarios, resolveScenarios } from './scenario/find-scenarios.js';
export {
  loadScenarioFile,
  type PushScenario,
  parseScenario,
  type Scenario,
} from './scenario/load-scenario.js';
export { ScenarioError, type ScenarioProblem } from './scenario/scenario-error.js';
export { type ScenarioFile, scenarioFileSchema } from './scenario/scenario-schema.js';
