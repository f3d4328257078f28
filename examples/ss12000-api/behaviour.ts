// The reference API's switchable behaviours: each compliant by default, each easy to break for a fixture.

export interface ReferenceApiBehaviour {
  /** Verify Skolverket's JWT on every SS 12000 call (dnp-facts §4.6). */
  verifyJwt: boolean;
  /**
   * Where a token's location may point: exactly this API, or anywhere under it (`prefix`: a sub-path, as
   * Skolverket's reference allows). `string-prefix` is broken on purpose (for a fixture): any location that
   * starts with this API's URL, so `https://api.example.lookalike.example` passes for `https://api.example`.
   */
  locationMatch: 'exact' | 'prefix' | 'string-prefix';
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
  /** Key of `/organisations` items: the subset spec's `organisations`, or `data` as Skolverket's reference answers. */
  organisationsKey: 'organisations' | 'data';
  /** Error bodies: the subset spec's `{code, message}`, or Skolverket's reference `{"error": {"code": <status>, "message"}}`. */
  errorBody: 'spec' | 'reference';
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
  organisationsKey: 'organisations',
  errorBody: 'spec',
};
