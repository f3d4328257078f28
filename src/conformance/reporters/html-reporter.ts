// HTML reporter: one self-contained page (inline CSS, SVG and script, no external assets): a scenario × rule
// matrix, then per scenario its causes, rules with evidence (click a line for its bodies) and a traffic timeline.
import { groupFindings, groupOf } from '../result/group-findings.js';
import { formatBytes, formatRateFacts, pathWithQuery, type RequestRef } from '../result/request-ref.js';
import type { ConformanceReport, RuleResult, ScenarioResult } from '../result/result-model.js';
import { SEVERITIES, type Severity } from '../rule/rule.js';
import { bodiesKey, collectEvidenceBodies, type ExchangeBodies } from './evidence-bodies.js';
import { renderTimeline } from './html-timeline.js';
import { escapeMarkup as x } from './markup-escape.js';
import type { Reporter, ReporterOptions } from './reporter.js';
import { writeReportFile } from './write-report-file.js';

export const HTML_REPORT_FILE = 'conformance.html';

const CSS = `
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#111;padding:0 1rem}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin:0}h3{font-size:1rem;margin:1rem 0 .3rem}code{font-size:.9em}
.badge{display:inline-block;padding:0 .5em;border-radius:4px;color:#fff;font-weight:600;font-size:.85em}
.passed{background:#16a34a}.failed{background:#dc2626}.error{background:#d97706}.skipped{background:#9ca3af}.advised{background:#0891b2}
section.scenario{border:1px solid #ddd;border-radius:8px;padding:1rem;margin:1.2rem 0}
table{border-collapse:collapse;width:100%;margin-top:.6rem}td,th{text-align:left;padding:.25rem .4rem;border-top:1px solid #eee;vertical-align:top}
table.matrix{width:auto}table.matrix th.rule{writing-mode:vertical-rl;transform:rotate(180deg);font-weight:normal;font-size:.8em;white-space:nowrap}
table.matrix td.cell{text-align:center;padding:0}table.matrix td.cell a{display:block;padding:.2rem .35rem;color:#fff;text-decoration:none;font-weight:600}
.finding{margin:.2rem 0}button.req{display:block;border:0;background:none;padding:0;text-align:left;cursor:pointer;font-family:ui-monospace,monospace;font-size:.85em;color:#1d4ed8;white-space:pre-wrap;overflow-wrap:anywhere}
button.req:hover{text-decoration:underline}td code{white-space:nowrap}
.desc{color:#333;white-space:pre-line}.muted{color:#666}.cause{border-left:4px solid #dc2626;padding:.3rem .6rem;margin:.5rem 0;background:#fef2f2}
svg.timeline{background:#fafafa;border:1px solid #eee;border-radius:6px;margin-top:.6rem}
svg .lane,svg .tick,svg .runlabel{font:11px system-ui,sans-serif;fill:#555}svg .axis{stroke:#e5e7eb}
svg .run{fill:#dbeafe;opacity:.5}svg circle.offending{stroke:#000;stroke-width:2}
.legend span{margin-right:1em}.dot{display:inline-block;width:.7em;height:.7em;border-radius:50%;margin-right:.3em}
dl.legend{display:grid;grid-template-columns:max-content 1fr;gap:.2rem .8rem}dl.legend dt{font-weight:600}dl.legend dd{margin:0}
dialog{max-width:min(95vw,1000px);width:100%;border:1px solid #999;border-radius:8px}dialog pre{background:#f6f6f6;padding:.5rem;max-height:40vh;overflow:auto;white-space:pre-wrap;overflow-wrap:anywhere}
`;

