// The jobs board beside the diagram: recent bulk jobs with their items' statuses, and the SS12000 client's syncs.
import type { ItemStatus } from '../../mock-provisioning/job.js';
import { countStatuses } from '../jobs/count-statuses.js';
import type { WebServices } from '../web-services.js';

export interface BoardJob {
  jobId: string;
  organisationId: string;
  resource: string;
  operation: string;
  submittedMs: number;
  completed: boolean;
  counts: Record<ItemStatus, number>;
  /** Each item's status, for jobs small enough to draw item by item. */
  items?: ItemStatus[];
}

export interface BoardSync {
  urlId: string;
  organisationNumber: string;
  url: string;
  state: string;
  job?: { kind: string; state: string; stored: number; rejected: number };
}

export interface JobsBoard {
  jobs: BoardJob[];
  syncs: BoardSync[];
}

/** Items drawn one by one up to this many; bigger jobs show counts only. */
export const ITEMS_DRAWN = 60;

/** The newest `limit` jobs over every organisation, newest first. */
export function readJobsBoard(
  services: WebServices,
  limit = 12,
  seenOrganisations: Iterable<string> = [],
): JobsBoard {
  const { provisioning } = services;
  const organisations = new Set([...provisioning.store.organisations(), ...seenOrganisations]);
  const all = [...organisations].flatMap((organisationId) => provisioning.engine.list(organisationId));
  const jobs = all
    .sort((a, b) => b.submittedMs - a.submittedMs)
    .slice(0, limit)
    .map((job): BoardJob => {
      const counts = countStatuses(job.items);
      return {
        jobId: job.id,
        organisationId: job.organisationId,
        resource: job.resource,
        operation: job.operation,
        submittedMs: job.submittedMs,
        completed: job.completedMs !== undefined,
        counts,
        ...(job.items.length <= ITEMS_DRAWN ? { items: job.items.map((item) => item.status) } : {}),
      };
    });
  const syncs = services.ss12000Client.list().map((api): BoardSync => {
    const view = api.view();
    const job = view.currentJob ?? view.lastSync;
    return {
      urlId: view.urlId,
      organisationNumber: view.organisationNumber,
      url: view.url,
      state: view.state,
      ...(job
        ? { job: { kind: job.kind, state: job.state, stored: job.stored, rejected: job.rejected } }
        : {}),
    };
  });
  return { jobs, syncs };
}
