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
export type {
  ChangeKind,
  ChangeRecord,
  ExchangeRecord,
  ListWalk,
  PullEvidence,
  TokenVariant,
  WebhookRecord,
} from './ss12000/evidence/pull-evidence.js';
export {
  type ChangeDriver,
  type ChangeRequest,
  createHookDriver,
  createInteractiveDriver,
  createNoChangeDriver,
} from './ss12000/probe/change-driver.js';
export { findPullRule, PULL_RULES } from './ss12000/rules/pull-catalogue.js';
export { definePullRule, type PullRule, type PullRuleFamily } from './ss12000/rules/pull-rule.js';
export type { PullRunSettings } from './ss12000/runner/probe-context.js';
export {
  DEFAULT_ORGANISATION,
  type PullMockInfo,
  PullRunError,
  runSs12000Conformance,
  type Ss12000ConformanceOptions,
} from './ss12000/runner/run-ss12000-conformance.js';
export {
  runSs12000Scenario,
  type Ss12000ScenarioOptions,
  type Ss12000ScenarioOutcome,
} from './ss12000/runner/run-ss12000-scenario.js';
export type { PullScenario } from './ss12000/scenario/pull-scenario.js';
