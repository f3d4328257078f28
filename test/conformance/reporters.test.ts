// Reporters: JUnit is well-formed and structured as CI tools read it, HTML carries a timeline, JSON matches the type.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createPalette } from '../../src/conformance/reporters/ansi.js';
import { renderScenario } from '../../src/conformance/reporters/console-reporter.js';
import { renderHtml } from '../../src/conformance/reporters/html-reporter.js';
import { renderJsonReport } from '../../src/conformance/reporters/json-reporter.js';
import { renderJunit } from '../../src/conformance/reporters/junit-reporter.js';
import { createReporters, REPORTER_NAMES } from '../../src/conformance/reporters/registry.js';
import { broadcast } from '../../src/conformance/reporters/reporter.js';
import { call, evidence } from './push/evidence-builder.js';
import { conformanceReportSchema } from './support/report-schema.js';
import { sampleReport } from './support/sample-report.js';
import { findAll, parseXml } from './support/xml-parse.js';

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: string, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

describe('JUnit reporter', () => {
  const xml = renderJunit(sampleReport());
  const root = parseXml(xml);

  it('is well-formed XML with totals on <testsuites>', () => {
    expect(root.name).toBe('testsuites');
    expect(root.attributes).toMatchObject({ tests: '6', failures: '1', errors: '1', skipped: '2' });
  });

  it('has one testsuite per scenario and one testcase per rule', () => {
    const suites = findAll(root, 'testsuite');
    expect(suites.map((s) => s.attributes.name)).toEqual([
      'rate-limit-storm: Rate-limit storm',
      'happy-path: Happy path',
      'token-expiry: Token expiry',
    ]);
    const cases = findAll(suites[0]!, 'testcase');
    expect(cases.map((c) => c.attributes.name)).toEqual([
      'PUSH-RATE-001 Title of PUSH-RATE-001',
      'PUSH-RATE-002 Title of PUSH-RATE-002',
      'PUSH-AUTH-002 Title of PUSH-AUTH-002',
      'PUSH-JOB-009 Title of PUSH-JOB-009',
    ]);
    expect(cases.every((c) => c.attributes.classname === 'conform.push.rate-limit-storm')).toBe(true);
  });

  it('puts message and evidence in <failure>, a reason in <skipped/>, harness faults in <error>', () => {
    const [failure] = findAll(root, 'failure');
    expect(failure?.attributes.message).toBe(
      '1 time(s) the next call came before X-RateLimit-Reset had passed & <oops>.',
    );
    expect(failure?.text).toContain(
      'POST /provtjanst/provisioning/v1/persons/bulk → 429 (54 B; X-RateLimit-Reset 0.5, waited 10 ms)',
    );
    expect(failure?.text).toContain('Fix: Pace the calls <5/s> & "back off".');
    expect(findAll(root, 'skipped')[0]?.attributes.message).toBe('the scenario served no forged token');
    expect(findAll(root, 'error')[0]?.attributes.message).toMatch(/could not start the client command/);
  });

  it('keeps client output in <system-out> without ANSI or control characters', () => {
    const suite = findAll(root, 'testsuite')[0]!;
    const out = suite.children.find((c) => c.name === 'system-out');
    expect(out?.text).toBe('run 1 (exit 1):\nerror: 429 <retry> & give up');
  });

  it('carries an advisory as a passing testcase with its findings in <system-out>', () => {
    const advisory = findAll(root, 'testcase').find((c) => c.attributes.name?.startsWith('PUSH-JOB-009'));
    expect(findAll(advisory!, 'failure')).toEqual([]);
    expect(findAll(advisory!, 'system-out')[0]?.text).toMatch(
      /^advisory \(PUSH-JOB-009, does not fail the run\):\nA spelling Skolverket tolerates\./,
    );
  });
});

