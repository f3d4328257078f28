// Public surface of the SS12000 client capability: the service, its two sub-apps, settings, result types, and
// the guarded HTTP, paging and judging building blocks the pull conformance runner reuses.
export { type ControlAppOptions, createSs12000ControlApp } from './control-app.js';
export { type ItemJudgement, judgeItem } from './judge-item.js';
export { Mirror, type MirrorItem } from './mirror.js';
export { createMirrorRuleContext, type MirrorRuleContextOptions } from './mirror-rule-context.js';
export { deletedExtractor, listExtractor, type PageExtractor, paginate } from './paginate.js';
export { RegisteredApi, type RegistrationState, type RegistrationView } from './registered-api.js';
export {
  DELETED_KEYS,
  inFetchOrder,
  RESOURCE_ORDER,
  RESOURCE_PATHS,
  type Ss12000ResourcePath,
  type Ss12000ResourceType,
} from './resources.js';
export {
  normaliseApiUrl,
  RegistrationError,
  type RegistrationErrorCode,
  Ss12000ClientService,
  type Ss12000ClientServiceOptions,
} from './service.js';
export { SS12000_CLIENT_SETTINGS, type Ss12000ClientSettings } from './settings.js';
export type { SubscriptionState } from './subscription-manager.js';
export { SyncError, type SyncErrorCode, toSyncError } from './sync-error.js';
export type {
  DeletionOutcome,
  ResourceOutcome,
  SyncJob,
  SyncJobKind,
  SyncJobState,
  SyncJobSummary,
} from './sync-job.js';
export { createTokenSource, SKOLVERKET_ORGANISATION_NUMBER } from './token-source.js';
export { type VendorAnswer, VendorHttp, type VendorHttpOptions } from './vendor-http.js';
export type { VendorLogEntry, VendorStatisticsEntry } from './vendor-reporter.js';
export { createSs12000WebhookApp, type WebhookAppOptions } from './webhook-app.js';
export { parseWebhookNotification, type WebhookNotification } from './webhook-notification.js';
export { describeTokenRefusal, NO_ACCESS_MESSAGE } from './webhook-token-refusal.js';
