// Console reporter: results grouped by scenario, with each failure's evidence (requests) and how to fix it.
import { formatRequestRef } from '../result/request-ref.js';
import type { ConformanceReport, RuleResult, ScenarioResult } from '../result/result-model.js';
import { createPalette, type Palette, shouldColour } from './ansi.js';
import type { Reporter, ReporterOptions } from './reporter.js';

const ICON: Record<RuleResult['status'], string> = { passed: '✓', failed: '✗', skipped: '○', error: '!' };

function colourFor(p: Palette, status: RuleResult['status']): (s: string) => string {
  return status === 'passed' ? p.green : status === 'failed' ? p.red : status === 'error' ? p.yellow : p.dim;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The lines for one scenario: header, one line per rule, and detail under each failure. */
export function renderScenario(result: ScenarioResult, p: Palette): string[] {
  const mark =
    result.status === 'passed'
      ? p.green('PASS')
      : result.status === 'failed'
        ? p.red('FAIL')
        : p.yellow('ERROR');
  const lines = [
    `${mark} ${p.bold(result.id)} ${p.dim(`— ${result.title} (${seconds(result.durationMs)})`)}`,
  ];
  if (result.harnessError) lines.push(`    ${p.yellow('harness:')} ${result.harnessError}`);
  for (const run of result.runs) {
    const bad = run.timedOut || run.exitCode !== 0;
    if (!bad) continue;
    const how = run.timedOut ? 'was stopped at its time limit' : `exited with ${run.exitCode ?? run.signal}`;
    lines.push(`    ${p.yellow(`run ${run.index + 1} ${how}`)}`);
    for (const line of run.outputTail.split('\n').slice(-5).filter(Boolean))
      lines.push(`      ${p.dim(line)}`);
  }
  for (const rule of result.rules) {
    const colour = colourFor(p, rule.status);
    const note = rule.status === 'skipped' ? p.dim(` (skipped: ${rule.skipReason})`) : '';
    lines.push(`  ${colour(ICON[rule.status])} ${rule.ruleId} ${rule.title}${note}`);
    if (rule.status === 'error') lines.push(`      ${p.yellow(rule.error ?? 'rule failed to evaluate')}`);
    if (rule.status !== 'failed') continue;
    for (const finding of rule.findings) {
      lines.push(`      ${p.red('→')} ${finding.message}`);
      for (const ref of finding.requests ?? []) lines.push(`        ${p.dim(formatRequestRef(ref))}`);
    }
    lines.push(`      ${p.cyan('fix:')} ${rule.fix}`);
    if (rule.sources[0]) lines.push(`      ${p.cyan('why:')} ${rule.sources[0].url}`);
  }
  return lines;
}

export function renderSummary(report: ConformanceReport, p: Palette): string[] {
  const { scenarios, rules } = report.summary;
  const verdict =
    report.exitCode === 0
      ? p.green(
          rules.skipped > 0
            ? `no rule failed (${rules.skipped} could not be judged: skipped)`
            : 'every rule passed',
        )
      : report.exitCode === 1
        ? p.red('rules failed')
        : p.yellow('harness error');
  return [
    '',
    `Scenarios: ${scenarios.passed} passed, ${scenarios.failed} failed, ${scenarios.error} errored (${scenarios.total})`,
    `Rules:     ${rules.passed} passed, ${rules.failed} failed, ${rules.skipped} skipped, ${rules.error} errored (${rules.total})`,
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
