// Issue 12 on the pull side: rules with nothing to judge are skipped with the reason, and the rules for blind
// spots 11, 12, 14-16 judge hand-built evidence (a passing and a failing case each).
import { SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DeletionProbeRecord } from '../../../src/conformance/pull/evidence/pull-evidence.js';
import { renewalAsked } from '../../../src/conformance/pull/probe/subscription-probe.js';
import { lookalikeLocation } from '../../../src/conformance/pull/probe/token-variants.js';
import { DEL_DEPENDANTS_CHANGED } from '../../../src/conformance/pull/rules/del-rules.js';
import { HOOK_TOKEN } from '../../../src/conformance/pull/rules/hook-rules.js';
import { PAGE_LAST_TOKEN_NULL } from '../../../src/conformance/pull/rules/page-rules.js';
import {
  SHAPE_MATCHES_SPEC,
  SHAPE_REFERENCE_SPELLINGS,
  SHAPE_USABLE_ANSWERS,
} from '../../../src/conformance/pull/rules/shape-rules.js';
import { SUB_RENEW } from '../../../src/conformance/pull/rules/sub-rules.js';
import { prepareSubsetSpec } from '../../../src/conformance/pull/spec/subset-spec.js';
import { evaluateRule } from '../../../src/conformance/result/evaluate-rules.js';
import { listExtractor } from '../../../src/mock-ss12000-client/index.js';
import {
  describeTokenRefusal,
  NO_ACCESS_MESSAGE,
} from '../../../src/mock-ss12000-client/webhook-token-refusal.js';
import { change, evidence, exchange, findings, T0, walk, webhook } from './pull-evidence-builder.js';

const skipReason = (rule: Parameters<typeof evaluateRule>[0], e: ReturnType<typeof evidence>) => {
  const outcome = rule.evaluate(e, {});
  return outcome.kind === 'skipped' ? outcome.reason : undefined;
};

beforeAll(async () => {
  await prepareSubsetSpec();
});

describe('nothing passes without evidence', () => {
  const failedFirstCall = walk([], { end: 'failed', failure: { code: 'network_error', message: 'refused' } });

  it('PULL-PAGE-003 is skipped when no page of any list was read', () => {
    expect(skipReason(PAGE_LAST_TOKEN_NULL, evidence({ fetches: [failedFirstCall] }))).toMatch(
      /no page of any list was read/,
    );
    expect(skipReason(PAGE_LAST_TOKEN_NULL, evidence())).toBe('the scenario walked no list');
    expect(skipReason(PAGE_LAST_TOKEN_NULL, evidence({ fetches: [walk([['a']])] }))).toBeUndefined();
  });

  it('PULL-SHAPE-002 is skipped when no answer came to validate', () => {
    expect(skipReason(SHAPE_MATCHES_SPEC, evidence())).toMatch(/no answer of an operation/);
    expect(skipReason(SHAPE_MATCHES_SPEC, evidence({ fetches: [failedFirstCall] }))).toMatch(
      /no answer of an operation/,
    );
  });

  it('PULL-SHAPE-001 is skipped when the scenario made no call, and judges a failed one', () => {
    expect(skipReason(SHAPE_USABLE_ANSWERS, evidence())).toBe('the scenario made no call to the API');
    expect(findings(SHAPE_USABLE_ANSWERS, evidence({ fetches: [failedFirstCall] }))).toHaveLength(1);
  });
});

describe('PULL-SHAPE-003: the reference API spellings are advisories, not failures', () => {
  const organisations = exchange({
    url: 'http://vendor.test/organisations?limit=1',
    body: { data: [], pageToken: null },
  });
  const refused = exchange({ status: 401, body: { error: { code: 401, message: 'no token' } } });

  it('notes {data} for organisations and {error:{...}} bodies, as an advised (non-failing) result', () => {
    const result = evaluateRule(SHAPE_REFERENCE_SPELLINGS, evidence({ reports: [organisations, refused] }));
    expect(result.status).toBe('advised');
    expect(result.severity).toBe('advisory');
    expect(result.findings.map((f) => f.message)).toEqual([
      expect.stringMatching(/^GET \/organisations answered \{"data": \[\.\.\.\]\}/),
      expect.stringMatching(/^1 error answer\(s\) had the body \{"error": \{\.\.\.\}\}/),
    ]);
  });

  it('passes the spec spellings, and PULL-SHAPE-002 no longer fails the reference ones', () => {
    const spec = exchange({ url: 'http://vendor.test/organisations', body: { organisations: [] } });
    expect(evaluateRule(SHAPE_REFERENCE_SPELLINGS, evidence({ reports: [spec] })).status).toBe('passed');
    expect(findings(SHAPE_MATCHES_SPEC, evidence({ reports: [organisations, refused] }))).toEqual([]);
  });

  it("the mock's SS12000 client reads organisations from {data} too", () => {
    expect(listExtractor('Organisation')({ data: [{ id: 'o1' }], pageToken: null }, 'u').content).toEqual([
      { id: 'o1' },
    ]);
    expect(() => listExtractor('Person')({ organisations: [] }, 'u')).toThrow(/has no "data" array/);
  });
});

