// JUnit XML reporter: a testsuite per scenario, a testcase per rule; failures carry message and evidence.
import { groupFindings, groupOf } from '../result/group-findings.js';
import { formatRequestRef } from '../result/request-ref.js';
import type { ConformanceReport, FindingGroup, RuleResult, ScenarioResult } from '../result/result-model.js';
import { escapeMarkup as x } from './markup-escape.js';
import type { Reporter, ReporterOptions } from './reporter.js';
import { writeReportFile } from './write-report-file.js';

export const JUNIT_REPORT_FILE = 'junit.xml';

const secs = (ms: number) => (ms / 1000).toFixed(3);

function failureText(rule: RuleResult, group: FindingGroup | undefined): string {
  const lines = group ? [`Cause: ${group.cause} (${group.ruleIds.join(', ')})`, ''] : [];
  lines.push(...findingLines(rule));
  lines.push('', `Fix: ${rule.fix}`, `Why: ${rule.why}`);
  for (const source of rule.sources) lines.push(`See: ${source.url}`);
  return lines.join('\n');
}

function findingLines(rule: RuleResult): string[] {
  const lines: string[] = [];
  for (const finding of rule.findings) {
    lines.push(finding.message);
    for (const ref of finding.requests ?? []) lines.push(`  ${formatRequestRef(ref)}`);
  }
  return lines;
}

/** An advisory's findings: the testcase passes (advisories never fail a run) and says what it noted. */
function advisoryText(rule: RuleResult): string {
  return [
    `advisory (${rule.ruleId}, does not fail the run):`,
    ...findingLines(rule),
    '',
    `Suggestion: ${rule.fix}`,
  ].join('\n');
}

function testcase(scenario: ScenarioResult, rule: RuleResult): string {
  const open = `    <testcase classname="conform.${scenario.target}.${x(scenario.id)}" name="${x(`${rule.ruleId} ${rule.title}`)}" time="0">`;
  switch (rule.status) {
    case 'passed':
      return `${open}</testcase>`;
    case 'advised':
      return `${open}\n      <system-out>${x(advisoryText(rule))}</system-out>\n    </testcase>`;
    case 'skipped':
      return `${open}\n      <skipped message="${x(rule.skipReason ?? 'not applicable')}"/>\n    </testcase>`;
    case 'error':
      return `${open}\n      <error message="${x(rule.error ?? 'harness error')}" type="harness"/>\n    </testcase>`;
    case 'failed': {
      const message = rule.findings[0]?.message ?? 'failed';
      const group = groupOf(scenario.groups ?? groupFindings(scenario), rule.ruleId);
      return `${open}\n      <failure message="${x(message)}" type="${x(rule.ruleId)}">${x(failureText(rule, group))}</failure>\n    </testcase>`;
    }
  }
}

function testsuite(scenario: ScenarioResult): string {
  const count = (status: RuleResult['status']) => scenario.rules.filter((r) => r.status === status).length;
  const cases = scenario.rules.map((rule) => testcase(scenario, rule));
  if (scenario.harnessError && scenario.rules.length === 0) {
    cases.push(
      `    <testcase classname="conform.${scenario.target}.${x(scenario.id)}" name="harness" time="0">\n      <error message="${x(scenario.harnessError)}" type="harness"/>\n    </testcase>`,
    );
  }
  const errors = count('error') + (scenario.harnessError && scenario.rules.length === 0 ? 1 : 0);
  const output = scenario.runs
    .map((r) => `run ${r.index + 1} (exit ${r.exitCode ?? r.signal}):\n${r.outputTail}`)
    .join('\n');
  return [
    `  <testsuite name="${x(`${scenario.id}: ${scenario.title}`)}" tests="${cases.length}" failures="${count('failed')}" ` +
      `errors="${errors}" skipped="${count('skipped')}" time="${secs(scenario.durationMs)}" timestamp="${x(scenario.startedAt.slice(0, 19))}">`,
    '    <properties>',
    `      <property name="scenario.file" value="${x(scenario.file)}"/>`,
    `      <property name="scenario.description" value="${x(scenario.description.trim())}"/>`,
    '    </properties>',
    ...cases,
    ...(output ? [`    <system-out>${x(output)}</system-out>`] : []),
    '  </testsuite>',
  ].join('\n');
}

/** The whole report as JUnit XML (the Jenkins/Surefire dialect GitLab and GitHub reporters read). */
export function renderJunit(report: ConformanceReport): string {
  const { rules } = report.summary;
  const harnessCases = report.scenarios.filter((s) => s.harnessError && s.rules.length === 0).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="provtjanst-mock conform ${report.target}" tests="${rules.total + harnessCases}" failures="${rules.failed}" ` +
      `errors="${rules.error + harnessCases}" skipped="${rules.skipped}" time="${secs(report.durationMs)}">`,
    ...report.scenarios.map(testsuite),
    '</testsuites>',
    '',
  ].join('\n');
}

export function createJunitReporter(options: ReporterOptions): Reporter {
  return {
    onRunEnd(report) {
      const path = writeReportFile(options.outDir, JUNIT_REPORT_FILE, renderJunit(report));
      options.stderr.write(`JUnit report: ${path}\n`);
    },
  };
}