/** Turns every <time> into the reader's local time, and opens an exchange's bodies on a click (no network). */
const SCRIPT = `
(function(){
  var fmt=function(d,withDate){return withDate?d.toLocaleString():d.toLocaleTimeString(undefined,{hour:'2-digit',minute:'2-digit',second:'2-digit',fractionalSecondDigits:3});};
  document.querySelectorAll('time[datetime]').forEach(function(t){var d=new Date(t.getAttribute('datetime'));if(!isNaN(d))t.textContent=fmt(d,t.dataset.date==='1');});
  var zone=document.getElementById('zone');if(zone)zone.textContent='Times are in your local time ('+Intl.DateTimeFormat().resolvedOptions().timeZone+').';
  var data=JSON.parse(document.getElementById('bodies').textContent||'{}');
  var dlg=document.getElementById('exchange');
  var show=function(id,side){var el=document.getElementById(id);var b=side.body;var t=b===undefined?'(no body recorded, '+side.bytes+' bytes)':b;try{if(b&&/json/.test(side.contentType||''))t=JSON.stringify(JSON.parse(b),null,2);}catch(e){}el.textContent=t+(side.truncated?'\\n… (cut)':'');document.getElementById(id+'-type').textContent=side.contentType||'';};
  document.querySelectorAll('button.req').forEach(function(btn){btn.addEventListener('click',function(){var ex=data[btn.dataset.ex];document.getElementById('exchange-title').textContent=btn.textContent;if(!ex){document.getElementById('req-body').textContent='(bodies not recorded in this report)';document.getElementById('res-body').textContent='';}else{show('req-body',ex.request);show('res-body',ex.response);}dlg.showModal();});});
  document.getElementById('exchange-close').addEventListener('click',function(){dlg.close();});
})();
`;

const STATUS_TEXT: Record<RuleResult['status'], string> = {
  passed: 'judged, and nothing was wrong',
  failed: 'judged, and found wrong: fails the run unless the rule is an advisory',
  advised: 'an advisory rule found something worth knowing; it does not fail the run',
  skipped: 'nothing to judge (the reason is given): never counted as passed',
  error: 'the rule or the harness could not run (exit code 2)',
};

const SEVERITY_TEXT: Record<Severity, string> = {
  blocker: 'data does not arrive, or arrives wrong; fails the run',
  major: "breaks under Skolverket's limits or loads the service; fails the run",
  minor: 'wasteful; fails the run',
  advisory: "a departure Skolverket's service tolerates; reported, never fails the run",
};

const SYMBOL: Record<RuleResult['status'], string> = {
  passed: '✓',
  failed: '✗',
  advised: 'i',
  skipped: '○',
  error: '!',
};

function badge(status: string, text = status): string {
  return `<span class="badge ${x(status)}">${x(text)}</span>`;
}

/** A time the page's script shows in the reader's local time (UTC until it runs). */
function timeTag(iso: string, withDate = false): string {
  const text = withDate ? `${iso.slice(0, 19).replace('T', ' ')} UTC` : `${iso.slice(11, 23)} UTC`;
  return `<time datetime="${x(iso)}"${withDate ? ' data-date="1"' : ''}>${x(text)}</time>`;
}

function anchor(scenarioId: string, ruleId: string): string {
  return `${scenarioId}--${ruleId}`;
}

/** One evidence line: a button that opens the exchange's bodies. */
function requestLine(scenarioId: string, ref: RequestRef): string {
  const answer = ref.status === 0 ? 'no answer' : String(ref.status);
  const detail = [ref.status === 0 ? '' : formatBytes(ref.responseBytes), formatRateFacts(ref.rate)]
    .filter(Boolean)
    .join('; ');
  const text = `${ref.method} ${pathWithQuery(ref)} → ${answer}${detail ? ` (${detail})` : ''}`;
  return `<button type="button" class="req" data-ex="${x(bodiesKey(scenarioId, ref.seq))}">${timeTag(ref.time)} ${x(text)}</button>`;
}