describe('PULL-SUB-002: a renewal must move expires', () => {
  const create = exchange({
    method: 'POST',
    url: 'http://vendor.test/subscriptions',
    status: 201,
    body: { id: 's1', expires: '2026-12-01T00:00:00.000Z' },
  });
  const renew = (expires: string) =>
    exchange({ method: 'PATCH', url: 'http://vendor.test/subscriptions/s1', body: { id: 's1', expires } });

  it('asks for a renewal well beyond the current expiry', () => {
    const asked = Date.parse(renewalAsked(create, T0));
    expect(asked - Date.parse('2026-12-01T00:00:00.000Z')).toBeGreaterThanOrEqual(86_400_000);
  });

  it('fails an expires left where it was, and passes one that moved', () => {
    const sub = (r: ReturnType<typeof renew>) => ({ sentTarget: 't', create, renewAsked: 'x', renew: r });
    expect(
      findings(SUB_RENEW, evidence({ subscription: sub(renew('2026-12-01T00:00:00.000Z')) }))[0]?.message,
    ).toMatch(/left `expires` at 2026-12-01T00:00:00.000Z \(the runner asked for x\)/);
    expect(findings(SUB_RENEW, evidence({ subscription: sub(renew('2026-12-01T00:00:01.000Z')) }))).toEqual(
      [],
    );
  });
});

describe('PULL-DEL-004: what a deletion changed is fetchable as changed', () => {
  const group = (members: string[]) =>
    exchange({
      url: 'http://vendor.test/groups/g1',
      body: { id: 'g1', groupMemberships: members.map((id) => ({ person: { id } })) },
    });
  const deletion = (
    partial: Partial<NonNullable<DeletionProbeRecord['dependants']>>,
  ): DeletionProbeRecord => ({
    changeIndex: 0,
    resource: 'Person',
    ids: ['p1'],
    since: { after: 'a', walk: walk([], { resource: 'DeletedEntities' }) },
    otherTypes: { entities: ['Group'], walk: walk([], { resource: 'DeletedEntities' }) },
    later: { after: 'b', walk: walk([], { resource: 'DeletedEntities' }) },
    byId: [],
    dependants: {
      groupIds: ['g1'],
      modifiedAfter: '2026-09-01T07:59:58.000Z',
      walk: walk([['g1']], { resource: 'Group' }),
      byId: [group(['p2'])],
      ...partial,
    },
  });
  const hook = (resources: string[]) =>
    change({
      kind: 'person-delete',
      webhooks: [webhook({ body: JSON.stringify({ modifiedEntites: resources, deletedEntities: true }) })],
    });

  it('passes when the group left the pupil, came back as changed, and the webhook named Group', () => {
    expect(
      findings(DEL_DEPENDANTS_CHANGED, evidence({ deletions: [deletion({})], changes: [hook(['Group'])] })),
    ).toEqual([]);
  });

  it('fails a group not bumped and a webhook that does not name Group', () => {
    const messages = findings(
      DEL_DEPENDANTS_CHANGED,
      evidence({ deletions: [deletion({ walk: walk([[]], { resource: 'Group' }) })], changes: [hook([])] }),
    ).map((f) => f.message);
    expect(messages).toEqual([
      expect.stringMatching(/did not return them \(meta.modified was not updated\): g1/),
      expect.stringMatching(/named no resource in modifiedEntites, not Group/),
    ]);
  });

  it('fails a group that still names the deleted pupil, and is skipped when no group named it', () => {
    expect(
      findings(DEL_DEPENDANTS_CHANGED, evidence({ deletions: [deletion({ byId: [group(['p1'])] })] }))[0]
        ?.message,
    ).toMatch(/still name the deleted Person/);
    expect(
      skipReason(DEL_DEPENDANTS_CHANGED, evidence({ deletions: [deletion({ groupIds: [], byId: [] })] })),
    ).toBe('no group named the deleted object');
  });
});

describe('blind spot 9: the lookalike location', () => {
  it("is the API's URL followed by more host characters", () => {
    expect(lookalikeLocation('http://127.0.0.1:8091/')).toBe('http://127.0.0.1:8091.lookalike.example');
  });
});

describe('16: a webhook token asked for without `access`', () => {
  const token = async (requested: unknown[]) =>
    new SignJWT({ requested_access: requested })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new Uint8Array(32));

  it('is refused as no_access, with what to ask for instead', async () => {
    const refusal = describeTokenRefusal(await token([]), { code: 'wrong_type', message: 'names nothing' });
    expect(refusal).toEqual({ code: 'no_access', message: NO_ACCESS_MESSAGE });
    const other = await token([{ type: 'ss12000-api', locations: ['x'] }]);
    expect(describeTokenRefusal(other, { code: 'wrong_type', message: 'm' }).code).toBe('wrong_type');
    expect(describeTokenRefusal(undefined, { code: 'missing', message: 'm' }).code).toBe('missing');
  });

  it('PULL-HOOK-002 names the cause', () => {
    const refused = change({ webhooks: [webhook({ status: 403, tokenError: 'no_access' })] });
    expect(findings(HOOK_TOKEN, evidence({ changes: [refused] }))[0]?.message).toBe(
      `1 webhook(s) were refused for their token: ${NO_ACCESS_MESSAGE}.`,
    );
    expect(NO_ACCESS_MESSAGE).toBe(
      "your notifier asked for a token without `access`; ask for type `ss12000-client` with the client's base URL in `locations`",
    );
  });
});

describe('PULL-PAGE-001 with only empty lists', () => {
  it('is skipped: there was no object to count', async () => {
    const { PAGE_EXACTLY_ONCE } = await import('../../../src/conformance/pull/rules/page-rules.js');
    expect(skipReason(PAGE_EXACTLY_ONCE, evidence({ fetches: [walk([[]])] }))).toBe(
      'every list walked was empty: there was no object to count',
    );
  });
});
