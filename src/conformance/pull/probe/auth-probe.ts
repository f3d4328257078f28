// The auth matrix: every token variant against every list the vendor serves.
import type { PullProbeContext } from '../runner/probe-context.js';
import { sendProbe } from './probe-client.js';
import { tokenVariants } from './token-variants.js';

/** The lists the auth probe asks by default (`limit=1`, so each answer stays small). */
export const DEFAULT_AUTH_PATHS = [
  '/organisations',
  '/persons',
  '/groups',
  '/duties',
  '/activities',
  '/deletedEntities',
] as const;

export async function probeAuth(
  ctx: PullProbeContext,
  paths: readonly string[] = DEFAULT_AUTH_PATHS,
): Promise<void> {
  const variants = await tokenVariants(ctx.services, ctx.vendorUrl, ctx.organisationNumber);
  ctx.progress('auth', `${variants.length} token variants × ${paths.length} lists`);
  for (const { variant, token, detail } of variants) {
    for (const path of paths) {
      const exchange = await sendProbe(ctx, {
        purpose: `auth:${variant}`,
        method: 'GET',
        path: `${path}?limit=1`,
        operation: path,
        token,
      });
      ctx.draft.auth.push({ variant, detail, exchange });
    }
  }
}
