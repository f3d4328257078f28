// What was transferred per resource, like the e-service's transfer status table: counts and the items with findings.

import type { ItemStatus } from '../../mock-provisioning/job.js';
import type { LogEntry } from '../../model/log-entry.js';
import { RESOURCE_NAMES, type ResourceName } from '../../model/resource.js';
import { countStatuses } from '../jobs/count-statuses.js';
import type { WebServices } from '../web-services.js';

export interface ItemWithFindings {
  id: string;
  status: ItemStatus;
  jobId: string;
  settledAt: string;
  errors: LogEntry[];
  warnings: LogEntry[];
}

export interface ResourceTransfer {
  resource: ResourceName;
  /** Objects stored now. */
  stored: number;
  jobs: number;
  /** Items by their latest status over the retained jobs. */
  counts: Record<ItemStatus, number>;
  /** The latest outcome of each item that ended with Error or Warning. */
  itemsWithFindings: ItemWithFindings[];
}

/** Latest outcome per item id over the organisation's retained jobs (a later job overrides an earlier one). */
export function readTransferStatus(services: WebServices, organisationId: string): ResourceTransfer[] {
  const jobs = services.provisioning.engine.list(organisationId);
  return RESOURCE_NAMES.map((resource) => {
    const latest = new Map<string, ItemWithFindings>();
    let jobCount = 0;
    for (const job of jobs) {
      if (job.resource !== resource) continue;
      jobCount += 1;
      for (const item of job.items) {
        latest.set(item.id, {
          id: item.id,
          status: item.status,
          jobId: job.id,
          settledAt: new Date(item.modifiedMs).toISOString(),
          errors: item.errors ?? [],
          warnings: item.warnings ?? [],
        });
      }
    }
    const counts = countStatuses(latest.values());
    return {
      resource,
      stored: services.provisioning.data.count(organisationId, resource),
      jobs: jobCount,
      counts,
      itemsWithFindings: [...latest.values()].filter(
        (item) => item.status === 'Error' || item.status === 'Warning',
      ),
    };
  });
}
