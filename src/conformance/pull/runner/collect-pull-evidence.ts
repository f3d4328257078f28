// Freezes what a pull scenario's probes recorded into evidence: journal slice, registration, open-data facts.
import type { RegistrationView } from '../../../mock-ss12000-client/index.js';
import type { PullEvidence, RegistrationRecord } from '../evidence/pull-evidence.js';
import { fetchedObjects } from '../evidence/pull-views.js';
import { syncReports } from '../probe/report-probe.js';
import { collectOpenDataFacts } from './open-data-facts.js';
import type { PullProbeContext } from './probe-context.js';

export interface CollectInput {
  /** Journal seq before the scenario's first step. */
  bookmark: number;
  startedMs: number;
  registration?: RegistrationView;
}

export function collectPullEvidence(ctx: PullProbeContext, input: CollectInput): PullEvidence {
  const { draft, services } = ctx;
  const registration: RegistrationRecord | undefined = input.registration && {
    urlId: input.registration.urlId,
    target: input.registration.target,
    subscription: input.registration.subscription,
  };
  const partial = {
    scenarioId: ctx.scenarioId,
    vendorUrl: ctx.vendorUrl,
    organisationNumber: ctx.organisationNumber,
    settings: {
      webhookTimeoutMs: ctx.settings.webhookTimeoutMs,
      requestTimeoutMs: ctx.settings.requestTimeoutMs,
      maxResponseBytes: ctx.settings.maxResponseBytes,
      lookbackMs: ctx.settings.lookbackMs,
    },
    today: new Date(input.startedMs).toISOString(),
    journal: services.journal.query({ afterSeq: input.bookmark }),
    fetches: [...draft.fetches],
    auth: [...draft.auth],
    ...(draft.subscription ? { subscription: draft.subscription } : {}),
    tokenFilter: [...draft.tokenFilter],
    filters: [...draft.filters],
    ...(registration ? { registration } : {}),
    changes: [...draft.changes],
    incremental: [...draft.incremental],
    deletions: [...draft.deletions],
    reports: [...draft.reports, ...syncReports(ctx, input.bookmark)],
    openData: { schoolUnits: {}, examActivities: {}, validEducationCodes: [] },
  } satisfies PullEvidence;
  return {
    ...partial,
    openData: collectOpenDataFacts(services.catalogue, fetchedObjects(partial), new Date(input.startedMs)),
  };
}
