// An inline SVG timeline of one scenario's traffic: a lane per kind of call, a dot per call, client runs shaded.
import { formatBytes, pathWithQuery } from '../result/request-ref.js';
import type { ScenarioResult, TrafficItem } from '../result/result-model.js';
import { escapeMarkup as x } from './markup-escape.js';

type Lane = { label: string; match: (t: TrafficItem) => boolean };

const AUTH_LANE: Lane = { label: 'auth', match: (t) => t.kind === 'token' || t.kind === 'jwks' };
const OTHER_LANE: Lane = { label: 'other', match: () => true };

/** Push: the client's calls to the mock. Pull: the mock's calls to the vendor, and the vendor's webhooks. */
const LANES_BY_TARGET: Record<ScenarioResult['target'], Lane[]> = {
  push: [
    AUTH_LANE,
    { label: 'write', match: (t) => t.kind === 'write' },
    { label: 'job status', match: (t) => t.kind === 'status' },
    { label: 'read', match: (t) => t.kind === 'read' },
    OTHER_LANE,
  ],
  ss12000: [
    AUTH_LANE,
    { label: 'read', match: (t) => t.kind === 'read' },
    { label: 'write', match: (t) => t.kind === 'write' },
    { label: 'webhook', match: (t) => t.kind === 'webhook' },
    OTHER_LANE,
  ],
};

const WIDTH = 960;
const LEFT = 84;
const LANE = 26;
const TOP = 22;

/** Fill colour by HTTP status: success, client error, quota, unavailable, no answer. */
export function statusColour(status: number): string {
  if (status === 0) return '#6b7280';
  if (status === 429) return '#f59e0b';
  if (status >= 500) return '#8b5cf6';
  if (status >= 400) return '#dc2626';
  return '#16a34a';
}

/** The SVG (a string) for a scenario; offending requests (those in findings) get a black ring. */
export function renderTimeline(result: ScenarioResult): string {
  const lanes = LANES_BY_TARGET[result.target];
  const laneOf = (item: TrafficItem) => lanes.findIndex((lane) => lane.match(item));
  const offending = new Set(
    result.rules.flatMap((r) => r.findings.flatMap((f) => (f.requests ?? []).map((q) => q.seq))),
  );
  const startMs = Date.parse(result.startedAt);
  const endOffset = Math.max(1, result.durationMs, ...result.traffic.map((t) => t.offsetMs + t.durationMs));
  const scale = (WIDTH - LEFT - 10) / endOffset;
  const height = TOP + lanes.length * LANE + 24;
  const parts: string[] = [];
  for (const run of result.runs) {
    const x0 = LEFT + (Date.parse(run.startedAt) - startMs) * scale;
    const w = Math.max(1, run.durationMs * scale);
    parts.push(
      `<rect class="run" x="${x0.toFixed(1)}" y="${TOP - 14}" width="${w.toFixed(1)}" height="${lanes.length * LANE + 14}"><title>run ${run.index + 1}: exit ${run.exitCode ?? run.signal}</title></rect>`,
      `<text class="runlabel" x="${(x0 + 3).toFixed(1)}" y="${TOP - 4}">run ${run.index + 1}</text>`,
    );
  }
  lanes.forEach((lane, i) => {
    const y = TOP + i * LANE + LANE / 2;
    parts.push(
      `<text class="lane" x="4" y="${y + 4}">${lane.label}</text>`,
      `<line class="axis" x1="${LEFT}" x2="${WIDTH - 6}" y1="${y}" y2="${y}"/>`,
    );
  });
  for (const item of result.traffic) {
    const cx = LEFT + item.offsetMs * scale;
    const cy = TOP + laneOf(item) * LANE + LANE / 2;
    const ring = offending.has(item.seq) ? ' class="offending"' : '';
    const tip = `${item.time.slice(11, 23)} UTC ${item.method} ${pathWithQuery(item)} → ${item.status || 'no answer'} (${formatBytes(item.responseBytes)}, ${item.durationMs} ms)`;
    parts.push(
      `<circle${ring} cx="${cx.toFixed(1)}" cy="${cy}" r="4" fill="${statusColour(item.status)}"><title>${x(tip)}</title></circle>`,
    );
  }
  const seconds = Math.ceil(endOffset / 1000);
  const step = Math.max(1, Math.ceil(seconds / 10));
  for (let s = 0; s <= seconds; s += step) {
    const tx = LEFT + s * 1000 * scale;
    parts.push(`<text class="tick" x="${tx.toFixed(1)}" y="${height - 6}">${s}s</text>`);
  }
  return `<svg class="timeline" role="img" aria-label="traffic timeline of ${x(result.id)}" viewBox="0 0 ${WIDTH} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`;
}
