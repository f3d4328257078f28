// Runs one sync job: resources in order, stopping after too many failures, then deletions; settles its state.

import { syncDeletions } from './sync-deletions.js';
import { type SyncJob, settleJobState } from './sync-job.js';
import { type SyncContext, syncResource } from './sync-resource.js';

export interface RunSyncJobOptions {
  /** Failed resources after which the job stops (dnp-facts §4.5: 3). */
  maxFailures: number;
  signal: AbortSignal;
}

/**
 * Full: every resource with `replace`. Incremental: the webhook's resources with
 * `meta.modified.after = job.modifiedAfter`, then `deletedEntities` after the same instant.
 */
export async function runSyncJob(ctx: SyncContext, job: SyncJob, options: RunSyncJobOptions): Promise<void> {
  let failures = 0;
  const filter: Record<string, string> =
    job.kind === 'incremental' && job.modifiedAfter ? { 'meta.modified.after': job.modifiedAfter } : {};
  const mode = job.kind === 'full' ? 'replace' : 'upsert';

  for (const resourceType of job.resources) {
    if (options.signal.aborted) break;
    if (failures >= options.maxFailures) {
      job.outcomes.push({
        resourceType,
        url: '',
        state: 'skipped',
        pages: 0,
        received: 0,
        stored: 0,
        rejected: 0,
        removed: 0,
      });
      continue;
    }
    const outcome = await syncResource(ctx, resourceType, filter, mode);
    job.outcomes.push(outcome);
    if (outcome.state === 'failed') {
      failures += 1;
      if (failures >= options.maxFailures) job.stoppedBecause = `${failures} resources failed`;
    }
  }

  if (job.kind === 'incremental' && job.deletedEntities && job.modifiedAfter && !options.signal.aborted) {
    job.deletions =
      failures >= options.maxFailures
        ? { url: '', state: 'skipped', pages: 0, listed: {}, removed: 0 }
        : await syncDeletions(ctx, job.modifiedAfter);
  }
  await ctx.reporter.flush();
  job.state = options.signal.aborted ? 'cancelled' : settleJobState(job);
}
