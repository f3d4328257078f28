// AUTH rules: the vendor's API refuses every spoiled token with 401/403 and accepts Skolverket's valid one.
import { z } from 'zod';
import type { Finding, Severity } from '../../rule/rule.js';
import type { AuthProbeRecord, PullEvidence, TokenVariant } from '../evidence/pull-evidence.js';
import { describeExchange, listSome, refsOf } from '../evidence/pull-views.js';
import { definePullRule, type PullRule } from './pull-rule.js';
import { PULL_SOURCES } from './pull-sources.js';

const REFUSALS = new Set([401, 403]);

function probesOf(evidence: PullEvidence, variants: readonly TokenVariant[]): AuthProbeRecord[] {
  return evidence.auth.filter((a) => variants.includes(a.variant) && a.exchange.status !== undefined);
}

function skipWithout(variants: readonly TokenVariant[]) {
  const named = variants.join(' or ');
  return (evidence: PullEvidence) =>
    probesOf(evidence, variants).length > 0
      ? undefined
      : evidence.auth.some((a) => variants.includes(a.variant))
        ? `no call with a ${named} token was answered (see PULL-SHAPE-001)`
        : `the scenario sent no call with a ${named} token`;
}

function statuses(probes: readonly AuthProbeRecord[]): string {
  return listSome([...new Set(probes.map((p) => String(p.exchange.status)))]);
}

interface RefusalSpec {
  id: string;
  /** The spoiled tokens the rule judges (several: each a way the same check can be wrong). */
  variants: readonly Exclude<TokenVariant, 'valid'>[];
  title: string;
  severity: Severity;
  what: string;
  why: string;
  fix: string;
}

function refusalRule(spec: RefusalSpec): PullRule {
  return definePullRule({
    id: spec.id,
    family: 'AUTH',
    title: spec.title,
    severity: spec.severity,
    why: spec.why,
    sources: [PULL_SOURCES.verifyJwt, PULL_SOURCES.checklistPull],
    fix: spec.fix,
    params: z.object({}),
    skipUnless: skipWithout(spec.variants),
    check(evidence) {
      return spec.variants.flatMap((variant): Finding[] => {
        const probes = probesOf(evidence, [variant]);
        const accepted = probes.filter((p) => !REFUSALS.has(p.exchange.status as number));
        if (accepted.length === 0) return [];
        const detail = probes[0]?.detail;
        // The detail says more than `what` only when it is not the same words (no "header (header)").
        const shown = detail && !spec.what.includes(detail) ? ` (${detail})` : '';
        return [
          {
            message:
              `${accepted.length} of ${probes.length} call(s) with ${spec.what}${shown} were answered ` +
              `${statuses(accepted)} instead of 401 or 403: ${listSome(
                accepted.map((p) => describeExchange(p.exchange)),
                3,
              )}.`,
            requests: refsOf(accepted.map((p) => p.exchange)),
          },
        ];
      });
    },
  });
}

const VERIFY_FIX =
  'Verify every call as the authorization server README says: a Bearer JWT, signed ES256 by a key of the ' +
  "provtjänst's JWKS (look the key up by kid), nbf and exp against your clock, organization_id SE2021004185, " +
  'and a requested_access entry of type ss12000-api whose locations name your API base URL. Answer 401 ' +
  'without a token and 403 otherwise.';

export const AUTH_REFUSES_MISSING = refusalRule({
  id: 'PULL-AUTH-001',
  variants: ['missing'],
  title: 'Refuses a call without a token',
  severity: 'blocker',
  what: 'no Authorization header',
  why: 'An SS 12000 API hands out personal data (civic numbers) of pupils and staff. Only Skolverket may read it, and only a valid token shows that the caller is Skolverket.',
  fix: VERIFY_FIX,
});

export const AUTH_REFUSES_GARBLED = refusalRule({
  id: 'PULL-AUTH-002',
  variants: ['garbled'],
  title: 'Refuses a garbled token',
  severity: 'blocker',
  what: 'a garbled token',
  why: 'A token whose signature does not verify, or that is not a JWT at all, proves nothing: an API that only decodes the payload lets anyone in who can write JSON.',
  fix: VERIFY_FIX,
});

export const AUTH_REFUSES_UNKNOWN_KEY = refusalRule({
  id: 'PULL-AUTH-003',
  variants: ['unknown-key'],
  title: 'Refuses a token signed by a key not in the JWKS',
  severity: 'blocker',
  what: 'a token signed by a key that is not in the JWKS',
  why: "Only the keys the provtjänst's authorization server publishes may sign Skolverket's tokens. A well-formed token from any other key is a forgery.",
  fix: VERIFY_FIX,
});