function ruleRow(result: ScenarioResult, rule: RuleResult, causeIndex: number | undefined): string {
  const details: string[] = [];
  if (rule.status === 'skipped')
    details.push(`<div class="muted">skipped: ${x(rule.skipReason ?? '')}</div>`);
  if (rule.status === 'error') details.push(`<div>${x(rule.error ?? '')}</div>`);
  for (const finding of rule.findings) {
    const reqs = (finding.requests ?? []).map((r) => requestLine(result.id, r)).join('');
    details.push(`<div class="finding">${x(finding.message)}</div>${reqs}`);
  }
  if (rule.status === 'failed' || rule.status === 'advised') {
    const links = rule.sources.map((s) => `<a href="${x(s.url)}">${x(s.title)}</a>`).join(' · ');
    const fix =
      causeIndex !== undefined
        ? `<div><b>Fix:</b> see cause ${causeIndex + 1} above.</div>`
        : `<div><b>${rule.status === 'advised' ? 'Suggestion' : 'Fix'}:</b> ${x(rule.fix)}</div>`;
    details.push(`${fix}<div class="muted">${x(rule.why)} ${links}</div>`);
  }
  return `<tr id="${x(anchor(result.id, rule.ruleId))}"><td>${badge(rule.status)}</td><td><code>${x(rule.ruleId)}</code></td><td>${x(rule.title)}<br/>${details.join('')}</td><td>${x(rule.severity)}</td></tr>`;
}

function scenarioSection(result: ScenarioResult): string {
  const runs = result.runs
    .map(
      (r) =>
        `run ${r.index + 1}: ${r.timedOut ? 'stopped at time limit' : `exit ${r.exitCode ?? r.signal}`}, ${(r.durationMs / 1000).toFixed(1)} s`,
    )
    .join(' · ');
  const groups = result.groups ?? groupFindings(result);
  const causes = groups
    .map(
      (g, i) =>
        `<div class="cause"><b>Cause ${i + 1}: ${x(g.cause)}</b> <span class="muted">(${g.ruleIds.map((id) => `<a href="#${x(anchor(result.id, id))}">${x(id)}</a>`).join(', ')})</span><div><b>Fix:</b> ${x(g.fix)}</div></div>`,
    )
    .join('\n');
  const rows = result.rules.map((rule) => {
    const group = groupOf(groups, rule.ruleId);
    return ruleRow(result, rule, group ? groups.indexOf(group) : undefined);
  });
  return `<section class="scenario" id="${x(result.id)}">
<h2>${badge(result.status, result.status === 'skipped' ? 'not judged' : result.status)} ${x(result.title)} <code class="muted">${x(result.id)}</code></h2>
<p class="desc">${x(result.description.trim())}</p>
${result.harnessError ? `<p><b>Harness error:</b> ${x(result.harnessError)}</p>` : ''}
${(result.headlines ?? []).map((h) => `<p class="headline"><b>${x(h)}</b></p>`).join('\n')}
<p class="muted">started ${timeTag(result.startedAt, true)}${runs ? ` · ${x(runs)}` : ''} · ${result.traffic.length} calls recorded</p>
${causes}
${renderTimeline(result)}
<table><thead><tr><th></th><th>rule</th><th>what</th><th>severity</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>
</section>`;
}

