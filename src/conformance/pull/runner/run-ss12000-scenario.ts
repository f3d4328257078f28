// Runs one pull scenario against a vendor's SS 12000 API: its probes in order, then evidence and rules.
import type { MockServices } from '../../../app.js';
import type { RegistrationView } from '../../../mock-ss12000-client/index.js';
import { createTokenSource } from '../../../mock-ss12000-client/index.js';
import type { ScenarioResult } from '../../result/result-model.js';
import { scenarioStatus } from '../../result/summarise.js';
import { displayPath } from '../../scenario/load-scenario.js';
import type { PullEvidence } from '../evidence/pull-evidence.js';
import { probeAuth } from '../probe/auth-probe.js';
import type { ChangeDriver } from '../probe/change-driver.js';
import { probeChange } from '../probe/change-probe.js';
import { probeFetch } from '../probe/fetch-probe.js';
import { probeFilters } from '../probe/filter-probe.js';
import { probeDeletions, probeIncremental } from '../probe/follow-up-probes.js';
import { endRegistration, ensureRegistration, settleWithin } from '../probe/register-probe.js';
import { probeReports } from '../probe/report-probe.js';
import { probeSubscription } from '../probe/subscription-probe.js';
import { probeTokenWithFilter } from '../probe/token-filter-probe.js';
import type { PullScenario } from '../scenario/pull-scenario.js';
import type { PullStep } from '../scenario/pull-scenario-schema.js';
import { prepareSubsetSpec } from '../spec/subset-spec.js';
import { collectPullEvidence } from './collect-pull-evidence.js';
import {
  DEFAULT_PULL_RUN_SETTINGS,
  emptyDraft,
  type PullProbeContext,
  type PullRunSettings,
} from './probe-context.js';
import { evaluatePullRules, harnessErrorRules, pullTrafficItems } from './pull-result.js';

export interface Ss12000ScenarioOptions {
  /** The vendor's base URL (normalised: no trailing slash). */
  vendorUrl: string;
  /** The huvudman's 10-digit organisation number. */
  organisationNumber: string;
  /** The running mock's services: auth (tokens), journal, SS12000 client, open data. */
  services: MockServices;
  changeDriver: ChangeDriver;
  settings?: Partial<PullRunSettings>;
  onProgress?: (phase: string, message: string) => void;
}

export interface Ss12000ScenarioOutcome {
  result: ScenarioResult;
  evidence?: PullEvidence;
}

async function runStep(ctx: PullProbeContext, step: PullStep): Promise<void> {
  if (step.fetch) await probeFetch(ctx, { ...step.fetch });
  else if (step.auth) await probeAuth(ctx, step.auth.paths);
  else if (step.subscription) await probeSubscription(ctx);
  else if (step.tokenWithFilter) await probeTokenWithFilter(ctx, step.tokenWithFilter.resources);
  else if (step.filters)
    await probeFilters(ctx, {
      ...(step.filters.resources ? { resources: step.filters.resources } : {}),
      ...(step.filters.params ? { params: step.filters.params } : {}),
    });
  else if (step.reports) await probeReports(ctx);
  else if (step.register) await ensureRegistration(ctx);
  else if (step.change)
    await probeChange(ctx, {
      kind: step.change.kind,
      ...(step.change.count ? { count: step.change.count } : {}),
    });
  else if (step.incremental) await probeIncremental(ctx);
  else if (step.deletions) await probeDeletions(ctx);
  else if (step.wait !== undefined) await settleWithin(new Promise(() => {}), step.wait);
}

/**
 * Runs a pull scenario against the vendor's API through an already running mock. Never throws: a problem of
 * the harness (a failing change hook, an unexpected exception) makes the result `error` (exit code 2); what
 * the API does wrong makes rules fail (exit code 1).
 * @example const { result } = await runSs12000Scenario(scenario, { vendorUrl, organisationNumber: '5567044268', services, changeDriver });
 */
export async function runSs12000Scenario(
  scenario: PullScenario,
  options: Ss12000ScenarioOptions,
): Promise<Ss12000ScenarioOutcome> {
  const { services } = options;
  const startedMs = services.clock.now();
  const bookmark = services.journal.bookmark;
  const ctx: PullProbeContext = {
    scenarioId: scenario.id,
    vendorUrl: options.vendorUrl,
    organisationNumber: options.organisationNumber,
    services,
    settings: { ...DEFAULT_PULL_RUN_SETTINGS, ...options.settings },
    draft: emptyDraft(),
    validToken: createTokenSource({
      auth: services.auth,
      clock: services.clock,
      location: options.vendorUrl,
      entityId: services.urls.ss12000Client,
    }),
    changeDriver: options.changeDriver,
    progress: options.onProgress ?? (() => {}),
  };
  const base = {
    id: scenario.id,
    title: scenario.title,
    description: scenario.description,
    file: displayPath(scenario.file),
    target: 'ss12000' as const,
    startedAt: new Date(startedMs).toISOString(),
    runs: [],
  };
  let registration: RegistrationView | undefined;
  try {
    for (const step of scenario.steps) await runStep(ctx, step);
    registration = ctx.registration?.view();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await endRegistration(ctx).catch(() => undefined);
    return {
      result: {
        ...base,
        status: 'error',
        durationMs: services.clock.now() - startedMs,
        rules: harnessErrorRules(scenario.rules, message),
        traffic: [],
        harnessError: message,
      },
    };
  }
  await endRegistration(ctx);
  await prepareSubsetSpec();
  ctx.progress('evaluate', 'evaluating rules');
  const evidence = collectPullEvidence(ctx, {
    bookmark,
    startedMs,
    ...(registration ? { registration } : {}),
  });
  const rules = evaluatePullRules(scenario.rules, evidence);
  const harnessError = ctx.draft.harnessErrors.length > 0 ? ctx.draft.harnessErrors.join('; ') : undefined;
  const status = scenarioStatus(rules, harnessError);
  return {
    result: {
      ...base,
      status,
      durationMs: services.clock.now() - startedMs,
      rules,
      traffic: pullTrafficItems(evidence, startedMs),
      ...(harnessError ? { harnessError } : {}),
    },
    evidence,
  };
}
