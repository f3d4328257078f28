// A pull run through the shared reporters: the JSON report's schema, JUnit classnames, the HTML title and the console verdict.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSs12000Conformance } from '../../../src/conformance/pull/runner/run-ss12000-conformance.js';
import { createPalette } from '../../../src/conformance/reporters/ansi.js';
import { renderSummary } from '../../../src/conformance/reporters/console-reporter.js';
import { renderHtml } from '../../../src/conformance/reporters/html-reporter.js';
import { renderJunit } from '../../../src/conformance/reporters/junit-reporter.js';
import type { ScenarioArtifacts } from '../../../src/conformance/reporters/reporter.js';
import type { ConformanceReport } from '../../../src/conformance/result/result-model.js';
import { conformanceReportSchema } from '../support/report-schema.js';
import {
  FAST_PULL_SETTINGS,
  loadPullLibrary,
  ORG,
  type PullHarness,
  startPullHarness,
} from './support/pull-harness.js';

describe('reports of a pull run', () => {
  let harness: PullHarness;
  let report: ConformanceReport;
  const artifacts: ScenarioArtifacts[] = [];

  beforeAll(async () => {
    harness = await startPullHarness();
    const vendor = await harness.startVendor();
    report = await runSs12000Conformance({
      vendorUrl: vendor.url,
      organisationNumber: ORG,
      // No change hook: the deletion rules are skipped, not passed.
      scenarios: loadPullLibrary().filter(
        (s) => s.id === 'ss12000-auth-matrix' || s.id === 'ss12000-deletions',
      ),
      mock: harness.mock,
      settings: FAST_PULL_SETTINGS,
      reporters: [{ onScenarioEnd: (_result, a) => void artifacts.push(a) }],
    });
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
  });

  it('has the JSON report shape, target ss12000 and the API URL as what was checked', () => {
    const parsed = conformanceReportSchema.safeParse(JSON.parse(JSON.stringify(report)));
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 3)).toEqual([]);
    expect(report).toMatchObject({
      target: 'ss12000',
      exitCode: 0,
      scenarios: [{ target: 'ss12000' }, { target: 'ss12000' }],
    });
    expect(report.client).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('reports the rules a missing change hook leaves unjudged as skipped, and says so', () => {
    const deletions = report.scenarios.find((s) => s.id === 'ss12000-deletions');
    expect(deletions?.rules.filter((r) => r.status === 'skipped').map((r) => r.ruleId)).toEqual([
      'PULL-HOOK-001',
      'PULL-HOOK-002',
      'PULL-HOOK-003',
      'PULL-DEL-001',
      'PULL-DEL-002',
      'PULL-DEL-003',
      'PULL-DEL-004',
    ]);
    expect(renderSummary(report, createPalette(false)).join('\n')).toContain(
      'no rule failed (7 could not be judged: skipped)',
    );
  });

  it('names JUnit suites and the HTML page after the target', () => {
    expect(renderJunit(report)).toContain('<testsuites name="provtjanst-mock conform ss12000"');
    expect(renderJunit(report)).toContain(
      'classname="conform.ss12000.ss12000-auth-matrix" name="PULL-AUTH-001 Refuses a call without a token"',
    );
    expect(renderHtml(report)).toContain('SS 12000 API conformance of <code>');
  });

  it('hands reporters the evidence, whose journal holds every exchange of the scenario', () => {
    const journal = artifacts[0]?.evidence?.journal ?? [];
    // One call per token variant (ten, the lookalike location among them).
    expect(journal.filter((e) => e.direction === 'outbound' && e.path === '/persons')).toHaveLength(10);
  });
});
