// Console reporter: results grouped by scenario, with each failure's evidence (requests) and how to fix it.
import { groupFindings, groupOf } from '../result/group-findings.js';
import { formatRequestRef } from '../result/request-ref.js';
import type { ConformanceReport, RuleResult, ScenarioResult } from '../result/result-model.js';
import { createPalette, type Palette, shouldColour } from './ansi.js';
import type { Reporter, ReporterOptions } from './reporter.js';

const ICON: Record<RuleResult['status'], string> = {
  passed: '✓',
  failed: '✗',
  advised: 'i',
  skipped: '○',
  error: '!',
};

function colourFor(p: Palette, status: RuleResult['status']): (s: string) => string {
  return status === 'passed'
    ? p.green
    : status === 'failed'
      ? p.red
      : status === 'error'
        ? p.yellow
        : status === 'advised'
          ? p.cyan
          : p.dim;
}

const MARK: Record<ScenarioResult['status'], (p: Palette) => string> = {
  passed: (p) => p.green('PASS'),
  failed: (p) => p.red('FAIL'),
  skipped: (p) => p.dim('SKIP'),
  error: (p) => p.yellow('ERROR'),
};

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The lines for one scenario: header, one line per rule, and detail under each failure. */
export function renderScenario(result: ScenarioResult, p: Palette): string[] {
  const lines = [
    `${MARK[result.status](p)} ${p.bold(result.id)} ${p.dim(`— ${result.title} (${seconds(result.durationMs)})`)}`,
  ];
  if (result.status === 'skipped')
    lines.push(`    ${p.dim('not judged: every rule of this scenario was skipped (reasons below)')}`);
  if (result.harnessError) lines.push(`    ${p.yellow('harness:')} ${result.harnessError}`);
  for (const headline of result.headlines ?? []) lines.push(`    ${p.yellow('!')} ${p.bold(headline)}`);
  for (const run of result.runs) {
    const bad = run.timedOut || run.exitCode !== 0;
    if (!bad) continue;
    const how = run.timedOut ? 'was stopped at its time limit' : `exited with ${run.exitCode ?? run.signal}`;
    lines.push(`    ${p.yellow(`run ${run.index + 1} ${how}`)}`);
    for (const line of run.outputTail.split('\n').slice(-5).filter(Boolean))
      lines.push(`      ${p.dim(line)}`);
  }
  const groups = result.groups ?? groupFindings(result);
  for (const [index, group] of groups.entries()) {
    lines.push(
      `  ${p.red(`✗ cause ${index + 1}:`)} ${p.bold(group.cause)} ${p.dim(`(${group.ruleIds.join(', ')})`)}`,
    );
    lines.push(`      ${p.cyan('fix:')} ${group.fix}`);
  }
  for (const rule of result.rules) {
    const colour = colourFor(p, rule.status);
    const note =
      rule.status === 'skipped'
        ? p.dim(` (skipped: ${rule.skipReason})`)
        : rule.status === 'advised'
          ? p.cyan(' (advisory: does not fail the run)')
          : '';
    lines.push(`  ${colour(ICON[rule.status])} ${rule.ruleId} ${rule.title}${note}`);
    if (rule.status === 'error') lines.push(`      ${p.yellow(rule.error ?? 'rule failed to evaluate')}`);
    if (rule.status !== 'failed' && rule.status !== 'advised') continue;
    const arrow = rule.status === 'failed' ? p.red('→') : p.cyan('→');
    for (const finding of rule.findings) {
      lines.push(`      ${arrow} ${finding.message}`);
      for (const ref of finding.requests ?? []) lines.push(`        ${p.dim(formatRequestRef(ref))}`);
    }
    const group = groupOf(groups, rule.ruleId);
    if (group) {
      lines.push(`      ${p.cyan('fix:')} see cause ${groups.indexOf(group) + 1} above`);
      continue;
    }
    lines.push(`      ${p.cyan(rule.status === 'advised' ? 'suggestion:' : 'fix:')} ${rule.fix}`);
    if (rule.sources[0]) lines.push(`      ${p.cyan('why:')} ${rule.sources[0].url}`);
  }
  return lines;
}

export function renderSummary(report: ConformanceReport, p: Palette): string[] {
  const { scenarios, rules } = report.summary;
  const advisories =
    rules.advised > 0 ? `; ${rules.advised} advisory finding(s), which do not fail the run` : '';
  const verdict =
    report.status === 'passed'
      ? p.green(
          rules.skipped > 0
            ? `no rule failed (${rules.skipped} could not be judged: skipped)${advisories}`
            : `every rule passed${advisories}`,
        )
      : report.status === 'failed'
        ? p.red(`rules failed${advisories}`)
        : report.status === 'skipped'
          ? p.yellow('nothing was judged: every scenario was skipped')
          : p.yellow('harness error');
  return [
    '',
    `Scenarios: ${scenarios.passed} passed, ${scenarios.failed} failed, ${scenarios.skipped} not judged, ${scenarios.error} errored (${scenarios.total})`,
    `Rules:     ${rules.passed} passed, ${rules.failed} failed, ${rules.advised} advisory, ${rules.skipped} skipped, ${rules.error} errored (${rules.total})`,
    `Result:    ${verdict} in ${seconds(report.durationMs)} (exit ${report.exitCode})`,
  ];
}

export function createConsoleReporter(options: ReporterOptions): Reporter {
  const p = createPalette(options.color ?? shouldColour(options.stdout));
  const write = (lines: string[]) => options.stdout.write(`${lines.join('\n')}\n`);
  return {
    onRunStart(plan) {
      write([
        p.bold(
          `provtjanst-mock conform ${plan.target ?? 'push'}: ${plan.scenarios.length} scenario(s) against \`${plan.client}\``,
        ),
        '',
      ]);
    },
    onScenarioEnd(result) {
      write(renderScenario(result, p));
    },
    onRunEnd(report) {
      write(renderSummary(report, p));
    },
  };
}
