// Public surface of the Provisioning API mock: the apps, the service and its read-only view, settings and events.
export { createProvisioningApp, type ProvisioningAppOptions } from './app.js';
export type { TokenVerifier } from './auth-middleware.js';
export { createProvisioningControlApp, type ProvisioningControlAppOptions } from './control-app.js';
export { FaultInjector, type FaultPatch, type FaultView } from './faults.js';
export type { ItemStatus, JobCounts, JobOperation } from './job.js';
export { provisioningNotFound } from './not-found.js';
export type {
  JobCompletedEvent,
  JobEvent,
  ProvisioningEventMap,
  ProvisioningEvents,
} from './provisioning-events.js';
export {
  type JobView,
  ProvisioningService,
  type ProvisioningServiceOptions,
  type ProvisioningSnapshot,
  type ProvisioningView,
} from './provisioning-service.js';
export type { ProvisioningConfig } from './runtime-config.js';
export { PROVISIONING_SETTINGS, type ProvisioningSettings } from './settings.js';
export type { CatalogueReader } from './store-rule-context.js';
