// AUTH rules: the token comes from /transaction over mTLS, is verified, sent on every call, reused, and renewed.
import { z } from 'zod';
import { toRequestRef } from '../../result/request-ref.js';
import { defineRule, type Finding, firstRequests } from '../../rule/rule.js';
import { SOURCES } from '../../rule/sources.js';
import type { Evidence, IssuedTokenRecord } from '../evidence/evidence.js';
import { describeFaults, isRefusable } from '../evidence/token-faults.js';
import { hasBearer, tokenIdOf, tokensInOrder, transactionFor } from '../evidence/tokens-view.js';
import {
  answeredMs,
  callsInRun,
  type Entry,
  provisioningCalls,
  runAt,
  transactionCalls,
} from '../evidence/traffic.js';
import { AUTH_TOKEN_REQUEST_GRANTED } from './token-request-rule.js';

export const AUTH_TOKEN_FROM_TRANSACTION = defineRule({
  id: 'PUSH-AUTH-001',
  family: 'AUTH',
  title: 'Gets its token over mTLS from /transaction',
  severity: 'blocker',
  why:
    'The Provisioning API accepts only JWTs from the provtjänst authorization server, which hands them out at ' +
    '/transaction to a client that proves itself with its client certificate (mutual TLS). A client without ' +
    'that flow cannot reach Skolverket at all.',
  sources: [SOURCES.checklistPush, SOURCES.authFlow, SOURCES.authServer],
  fix:
    'POST the GNAP request to /transaction over HTTPS with the client certificate and key ' +
    '(PROVTJANST_CLIENT_CERT, PROVTJANST_CLIENT_KEY, trusting PROVTJANST_CA_CERT) and use access_token.value.',
  params: z.object({}),
  check(evidence) {
    const findings: Finding[] = [];
    const transactions = transactionCalls(evidence);
    const good = transactions.filter((e) => e.status === 200 && e.url.startsWith('https:'));
    if (good.length === 0) {
      findings.push({
        message:
          transactions.length === 0
            ? 'The client never called /transaction.'
            : `No /transaction call succeeded over HTTPS with a client certificate (answers: ${[
                ...new Set(transactions.map((e) => e.status)),
              ].join(', ')}; PUSH-AUTH-006 says why a request was refused).`,
        requests: firstRequests(transactions.map(toRequestRef)),
      });
    }
    const issued = new Set(evidence.tokens.map((t) => t.tokenId));
    const foreign = provisioningCalls(evidence).filter((e) => {
      const id = tokenIdOf(e);
      return id !== undefined && !issued.has(id);
    });
    if (foreign.length > 0) {
      findings.push({
        message: `${foreign.length} Provisioning API call(s) carried a token that /transaction never issued.`,
        requests: firstRequests(foreign.map(toRequestRef)),
      });
    }
    return findings;
  },
});

export const AUTH_VERIFIES_JWT = defineRule({
  id: 'PUSH-AUTH-002',
  family: 'AUTH',
  title: 'Verifies the JWT before using it',
  severity: 'blocker',
  why:
    "Skolverket's checklist, step 6.2: the client shall verify the JWT it receives. A client that does not " +
    'check the signature against the JWKS (by kid), exp, nbf, organization_id and requested_access would send ' +
    "whatever a man in the middle, a misconfigured server or another huvudman's token hands it. In these " +
    'scenarios the server hands out tokens a verifying client must refuse (signed by an unknown key, a bad ' +
    'signature under a published kid, expired at issue, not yet valid, for another API, for another ' +
    'organisation); no call may carry one.',
  sources: [SOURCES.checklistPush, SOURCES.authServer],
  fix:
    "Fetch /.well-known/jwks.json, find the key by the token header's kid, and verify the signature (ES256), " +
    'exp, nbf, organization_id (against your certificate) and requested_access (type provisioning-api at your ' +
    "API's URL), for example with jose's jwtVerify and createRemoteJWKSet, before the first call; on failure " +
    'discard the token and request a new one.',
  params: z.object({}),
  skipUnless: (evidence) =>
    evidence.tokens.some(isRefusable)
      ? undefined
      : 'the scenario served no token a verifying client must refuse',
  check(evidence) {
    const byToken = new Map(evidence.tokens.filter(isRefusable).map((t) => [t.tokenId, t]));
    const used = new Map<string, Entry[]>();
    for (const entry of provisioningCalls(evidence)) {
      const token = byToken.get(tokenIdOf(entry) ?? '');
      if (!token) continue;
      const key = [...token.faults].sort().join(',');
      used.set(key, [...(used.get(key) ?? []), entry]);
    }
    return [...used].map(([key, entries]) => ({
      message:
        `${entries.length} call(s) used a token the client should have refused: ` +
        `${describeFaults(key.split(','))} (fault ${key}).`,
      requests: firstRequests(entries.map(toRequestRef)),
    }));
  },
});

export const AUTH_BEARER_EVERY_CALL = defineRule({
  id: 'PUSH-AUTH-003',
  family: 'AUTH',
  title: 'Sends a Bearer token on every call',
  severity: 'blocker',
  why:
    "Skolverket's checklist, step 6.2: the JWT is sent in every call to the Provisioning API, as " +
    '`Authorization: Bearer <JWT>`; the huvudman is identified by it. A call without it is refused (403, 5002).',
  sources: [SOURCES.checklistPush, SOURCES.openApi],
  fix: 'Add `Authorization: Bearer <access_token.value>` to every request, job-status polls included.',
  params: z.object({}),
  skipUnless: (evidence) =>
    provisioningCalls(evidence).length > 0 ? undefined : 'the client made no Provisioning API call',
  check(evidence) {
    const missing = provisioningCalls(evidence).filter((e) => !hasBearer(e));
    if (missing.length === 0) return [];
    return [
      {
        message: `${missing.length} Provisioning API call(s) had no Bearer token.`,
        requests: firstRequests(missing.map(toRequestRef)),
      },
    ];
  },
});