describe('HTML reporter', () => {
  const html = renderHtml(sampleReport());

  it('is one self-contained page: no external scripts, styles or images', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<link|src=|url\(|https?:\/\/[^"]*\.(js|css)\b/i);
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html).toContain('<script type="application/json" id="bodies">');
  });

  it('opens with a scenario × rule matrix, before the legend and the scenarios', () => {
    const matrixAt = html.indexOf('<table class="matrix"');
    expect(matrixAt).toBeGreaterThan(0);
    expect(matrixAt).toBeLessThan(html.indexOf('How to read this report'));
    expect(matrixAt).toBeLessThan(html.indexOf('<section class="scenario"'));
    expect(html).toContain(
      '<td class="cell failed" title="PUSH-RATE-002 Title of PUSH-RATE-002: failed"><a href="#rate-limit-storm--PUSH-RATE-002">✗</a></td>',
    );
    expect(html).toContain('<span class="badge skipped">not judged</span>');
  });

  it('explains statuses and severities, which severities fail the run, and shows times as <time> for local display', () => {
    for (const severity of ['blocker', 'major', 'minor', 'advisory'])
      expect(html).toContain(`<dt>${severity}</dt>`);
    expect(html).toContain('reported, never fails the run');
    expect(html).toContain('<time datetime="2026-09-01T08:00:01.000Z">08:00:01.000 UTC</time>');
    expect(html).toContain('toLocaleTimeString');
  });

  it('makes each evidence line a button for its bodies, which are embedded with tokens removed', () => {
    const bodies = new Map([
      [
        'rate-limit-storm#7',
        {
          request: { contentType: 'application/json', body: '{"a":"</script><b>"}', bytes: 20 },
          response: { contentType: 'application/json', body: '{"message":"slow down"}', bytes: 23 },
        },
      ],
    ]);
    const page = renderHtml(sampleReport(), bodies);
    expect(page).toContain('<button type="button" class="req" data-ex="rate-limit-storm#7">');
    const json = /<script type="application\/json" id="bodies">(.*?)<\/script>/s.exec(page)?.[1] ?? '';
    expect(json).not.toContain('</script>');
    expect(JSON.parse(json)['rate-limit-storm#7'].request.body).toBe('{"a":"</script><b>"}');
  });

  it('draws a timeline per scenario with a dot per call, offending calls ringed', () => {
    expect(html.match(/<svg class="timeline"/g)).toHaveLength(3);
    expect(html.match(/<circle/g)).toHaveLength(4);
    expect(html.match(/<circle class="offending"/g)).toHaveLength(2);
    expect(html).toContain('<text class="runlabel"');
  });

  it('escapes what it shows', () => {
    expect(html).toContain('&amp; &lt;oops&gt;');
    expect(html).not.toContain('<oops>');
  });
});

describe('JSON reporter', () => {
  it('writes a document that matches the exported ConformanceReport type', () => {
    const parsed = conformanceReportSchema.parse(JSON.parse(renderJsonReport(sampleReport())));
    expect(parsed.exitCode).toBe(2);
    expect(parsed.summary.rules).toEqual({
      total: 6,
      passed: 1,
      failed: 1,
      advised: 1,
      skipped: 2,
      error: 1,
    });
    expect(parsed.summary.scenarios).toMatchObject({ total: 3, failed: 1, skipped: 1, error: 1 });
  });
});

describe('console reporter', () => {
  it('shows each failure with its requests and how to fix it', () => {
    const lines = renderScenario(sampleReport().scenarios[0]!, createPalette(false));
    expect(lines[0]).toBe('FAIL rate-limit-storm — Rate-limit storm (4.0 s)');
    expect(lines).toContain('  ✗ PUSH-RATE-002 Title of PUSH-RATE-002');
    expect(
      lines.some((l) =>
        l.includes(
          '08:00:01.000 POST /provtjanst/provisioning/v1/persons/bulk → 429 (54 B; X-RateLimit-Reset 0.5)',
        ),
      ),
    ).toBe(true);
    expect(lines).toContain('      fix: Pace the calls <5/s> & "back off".');
    expect(lines).toContain(
      '  ○ PUSH-AUTH-002 Title of PUSH-AUTH-002 (skipped: the scenario served no forged token)',
    );
    expect(lines).toContain('  i PUSH-JOB-009 Title of PUSH-JOB-009 (advisory: does not fail the run)');
  });

  it('marks a scenario whose every rule was skipped as not judged', () => {
    const lines = renderScenario(sampleReport().scenarios[2]!, createPalette(false));
    expect(lines[0]).toBe('SKIP token-expiry — Token expiry (0.0 s)');
    expect(lines[1]).toMatch(/not judged/);
  });

  it('colours only when asked', () => {
    const lines = renderScenario(sampleReport().scenarios[0]!, createPalette(true));
    expect(lines[0]).toContain('\u001b[31mFAIL\u001b[39m');
  });
});

describe('reporter registry', () => {
  it('builds every reporter, which write their files at the end of the run', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'reports-'));
    const stdout = new Sink();
    const stderr = new Sink();
    const reporters = createReporters(REPORTER_NAMES, { outDir, stdout, stderr, color: false });
    const report = sampleReport();
    const ev = evidence({ journal: [call({ at: 0, path: '/persons' })] });
    await broadcast(reporters, 'onRunStart', { client: report.client, scenarios: [] });
    await broadcast(reporters, 'onScenarioEnd', report.scenarios[0]!, { evidence: ev });
    await broadcast(reporters, 'onRunEnd', report);
    expect(stdout.text).toContain('Result:    harness error');
    expect(parseXml(readFileSync(join(outDir, 'junit.xml'), 'utf8')).name).toBe('testsuites');
    expect(readFileSync(join(outDir, 'conformance.html'), 'utf8')).toContain('<svg');
    conformanceReportSchema.parse(JSON.parse(readFileSync(join(outDir, 'conformance.json'), 'utf8')));
    const har = JSON.parse(readFileSync(join(outDir, 'har', 'rate-limit-storm.har'), 'utf8'));
    expect(har.log.entries).toHaveLength(1);
    expect(har.log.entries[0].request.url).toContain('/provtjanst/provisioning/v1/persons');
  });

  it('refuses an unknown name', () => {
    expect(() => createReporters(['tap'], { outDir: '.', stdout: new Sink(), stderr: new Sink() })).toThrow(
      /unknown reporter "tap"/,
    );
  });
});