/** Scenarios down, rules across; each cell links to the rule's row. */
function matrix(report: ConformanceReport): string {
  const ruleIds = [...new Set(report.scenarios.flatMap((s) => s.rules.map((r) => r.ruleId)))];
  const head = ruleIds.map((id) => `<th class="rule">${x(id)}</th>`).join('');
  const rows = report.scenarios.map((s) => {
    const cells = ruleIds.map((id) => {
      const rule = s.rules.find((r) => r.ruleId === id);
      if (!rule) return '<td></td>';
      return `<td class="cell ${x(rule.status)}" title="${x(`${id} ${rule.title}: ${rule.status}`)}"><a href="#${x(anchor(s.id, id))}">${SYMBOL[rule.status]}</a></td>`;
    });
    return `<tr><th><a href="#${x(s.id)}">${x(s.id)}</a> ${badge(s.status, s.status === 'skipped' ? 'not judged' : s.status)}</th>${cells.join('')}</tr>`;
  });
  return `<table class="matrix" aria-label="scenario by rule matrix"><thead><tr><th>scenario</th>${head}</tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}

function legend(): string {
  const dots = [
    ['#16a34a', '2xx'],
    ['#dc2626', '4xx'],
    ['#f59e0b', '429'],
    ['#8b5cf6', '5xx'],
    ['#6b7280', 'no answer'],
  ]
    .map(([c, l]) => `<span><i class="dot" style="background:${c}"></i>${l}</span>`)
    .join('');
  const statuses = (Object.keys(STATUS_TEXT) as RuleResult['status'][])
    .map((s) => `<dt>${badge(s)}</dt><dd>${x(STATUS_TEXT[s])}</dd>`)
    .join('');
  const severities = SEVERITIES.map((s) => `<dt>${x(s)}</dt><dd>${x(SEVERITY_TEXT[s])}</dd>`).join('');
  return `<details open><summary><b>How to read this report</b></summary>
<p>The matrix shows each scenario's verdict on each rule it checks; click a cell for the rule's findings. A scenario whose rules were all skipped is <b>not judged</b>, never passed. Under each finding, every evidence line is one recorded call: time, method, path and query, status and the answer's size; click it to see the request's and the answer's bodies (tokens removed).</p>
<h3>Rule statuses</h3><dl class="legend">${statuses}</dl>
<h3>Severities</h3><dl class="legend">${severities}</dl>
<p>Exit code: 0 when no rule of severity blocker, major or minor failed; 1 when one did; 2 when the harness or the configuration is at fault, or when every scenario was skipped.</p>
<h3>Timeline</h3><p class="legend">A lane per kind of call, a dot per call, coloured by status: ${dots} <span>ringed: named in a finding</span>; shaded: a run of the client.</p>
<p id="zone" class="muted">Times are in UTC (turn on scripts for local time).</p>
</details>`;
}

/** JSON inside a script element: nothing in it may close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** The complete HTML document; `bodies` (by {@link bodiesKey}) are what a click on an evidence line shows. */
export function renderHtml(
  report: ConformanceReport,
  bodies: ReadonlyMap<string, ExchangeBodies> = new Map(),
): string {
  const { scenarios, rules } = report.summary;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"/><meta name="viewport" content="width=device-width,initial-scale=1"/>
<title>provtjanst-mock conformance: ${x(report.status)}</title><style>${CSS}</style></head>
<body>
<h1>${badge(report.status, report.status === 'skipped' ? 'not judged' : report.status)} ${report.target === 'push' ? 'Push' : 'SS 12000 API'} conformance of <code>${x(report.client)}</code></h1>
<p>${scenarios.passed}/${scenarios.total} scenarios passed (${scenarios.failed} failed, ${scenarios.skipped} not judged, ${scenarios.error} errored); rules: ${rules.passed} passed, ${rules.failed} failed, ${rules.advised} advisory, ${rules.skipped} skipped, ${rules.error} errored. ${timeTag(report.startedAt, true)}, ${(report.durationMs / 1000).toFixed(1)} s, exit code ${report.exitCode}.</p>
${matrix(report)}
${legend()}
${report.scenarios.map(scenarioSection).join('\n')}
<dialog id="exchange"><p><b id="exchange-title"></b></p>
<h3>Request <span id="req-body-type" class="muted"></span></h3><pre id="req-body"></pre>
<h3>Answer <span id="res-body-type" class="muted"></span></h3><pre id="res-body"></pre>
<button type="button" id="exchange-close">Close</button></dialog>
<script type="application/json" id="bodies">${scriptJson(Object.fromEntries(bodies))}</script>
<script>${SCRIPT}</script>
</body></html>
`;
}

export function createHtmlReporter(options: ReporterOptions): Reporter {
  const bodies = new Map<string, ExchangeBodies>();
  return {
    onScenarioEnd(result, artifacts) {
      if (!artifacts.evidence) return;
      for (const [key, value] of collectEvidenceBodies(result, artifacts.evidence.journal))
        bodies.set(key, value);
    },
    onRunEnd(report) {
      const path = writeReportFile(options.outDir, HTML_REPORT_FILE, renderHtml(report, bodies));
      options.stderr.write(`HTML report: ${path}\n`);
    },
  };
}
