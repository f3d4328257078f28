// Sends one webhook per subscription for each change batch, with an `ss12000-client` token for the client's URL.
import type { ReferenceApiBehaviour } from './behaviour.js';
import type { TokenProvider } from './mtls-token-client.js';
import type { ChangeSet, ReferenceStore, Subscription } from './store.js';

export interface WebhookDelivery {
  subscriptionId: string;
  target: string;
  body: Record<string, unknown>;
  status: number;
  error?: string;
}

export interface NotifierOptions {
  store: ReferenceStore;
  behaviour: ReferenceApiBehaviour;
  /** Where `ss12000-client` tokens come from (mTLS in the demo and the tests). */
  tokens?: TokenProvider;
  /** The client's base URL the token must name; default: the target without `/webhooks/{id}`. */
  clientBaseUrl?: string;
  timeoutMs?: number;
}

const ORDER = ['Organisation', 'Person', 'Group', 'Duty', 'Activity'];

/** `…/provtjanst/ss12000/klient/v1/webhooks/{urlId}` → `…/provtjanst/ss12000/klient/v1`. */
export function clientBaseOf(target: string): string {
  return target.replace(/\/webhooks\/[^/]+\/?$/, '');
}

export class Notifier {
  /** Every delivery attempt, newest last (the demo's `/_ingest/webhooks`). */
  readonly deliveries: WebhookDelivery[] = [];

  constructor(private readonly options: NotifierOptions) {}

  /** Posts the batch's webhook to every subscription that covers one of its resources; resolves with the outcomes. */
  async notify(changes: ChangeSet): Promise<WebhookDelivery[]> {
    if (!this.options.behaviour.sendWebhooks) return [];
    const outcomes: WebhookDelivery[] = [];
    for (const subscription of this.options.store.subscriptions.values()) {
      const wanted = new Set(subscription.resourceTypes.map((r) => r.resource));
      const modified = ORDER.filter((r) => changes.modified.has(r) && wanted.has(r));
      const deleted = [...changes.deleted].some((r) => wanted.has(r));
      if (modified.length === 0 && !deleted) continue;
      const body = { [this.options.behaviour.webhookKey]: modified, deletedEntities: deleted };
      outcomes.push(await this.deliver(subscription, body));
    }
    this.deliveries.push(...outcomes);
    return outcomes;
  }

  private async deliver(subscription: Subscription, body: Record<string, unknown>): Promise<WebhookDelivery> {
    const outcome: WebhookDelivery = {
      subscriptionId: subscription.id,
      target: subscription.target,
      body,
      status: 0,
    };
    try {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (this.options.tokens) {
        const location = this.options.clientBaseUrl ?? clientBaseOf(subscription.target);
        const token = await this.options.tokens(location);
        if (token) headers.authorization = `Bearer ${token}`;
      }
      const res = await fetch(subscription.target, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
      outcome.status = res.status;
      if (!res.ok) outcome.error = (await res.text()).slice(0, 300);
      else await res.body?.cancel();
    } catch (error) {
      outcome.error = (error as Error).message;
    }
    return outcome;
  }
}
