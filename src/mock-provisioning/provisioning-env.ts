// The Hono environment of the Provisioning API: the shared one plus the caller's organisation.
import type { AppEnv, AppVariables } from '../app-env.js';

export interface ProvisioningVariables extends AppVariables {
  /** The token's `organization_id` (`SE` + 10 digits): whose data this call reads and writes. */
  organisationId: string;
}

export type ProvisioningEnv = { Bindings: AppEnv['Bindings']; Variables: ProvisioningVariables };
