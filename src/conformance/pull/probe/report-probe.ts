// POST /log and POST /statistics as the SS12000 client sends them, plus those its own syncs sent during the scenario.
import { formatTimeOfOccurance } from '../../../model/index.js';
import { toRequestRef } from '../../result/request-ref.js';
import type { ExchangeRecord } from '../evidence/pull-evidence.js';
import type { PullProbeContext } from '../runner/probe-context.js';
import { sendProbe } from './probe-client.js';

/** Posts one harmless LogEntry (severity Info) and one StatisticsEntry with zero counts. */
export async function probeReports(ctx: PullProbeContext): Promise<void> {
  const token = await ctx.validToken();
  const now = formatTimeOfOccurance(ctx.services.clock.date());
  const resourceUrl = `${ctx.vendorUrl}/persons`;
  ctx.draft.reports.push(
    await sendProbe(ctx, {
      purpose: 'log',
      method: 'POST',
      path: '/log',
      operation: '/log',
      token,
      body: {
        message: 'provtjanst-mock conformance: a test entry, no action needed.',
        messageType: 'conformance.test',
        resourceType: 'Person',
        resourceUrl,
        severityLevel: 'Info',
        timeOfOccurance: now,
      },
    }),
    await sendProbe(ctx, {
      purpose: 'statistics',
      method: 'POST',
      path: '/statistics',
      operation: '/statistics',
      token,
      body: {
        resourceType: 'Person',
        newCount: 0,
        updatedCount: 0,
        deletedCount: 0,
        resourceUrl,
        timeOfOccurance: now,
      },
    }),
  );
}

/** The /log and /statistics posts of the mock's SS12000 client (registration and webhook syncs) since `afterSeq`. */
export function syncReports(ctx: PullProbeContext, afterSeq: number): ExchangeRecord[] {
  return (
    ctx.services.journal
      .query({ direction: 'outbound', method: 'POST', afterSeq })
      // The runner's own probes carry `notes.probe`; the client's syncs do not.
      .filter(
        (e) =>
          !e.notes?.probe && (e.url === `${ctx.vendorUrl}/log` || e.url === `${ctx.vendorUrl}/statistics`),
      )
      .map((e) => ({
        purpose: `sync:${e.path.endsWith('/log') ? 'log' : 'statistics'}`,
        method: 'POST',
        url: e.url,
        operation: e.url.endsWith('/log') ? '/log' : '/statistics',
        ...(e.status > 0
          ? { status: e.status }
          : { failure: { code: 'network_error' as const, message: e.error ?? 'no answer' } }),
        ref: toRequestRef(e),
      }))
  );
}
