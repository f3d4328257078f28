// Brings the stored data in line with the dataset: upserts in dependency order, then deletes in reverse order.
import { RESOURCES } from './dataset.mjs';
import { expectStatus } from './http.mjs';
import { referencesOf } from './references.mjs';
import { createTransfer } from './transfer.mjs';

/** Reverse dependency order: nothing is deleted while something still stored refers to it. */
export const DELETE_ORDER = /** @type {const} */ (['activities', 'groups', 'duties', 'persons']);
/** Page size for listing what is stored (the API allows 1–100). */
export const LIST_PAGE_SIZE = 100;

/**
 * @typedef {object} Step
 * @property {string} resource
 * @property {() => Promise<() => Promise<unknown>>} send posts the batches; resolves to `settle`
 */

/**
 * Strategy: runs the upsert steps in order, each resource's jobs settled before the next resource is sent.
 * Provisioning API README ("Ordningsföljd"): persons → duties → groups → activities; a duty needs its
 * person stored, a group its members, an activity its groups and teachers' duties.
 *
 * @param {Step[]} steps
 */
export async function scheduleUpserts(steps) {
  for (const step of steps) {
    const settle = await step.send();
    await settle();
  }
}

/**
 * Strategy: runs the delete steps (activities → groups → duties → persons), each resource's delete jobs
 * settled before the next resource's deletes are sent: a person whose duty's delete is still Pending is
 * still named by it, and its delete is refused.
 *
 * @param {Step[]} steps
 */
export async function scheduleDeletes(steps) {
  for (const step of steps) {
    const settle = await step.send();
    await settle();
  }
}

/**
 * Strategy: the stored ids that are not in the dataset any more, i.e. to delete. UUIDs compare without
 * regard to case (the service may answer in lower case what was sent in upper case).
 *
 * @param {string[]} storedIds
 * @param {Set<string>} wantedIds lower case
 */
export function findStale(storedIds, wantedIds) {
  return storedIds.filter((id) => !wantedIds.has(id.toLowerCase()));
}

/**
 * Splits a resource's items into those that can be sent and those naming an object that this run sent but
 * that is not stored yet (still TemporaryError or Pending after the re-sends): sending those now would only
 * fail. Objects that ended in Error do not hold anything back: the server's answer (Error for a duty,
 * Warning for a group missing a pupil) tells the huvudman what to fix, and the group's other pupils still
 * get their group.
 *
 * @param {string} resource
 * @param {import('./dataset.mjs').ResourceItem[]} items
 * @param {Set<string>} notYetStored
 */
export function holdBack(resource, items, notYetStored) {
  /** @type {import('./dataset.mjs').ResourceItem[]} */
  const ready = [];
  /** @type {import('./dataset.mjs').ResourceItem[]} */
  const held = [];
  for (const item of items) {
    (referencesOf(resource, item).some((id) => notYetStored.has(id)) ? held : ready).push(item);
  }
  return { ready, held };
}

/**
 * Strategy: every id stored for `resource`, following `pageToken` until it is null (every page, or what is
 * on later pages is never deleted).
 *
 * @param {import('./http.mjs').ApiClient} api
 * @param {string} resource
 */
export async function listStoredIds(api, resource) {
  /** @type {string[]} */
  const ids = [];
  /** @type {string | null | undefined} */
  let pageToken;
  do {
    const query = `?limit=${LIST_PAGE_SIZE}${pageToken ? `&pageToken=${encodeURIComponent(pageToken)}` : ''}`;
    const page = expectStatus(await api.call('GET', `/${resource}${query}`), [200], `GET /${resource}`);
    const body = /** @type {{ data?: { id?: unknown }[], pageToken?: string | null }} */ (page.body ?? {});
    for (const item of body.data ?? []) if (typeof item?.id === 'string') ids.push(item.id);
    pageToken = body.pageToken;
  } while (pageToken);
  return ids;
}

/**
 * @typedef {import('./transfer.mjs').TransferContext & {
 *   strategies: import('./transfer.mjs').TransferStrategies & {
 *     scheduleUpserts: typeof scheduleUpserts,
 *     scheduleDeletes: typeof scheduleDeletes,
 *     listStoredIds: typeof listStoredIds,
 *     findStale: typeof findStale,
 *   }
 * }} SyncContext
 */

/**
 * Upserts every resource (persons → duties → groups → activities), then deletes what is stored but gone from
 * the dataset (activities → groups → duties → persons). Deleting last means every remaining object has
 * already been updated to stop referring to what is deleted, so no delete trips over a reference.
 *
 * @param {SyncContext} ctx
 * @param {import('./dataset.mjs').Dataset} dataset
 * @returns {Promise<(import('./transfer.mjs').FinalResult | { id: string, status: 'HeldBack' })[]>} every
 *   item's final result, upserts and deletes
 */
export async function syncDataset(ctx, dataset) {
  /** @type {(import('./transfer.mjs').FinalResult | { id: string, status: 'HeldBack' })[]} */
  const results = [];
  /** Ids sent in this run that are not stored yet and may be later (TemporaryError, Pending): lower case. */
  const notYetStored = new Set();
  /** @type {Step[]} */
  const steps = RESOURCES.map((resource) => ({
    resource,
    async send() {
      const { ready, held } = holdBack(resource, dataset[resource], notYetStored);
      ctx.log(`${resource}: ${ready.length} item(s) to create or update`);
      if (held.length > 0) {
        ctx.log(
          `${resource}: holding back ${held.length} item(s) that name objects not stored yet; a later run sends them`,
        );
        for (const item of held) {
          results.push({ id: item.id, status: 'HeldBack' });
          notYetStored.add(item.id.toLowerCase()); // and so, in turn, is what names it
        }
      }
      if (ready.length === 0) return async () => undefined;
      const settle = await createTransfer(ctx, { resource, kind: 'upsert', items: ready }).send();
      return async () => {
        for (const result of (await settle()).values()) {
          results.push(result);
          if (result.status === 'TemporaryError' || result.status === 'Pending')
            notYetStored.add(result.id.toLowerCase());
        }
      };
    },
  }));
  await ctx.strategies.scheduleUpserts(steps);

  /** @type {Step[]} */
  const deletes = DELETE_ORDER.map((resource) => ({
    resource,
    async send() {
      const wanted = new Set(dataset[resource].map((item) => item.id.toLowerCase()));
      const stale = ctx.strategies.findStale(await ctx.strategies.listStoredIds(ctx.api, resource), wanted);
      ctx.log(`${resource}: ${stale.length} stored item(s) no longer in the dataset to delete`);
      if (stale.length === 0) return async () => undefined;
      const settle = await createTransfer(ctx, { resource, kind: 'delete', items: stale }).send();
      return async () => {
        results.push(...(await settle()).values());
      };
    },
  }));
  await ctx.strategies.scheduleDeletes(deletes);
  return results;
}
