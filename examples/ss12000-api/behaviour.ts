// The reference API's switchable behaviours: each compliant by default, each easy to break for a fixture.

export interface ReferenceApiBehaviour {
  /** Verify Skolverket's JWT on every SS 12000 call (dnp-facts §4.6). */
  verifyJwt: boolean;
  /** Where a token's location may point: exactly this API, or anywhere under it (Skolverket's reference). */
  locationMatch: 'exact' | 'prefix';
  /** Answer 400 when `pageToken` comes with a filter (subset spec). */
  rejectPageTokenWithFilter: boolean;
  /** Apply `meta.*` filters; off, every list ignores them. */
  honourFilters: boolean;
  /** Page lists; off, every list comes whole with `pageToken: null`. */
  paginate: boolean;
  defaultLimit: number;
  /** Larger `limit` values are served as this many. */
  maxLimit: number;
  /** Key of activities in `deletedEntities` (the spec spells it `activitites`). */
  deletedActivitiesKey: 'activitites' | 'activities';
  /** Key of the webhook's resource list (the standard spells it `modifiedEntites`). */
  webhookKey: 'modifiedEntites' | 'modifiedEntities';
  /** Send webhooks on ingest. */
  sendWebhooks: boolean;
  /** Lifetime of a subscription (Skolverket's reference: 90 days). */
  subscriptionLifetimeMs: number;
}

export const DEFAULT_BEHAVIOUR: ReferenceApiBehaviour = {
  verifyJwt: true,
  locationMatch: 'exact',
  rejectPageTokenWithFilter: true,
  honourFilters: true,
  paginate: true,
  defaultLimit: 100,
  maxLimit: 5000,
  deletedActivitiesKey: 'activitites',
  webhookKey: 'modifiedEntites',
  sendWebhooks: true,
  subscriptionLifetimeMs: 90 * 24 * 3600 * 1000,
};
