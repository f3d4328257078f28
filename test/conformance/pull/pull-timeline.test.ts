// The pull timeline: the vendor's webhooks get a lane of their own, and push timelines keep theirs.
import { describe, expect, it } from 'vitest';
import type { PullEvidence } from '../../../src/conformance/pull/evidence/pull-evidence.js';
import { pullTrafficItems } from '../../../src/conformance/pull/runner/pull-result.js';
import { renderTimeline } from '../../../src/conformance/reporters/html-timeline.js';
import type { ScenarioResult, TrafficItem } from '../../../src/conformance/result/result-model.js';
import type { JournalEntry } from '../../../src/journal/index.js';

const T0 = Date.UTC(2026, 8, 1, 8);

function entry(seq: number, extra: Partial<JournalEntry>): JournalEntry {
  return {
    seq,
    requestId: `r${seq}`,
    direction: 'outbound',
    component: 'ss12000-client',
    time: new Date(T0 + seq * 100).toISOString(),
    timeMs: T0 + seq * 100,
    durationMs: 5,
    method: 'GET',
    url: `http://vendor.test/persons?seq=${seq}`,
    path: '/persons',
    status: 200,
    requestHeaders: {},
    responseHeaders: {},
    requestBodySize: 0,
    responseBodySize: 10,
    ...extra,
  };
}

function scenario(target: ScenarioResult['target'], traffic: TrafficItem[]): ScenarioResult {
  return {
    id: 'ss12000-webhook-incremental',
    title: 'Webhook',
    description: '',
    file: 'scenarios/x.yaml',
    target,
    status: 'passed',
    startedAt: new Date(T0).toISOString(),
    durationMs: 1000,
    runs: [],
    rules: [],
    traffic,
  } as ScenarioResult;
}

/** The y of each lane label, keyed by label, and of each dot. */
function lanesOf(svg: string) {
  const labels = new Map(
    [...svg.matchAll(/<text class="lane" x="4" y="(\d+)">([^<]+)<\/text>/g)].map((m) => [
      m[2],
      Number(m[1]) - 4,
    ]),
  );
  const dots = [...svg.matchAll(/<circle[^>]* cy="(\d+)"/g)].map((m) => Number(m[1]));
  return { labels, dots };
}

describe('pull timeline', () => {
  it('classes an inbound notification to the SS12000 client as a webhook, and the mock own calls by method', () => {
    const journal = [
      entry(1, {}),
      entry(2, { method: 'POST', path: '/statistics' }),
      entry(3, { direction: 'inbound', method: 'POST', path: '/provtjanst/ss12000/klient/v1/webhooks/u1' }),
    ];
    const items = pullTrafficItems({ journal } as unknown as PullEvidence, T0);
    expect(items.map((i) => i.kind)).toEqual(['read', 'write', 'webhook']);
  });

  it('draws webhooks on their own lane in a pull scenario', () => {
    const journal = [
      entry(1, {}),
      entry(3, { direction: 'inbound', method: 'POST', path: '/provtjanst/ss12000/klient/v1/webhooks/u1' }),
    ];
    const svg = renderTimeline(
      scenario('ss12000', pullTrafficItems({ journal } as unknown as PullEvidence, T0)),
    );
    const { labels, dots } = lanesOf(svg);
    expect([...labels.keys()]).toEqual(['auth', 'read', 'write', 'webhook', 'other']);
    expect(dots).toEqual([labels.get('read'), labels.get('webhook')]);
  });

  it('keeps the push lanes (with job status, without webhook) for push scenarios', () => {
    const { labels } = lanesOf(renderTimeline(scenario('push', [])));
    expect([...labels.keys()]).toEqual(['auth', 'write', 'job status', 'read', 'other']);
  });
});