/** A token counts as "near expiry" within this margin: the larger of an absolute and a relative part. */
function nearExpiryMarginMs(token: IssuedTokenRecord, seconds: number, fraction: number): number {
  return Math.max(seconds * 1000, (token.expiresMs - token.issuedMs) * fraction);
}

function wasRefused(evidence: Evidence, tokenId: string, beforeMs: number): boolean {
  return provisioningCalls(evidence).some(
    (e) => (e.status === 401 || e.status === 403) && tokenIdOf(e) === tokenId && e.timeMs <= beforeMs,
  );
}

export const AUTH_REUSES_TOKEN = defineRule({
  id: 'PUSH-AUTH-004',
  family: 'AUTH',
  title: 'Reuses its token until it nears expiry',
  severity: 'major',
  why:
    'A token lives for hours (the production token Skolverket published: 36000 s; the example in its README says 864000). Fetching one per call doubles the traffic, loads the ' +
    'authorization server, and spends the mTLS handshake on every request. A new token is due only when the ' +
    'old one is about to expire, has been refused, or failed verification.',
  sources: [SOURCES.authFlow, SOURCES.authServer],
  fix: 'Cache the token with its exp; reuse it for every call and fetch a new one shortly before exp or after a 403.',
  params: z.object({
    nearExpirySeconds: z
      .number()
      .min(0)
      .default(300)
      .describe('A renewal this close to exp is fine (seconds).'),
    nearExpiryFraction: z
      .number()
      .min(0)
      .max(1)
      .default(0.1)
      .describe('…or within this fraction of the token lifetime, whichever is larger.'),
    maxEarlyRenewals: z.number().int().min(0).default(0).describe('Early renewals tolerated per scenario.'),
  }),
  skipUnless: (evidence) =>
    evidence.runs.some((run) => callsInRun(evidence, run).length >= 2)
      ? undefined
      : 'no run made two Provisioning API calls, so there was no token to reuse',
  check(evidence, params) {
    const early: IssuedTokenRecord[] = [];
    const tokens = tokensInOrder(evidence);
    for (let i = 1; i < tokens.length; i += 1) {
      const previous = tokens[i - 1] as IssuedTokenRecord;
      const next = tokens[i] as IssuedTokenRecord;
      // Each run is a fresh process: its first token is never early.
      if (runAt(evidence, previous.issuedMs)?.index !== runAt(evidence, next.issuedMs)?.index) continue;
      // A token the client had good reason to refuse (any served fault) excuses asking for another.
      if (isRefusable(previous)) continue;
      const left = previous.expiresMs - next.issuedMs;
      if (left <= nearExpiryMarginMs(previous, params.nearExpirySeconds, params.nearExpiryFraction)) continue;
      if (wasRefused(evidence, previous.tokenId, next.issuedMs)) continue;
      early.push(next);
    }
    if (early.length <= params.maxEarlyRenewals) return [];
    const refs = early.flatMap((t) => {
      const entry = transactionFor(evidence, t);
      return entry ? [toRequestRef(entry)] : [];
    });
    return [
      {
        message: `${early.length} token(s) were fetched while the previous one was still valid and never refused.`,
        requests: firstRequests(refs),
      },
    ];
  },
});

export const AUTH_RENEWS_TOKEN = defineRule({
  id: 'PUSH-AUTH-005',
  family: 'AUTH',
  title: 'Gets a new token after expiry or a 403',
  severity: 'major',
  why:
    'An expired or otherwise refused token stays refused (403, LogEntry 5002). A client that keeps sending it ' +
    'makes no progress and, with a retry loop, floods the API. The authentication flow renews the token instead.',
  sources: [SOURCES.authFlow, SOURCES.openApi],
  fix: 'On 401/403 with 5002, drop the cached token, fetch a new one from /transaction, then retry the call once.',
  params: z.object({}),
  skipUnless(evidence) {
    const refused = provisioningCalls(evidence).some((e) => e.status === 401 || e.status === 403);
    const expired = evidence.tokens.some((t) =>
      evidence.runs.some((r) => t.expiresMs < r.endMs && t.expiresMs > r.startMs),
    );
    return refused || expired ? undefined : 'no token expired or was refused while the client ran';
  },
  check(evidence) {
    const calls = provisioningCalls(evidence);
    const refusedAt = new Map<string, number>();
    const reused = [];
    for (const entry of calls) {
      const id = tokenIdOf(entry);
      if (!id) continue;
      const since = refusedAt.get(id);
      if (since !== undefined && entry.timeMs >= since) reused.push(entry);
      if ((entry.status === 401 || entry.status === 403) && since === undefined)
        refusedAt.set(id, answeredMs(entry));
    }
    if (reused.length === 0) return [];
    return [
      {
        message: `${reused.length} call(s) sent a token again after it had been refused.`,
        requests: firstRequests(reused.map(toRequestRef)),
      },
    ];
  },
});

export const AUTH_RULES = [
  AUTH_TOKEN_FROM_TRANSACTION,
  AUTH_VERIFIES_JWT,
  AUTH_BEARER_EVERY_CALL,
  AUTH_REUSES_TOKEN,
  AUTH_RENEWS_TOKEN,
  AUTH_TOKEN_REQUEST_GRANTED,
];
