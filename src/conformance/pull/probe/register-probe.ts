// Registers the vendor with the mock's SS12000 client (subscription + full sync), as Administration provtjänsten does.
import { type RegisteredApi, RegistrationError } from '../../../mock-ss12000-client/index.js';
import type { PullProbeContext } from '../runner/probe-context.js';

/** Resolves when `promise` does or `ms` have passed, whichever is first (never keeping the process alive). */
export async function settleWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
    timer.unref?.();
  });
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The scenario's registration: created on first use (the client subscribes, then fetches everything) and
 * waited for, so later steps do not race its sync. A registration of the same URL left by an earlier run of
 * this mock is reused.
 */
export async function ensureRegistration(ctx: PullProbeContext): Promise<RegisteredApi> {
  if (ctx.registration) return ctx.registration;
  const service = ctx.services.ss12000Client;
  let api: RegisteredApi;
  try {
    api = service.register({ organisationNumber: ctx.organisationNumber, url: ctx.vendorUrl });
  } catch (error) {
    const existing =
      error instanceof RegistrationError && error.code === 'already_registered'
        ? service.list(ctx.organisationNumber).find((a) => a.url === ctx.vendorUrl)
        : undefined;
    if (!existing) throw error;
    api = existing;
  }
  ctx.registration = api;
  ctx.progress(
    'register',
    `registered as ${api.urlId}; the SS12000 client subscribes and fetches everything`,
  );
  const settled = await settleWithin(api.idle(), ctx.settings.syncTimeoutMs);
  const view = api.view();
  ctx.progress(
    'register',
    `${settled ? 'sync done' : 'sync still running'}: subscription ${view.subscription.state}, ${Object.entries(
      view.counts,
    )
      .map(([r, n]) => `${n} ${r}`)
      .join(', ')}`,
  );
  return api;
}

/** Ends the registration: the client deletes its subscription at the vendor. */
export async function endRegistration(ctx: PullProbeContext): Promise<void> {
  const api = ctx.registration;
  if (!api) return;
  ctx.registration = undefined;
  await settleWithin(ctx.services.ss12000Client.unregister(api.urlId), ctx.settings.syncTimeoutMs);
}
