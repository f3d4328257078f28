// HTML reporter: one self-contained page (inline CSS and SVG, no external assets) with a traffic timeline per scenario.
import { formatRequestRef } from '../result/request-ref.js';
import type { ConformanceReport, RuleResult, ScenarioResult } from '../result/result-model.js';
import { renderTimeline } from './html-timeline.js';
import { escapeMarkup as x } from './markup-escape.js';
import type { Reporter, ReporterOptions } from './reporter.js';
import { writeReportFile } from './write-report-file.js';

export const HTML_REPORT_FILE = 'conformance.html';

const CSS = `
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1000px;color:#111;padding:0 1rem}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin:0}code{font-size:.9em}
.badge{display:inline-block;padding:0 .5em;border-radius:4px;color:#fff;font-weight:600;font-size:.85em}
.passed{background:#16a34a}.failed{background:#dc2626}.error{background:#d97706}.skipped{background:#9ca3af}
section.scenario{border:1px solid #ddd;border-radius:8px;padding:1rem;margin:1.2rem 0}
table{border-collapse:collapse;width:100%;margin-top:.6rem}td,th{text-align:left;padding:.25rem .4rem;border-top:1px solid #eee;vertical-align:top}
.finding{margin:.2rem 0}.req{font-family:ui-monospace,monospace;font-size:.85em;color:#444;white-space:pre-wrap;overflow-wrap:anywhere}td code{white-space:nowrap}
.desc{color:#333;white-space:pre-line}.muted{color:#666}
svg.timeline{background:#fafafa;border:1px solid #eee;border-radius:6px;margin-top:.6rem}
svg .lane,svg .tick,svg .runlabel{font:11px system-ui,sans-serif;fill:#555}svg .axis{stroke:#e5e7eb}
svg .run{fill:#dbeafe;opacity:.5}svg circle.offending{stroke:#000;stroke-width:2}
.legend span{margin-right:1em}.dot{display:inline-block;width:.7em;height:.7em;border-radius:50%;margin-right:.3em}
`;

function badge(status: string): string {
  return `<span class="badge ${x(status)}">${x(status)}</span>`;
}

function ruleRow(rule: RuleResult): string {
  const details: string[] = [];
  if (rule.status === 'skipped')
    details.push(`<div class="muted">skipped: ${x(rule.skipReason ?? '')}</div>`);
  if (rule.status === 'error') details.push(`<div>${x(rule.error ?? '')}</div>`);
  for (const finding of rule.findings) {
    const reqs = (finding.requests ?? []).map((r) => x(formatRequestRef(r))).join('\n');
    details.push(
      `<div class="finding">${x(finding.message)}</div>${reqs ? `<div class="req">${reqs}</div>` : ''}`,
    );
  }
  if (rule.status === 'failed') {
    const links = rule.sources.map((s) => `<a href="${x(s.url)}">${x(s.title)}</a>`).join(' · ');
    details.push(`<div><b>Fix:</b> ${x(rule.fix)}</div><div class="muted">${x(rule.why)} ${links}</div>`);
  }
  return `<tr><td>${badge(rule.status)}</td><td><code>${x(rule.ruleId)}</code></td><td>${x(rule.title)}<br/>${details.join('')}</td><td>${x(rule.severity)}</td></tr>`;
}

function scenarioSection(result: ScenarioResult): string {
  const runs = result.runs
    .map(
      (r) =>
        `run ${r.index + 1}: ${r.timedOut ? 'stopped at time limit' : `exit ${r.exitCode ?? r.signal}`}, ${(r.durationMs / 1000).toFixed(1)} s`,
    )
    .join(' · ');
  return `<section class="scenario" id="${x(result.id)}">
<h2>${badge(result.status)} ${x(result.title)} <code class="muted">${x(result.id)}</code></h2>
<p class="desc">${x(result.description.trim())}</p>
${result.harnessError ? `<p><b>Harness error:</b> ${x(result.harnessError)}</p>` : ''}
<p class="muted">${x(runs)} · ${result.traffic.length} calls recorded</p>
${renderTimeline(result)}
<table><thead><tr><th></th><th>rule</th><th>what</th><th>severity</th></tr></thead><tbody>
${result.rules.map(ruleRow).join('\n')}
</tbody></table>
</section>`;
}

/** The complete HTML document. */
export function renderHtml(report: ConformanceReport): string {
  const { scenarios, rules } = report.summary;
  const legend = [
    ['#16a34a', '2xx'],
    ['#dc2626', '4xx'],
    ['#f59e0b', '429'],
    ['#8b5cf6', '5xx'],
    ['#6b7280', 'no answer'],
  ]
    .map(([c, l]) => `<span><i class="dot" style="background:${c}"></i>${l}</span>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"/><meta name="viewport" content="width=device-width,initial-scale=1"/>
<title>provtjanst-mock conformance: ${x(report.status)}</title><style>${CSS}</style></head>
<body>
<h1>${badge(report.status)} ${report.target === 'push' ? 'Push' : 'SS 12000 API'} conformance of <code>${x(report.client)}</code></h1>
<p>${scenarios.passed}/${scenarios.total} scenarios passed; rules: ${rules.passed} passed, ${rules.failed} failed, ${rules.skipped} skipped, ${rules.error} errored. ${x(report.startedAt)}, ${(report.durationMs / 1000).toFixed(1)} s.</p>
<p class="legend">${legend} <span>ringed: named in a finding</span></p>
${report.scenarios.map(scenarioSection).join('\n')}
</body></html>
`;
}

export function createHtmlReporter(options: ReporterOptions): Reporter {
  return {
    onRunEnd(report) {
      const path = writeReportFile(options.outDir, HTML_REPORT_FILE, renderHtml(report));
      options.stderr.write(`HTML report: ${path}\n`);
    },
  };
}