export const AUTH_REFUSES_EXPIRED = refusalRule({
  id: 'PULL-AUTH-004',
  variants: ['expired'],
  title: 'Refuses an expired token',
  severity: 'blocker',
  what: 'an expired token',
  why: 'Tokens live for hours (36000 s in production). An API that ignores exp keeps accepting a token long after it leaked.',
  fix: VERIFY_FIX,
});

export const AUTH_REFUSES_NOT_YET_VALID = refusalRule({
  id: 'PULL-AUTH-005',
  variants: ['not-yet-valid'],
  title: 'Refuses a token that is not valid yet',
  severity: 'major',
  what: 'a token whose nbf is in the future',
  why: 'The README tells a receiver to check nbf as well as exp: a token is valid only inside that window.',
  fix: VERIFY_FIX,
});

export const AUTH_REFUSES_OTHER_ORGANISATION = refusalRule({
  id: 'PULL-AUTH-006',
  variants: ['other-organisation'],
  title: 'Refuses a token for another organization_id',
  severity: 'blocker',
  what: 'a token for another organization_id',
  why: "The same authorization server issues tokens to every huvudman and vendor. Only organization_id SE2021004185 (Skolverket) may read the API; a token of any other organisation, the huvudman's own included, must be refused.",
  fix: VERIFY_FIX,
});

export const AUTH_REFUSES_OTHER_LOCATION = refusalRule({
  id: 'PULL-AUTH-007',
  variants: ['other-location', 'lookalike-location'],
  title: 'Refuses a token for another location',
  severity: 'major',
  what: "a token whose requested_access names another API's URL",
  why: "A token names the API it is for. One issued for another vendor's or huvudman's API must not open this one, or a token leaked anywhere opens every API. A location compared by prefix or substring lets a lookalike host in (this API's URL followed by more host characters); a sub-path of this API's URL may be accepted, as Skolverket's reference does.",
  fix: VERIFY_FIX,
});

export const AUTH_REFUSES_OTHER_TYPE = refusalRule({
  id: 'PULL-AUTH-008',
  variants: ['other-access-type'],
  title: 'Refuses a token of another access type',
  severity: 'major',
  what: 'a token with access type ss12000-client instead of ss12000-api',
  why: 'Skolverket fetches with ss12000-api tokens; ss12000-client tokens are what vendors send with webhooks. An API that accepts any type lets every vendor with a webhook token read it.',
  fix: VERIFY_FIX,
});

export const AUTH_ACCEPTS_VALID = definePullRule({
  id: 'PULL-AUTH-009',
  family: 'AUTH',
  title: "Accepts Skolverket's valid token",
  severity: 'blocker',
  why: 'The verification must let the real thing through: an API that refuses a valid ss12000-api token for its own URL delivers nothing to the provtjänst.',
  sources: [PULL_SOURCES.verifyJwt, PULL_SOURCES.ss12000Client],
  fix:
    'Check the configuration against the token the runner sent: the JWKS URL (printed by the runner), the ' +
    "organization_id SE2021004185, and your API's base URL exactly as registered (the token's location).",
  params: z.object({}),
  skipUnless: skipWithout(['valid']),
  check(evidence) {
    const probes = probesOf(evidence, ['valid']);
    const refused = probes.filter(
      (p) => (p.exchange.status as number) < 200 || (p.exchange.status as number) > 299,
    );
    if (refused.length === 0) return [];
    const finding: Finding = {
      message:
        `${refused.length} of ${probes.length} call(s) with a valid ss12000-api token were answered ` +
        `${statuses(refused)}: ${listSome(
          refused.map((p) => describeExchange(p.exchange)),
          3,
        )}.`,
      requests: refsOf(refused.map((p) => p.exchange)),
    };
    return [finding];
  },
});

export const PULL_AUTH_RULES: readonly PullRule[] = [
  AUTH_REFUSES_MISSING,
  AUTH_REFUSES_GARBLED,
  AUTH_REFUSES_UNKNOWN_KEY,
  AUTH_REFUSES_EXPIRED,
  AUTH_REFUSES_NOT_YET_VALID,
  AUTH_REFUSES_OTHER_ORGANISATION,
  AUTH_REFUSES_OTHER_LOCATION,
  AUTH_REFUSES_OTHER_TYPE,
  AUTH_ACCEPTS_VALID,
];
