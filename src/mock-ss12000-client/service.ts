// The SS12000 client as one service: registrations (Administration provtjänsten), webhooks in, syncs out.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock/clock.js';
import { acceptedBaseUrls, type MockUrls } from '../config/mock-urls.js';
import type { Journal } from '../journal/journal.js';
import { createJournaledFetch } from '../journal/journaled-fetch.js';
import {
  type AuthService,
  parseOrganisationNumber,
  toOrganisationId,
  type VerifyResult,
} from '../mock-auth/index.js';
import type { RuleSettings } from '../model/index.js';
import type { OpenDataCatalogue } from '../open-data/index.js';
import { RegisteredApi } from './registered-api.js';
import type { Ss12000ClientSettings } from './settings.js';
import type { SyncJob } from './sync-job.js';
import type { WebhookNotification } from './webhook-notification.js';

export interface Ss12000ClientServiceOptions {
  settings: Ss12000ClientSettings;
  clock: Clock;
  journal: Journal;
  urls: MockUrls;
  auth: Pick<AuthService, 'issueToken' | 'verifyAccessToken'>;
  catalogue: OpenDataCatalogue;
  /** The model's interpretation switches (defaults when absent). */
  ruleSettings?: Partial<RuleSettings>;
  /** The fetch under the journal (tests may inject one). */
  fetch?: typeof fetch;
}

export type RegistrationErrorCode = 'invalid_organisation_number' | 'invalid_url' | 'already_registered';

/** A registration request the service refuses; the control plane answers 400 (409 for a duplicate). */
export class RegistrationError extends Error {
  constructor(
    readonly code: RegistrationErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RegistrationError';
  }
}

/** A vendor base URL: http(s), no query or fragment, no trailing slash. */
export function normaliseApiUrl(input: string): string | undefined {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash || url.username)
    return undefined;
  return url.toString().replace(/\/+$/, '');
}

export class Ss12000ClientService {
  private readonly apis = new Map<string, RegisteredApi>();
  private readonly fetch;

  constructor(private readonly options: Ss12000ClientServiceOptions) {
    this.fetch = createJournaledFetch({
      journal: options.journal,
      clock: options.clock,
      component: 'ss12000-client',
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  }

  /**
   * Registers a vendor URL for an organisation, then (in the background) subscribes and runs a full sync.
   * @throws RegistrationError on a bad organisation number or URL, or a URL the organisation already registered.
   */
  register(input: { organisationNumber: string; url: string }): RegisteredApi {
    const organisationNumber = parseOrganisationNumber(input.organisationNumber);
    if (!organisationNumber) {
      throw new RegistrationError(
        'invalid_organisation_number',
        `"${input.organisationNumber}" is not a 10-digit organisation number`,
      );
    }
    const url = normaliseApiUrl(input.url);
    if (!url)
      throw new RegistrationError(
        'invalid_url',
        `"${input.url}" is not an http(s) base URL without query or fragment`,
      );
    const duplicate = [...this.apis.values()].find(
      (api) => api.organisationNumber === organisationNumber && api.url === url,
    );
    if (duplicate) {
      throw new RegistrationError(
        'already_registered',
        `${url} is already registered for ${organisationNumber} as ${duplicate.urlId}`,
      );
    }
    const urlId = randomUUID();
    const api = new RegisteredApi({
      urlId,
      organisationNumber,
      url,
      target: `${this.options.urls.ss12000Client}/webhooks/${urlId}`,
      clientUrl: this.options.urls.ss12000Client,
      settings: this.options.settings,
      clock: this.options.clock,
      fetch: this.fetch,
      auth: this.options.auth,
      catalogue: this.options.catalogue,
      ...(this.options.ruleSettings ? { ruleSettings: this.options.ruleSettings } : {}),
    });
    this.apis.set(urlId, api);
    api.requestSync({ kind: 'full', subscribe: true });
    return api;
  }

  list(organisationNumber?: string): RegisteredApi[] {
    const wanted = organisationNumber ? parseOrganisationNumber(organisationNumber) : undefined;
    return [...this.apis.values()].filter((api) => !wanted || api.organisationNumber === wanted);
  }

  get(urlId: string): RegisteredApi | undefined {
    return this.apis.get(urlId);
  }

  /** Removes a registration and deletes its subscription at the vendor; undefined when unknown. */
  async unregister(urlId: string): Promise<{ subscriptionDeleted: boolean; error?: unknown } | undefined> {
    const api = this.apis.get(urlId);
    if (!api) return undefined;
    this.apis.delete(urlId);
    return api.remove();
  }

  /**
   * Checks a webhook's token: `ss12000-client` access naming the client's base URL (any URL this mock
   * answers on; with `ss12000WebhookLocation: base-or-target` also the full target URL), issued to the
   * registration's organisation.
   */
  verifyWebhookToken(api: RegisteredApi, token: string | undefined): Promise<VerifyResult> {
    const bases = acceptedBaseUrls(this.options.urls, 'ss12000Client');
    const locations =
      this.options.settings.ss12000WebhookLocation === 'base-or-target'
        ? [...bases, ...bases.map((base) => `${base}/webhooks/${api.urlId}`)]
        : bases;
    return this.options.auth.verifyAccessToken(token, {
      type: 'ss12000-client',
      location: locations,
      organisationId: toOrganisationId(api.organisationNumber),
    });
  }

  /** Queues the incremental fetch for a verified notification received at `notifiedAtMs` (T). */
  notify(api: RegisteredApi, notification: WebhookNotification, notifiedAtMs: number): SyncJob {
    return api.requestSync({
      kind: 'incremental',
      notifiedAtMs,
      modifiedAfterMs: notifiedAtMs - this.options.settings.ss12000WebhookLookback,
      resources: notification.resources,
      deletedEntities: notification.deletedEntities,
    });
  }

  /** Resolves once no registration has a job running or waiting. */
  async idle(): Promise<void> {
    await Promise.all([...this.apis.values()].map((api) => api.idle()));
  }

  /** Stops every timer and job; subscriptions stay at the vendors (the mock is only shutting down). */
  async close(): Promise<void> {
    for (const api of this.apis.values()) api.close();
    await this.idle();
  }
}
