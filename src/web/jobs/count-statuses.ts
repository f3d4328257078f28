// Counts items by status, Pending included: what the jobs board and the transfer status table both show.
import type { ItemStatus } from '../../mock-provisioning/job.js';

export type StatusCounts = Record<ItemStatus, number>;

export function countStatuses(items: Iterable<{ status: ItemStatus }>): StatusCounts {
  const counts: StatusCounts = { Pending: 0, Success: 0, Warning: 0, Error: 0, TemporaryError: 0 };
  for (const item of items) counts[item.status] += 1;
  return counts;
}
