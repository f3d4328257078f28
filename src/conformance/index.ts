// Public surface of the conformance runner: scenarios, evidence, rules, results, reporters and the runner.

export type {
  ChangeKind,
  ChangeRecord,
  ExchangeRecord,
  ListWalk,
  PullEvidence,
  TokenVariant,
  WebhookRecord,
} from './pull/evidence/pull-evidence.js';
export {
  type ChangeDriver,
  type ChangeRequest,
  createHookDriver,
  createInteractiveDriver,
  createNoChangeDriver,
} from './pull/probe/change-driver.js';
export { findPullRule, PULL_RULES } from './pull/rules/pull-catalogue.js';
export { definePullRule, type PullRule, type PullRuleFamily } from './pull/rules/pull-rule.js';
export type { PullRunSettings } from './pull/runner/probe-context.js';
export {
  DEFAULT_ORGANISATION,
  type PullMockInfo,
  PullRunError,
  runSs12000Conformance,
  type Ss12000ConformanceOptions,
} from './pull/runner/run-ss12000-conformance.js';
export {
  runSs12000Scenario,
  type Ss12000ScenarioOptions,
  type Ss12000ScenarioOutcome,
} from './pull/runner/run-ss12000-scenario.js';
export type { PullScenario } from './pull/scenario/pull-scenario.js';
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
} from './push/evidence/evidence.js';
export { findRule, PUSH_RULES } from './push/rules/catalogue.js';
export { type ConformanceRunOptions, planOf, runConformance } from './push/runner/run-conformance.js';
export {
  type PushScenarioOptions,
  type PushScenarioOutcome,
  runPushScenario,
} from './push/runner/run-push-scenario.js';
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
export { groupFindings } from './result/group-findings.js';
export {
  formatRateFacts,
  formatRequestRef,
  type RateFacts,
  type RequestRef,
  toRequestRef,
} from './result/request-ref.js';
export type {
  ClientRunResult,
  ConformanceReport,
  FindingGroup,
  RuleResult,
  RuleStatus,
  RunPlan,
  ScenarioResult,
  ScenarioStatus,
  Tally,
  TrafficItem,
} from './result/result-model.js';
export { renderRulesMarkdown } from './rule/render-rules-markdown.js';
export {
  type ConformanceRule,
  defineRule,
  type Finding,
  failsRun,
  type RuleOutcome,
  SEVERITIES,
  type Severity,
} from './rule/rule.js';
export { renderRulesDoc } from './rules-doc.js';
export { builtinScenarioDir, loadBuiltinScenarios, resolveScenarios } from './scenario/find-scenarios.js';
export {
  loadScenarioFile,
  type PushScenario,
  parseScenario,
  type Scenario,
} from './scenario/load-scenario.js';
export { ScenarioError, type ScenarioProblem } from './scenario/scenario-error.js';
export { type ScenarioFile, scenarioFileSchema } from './scenario/scenario-schema.js';
