// PULL-DEL and PULL-HOOK rules judged on hand-built evidence: a passing and a failing case each.
import { describe, expect, it } from 'vitest';
import type { DeletionProbeRecord, ListWalk } from '../../../src/conformance/pull/evidence/pull-evidence.js';
import {
  DEL_GONE,
  DEL_REQUESTED_TYPES,
  DEL_SINCE_AFTER,
} from '../../../src/conformance/pull/rules/del-rules.js';
import {
  HOOK_ARRIVES,
  HOOK_BATCHED,
  HOOK_BODY,
  HOOK_TOKEN,
} from '../../../src/conformance/pull/rules/hook-rules.js';
import {
  change,
  evidence,
  exchange,
  findings,
  skipReason,
  T0,
  walk,
  webhook,
} from './pull-evidence-builder.js';

const deleted = (data: Record<string, string[]>): ListWalk => ({
  ...walk([[]], { resource: 'DeletedEntities', purpose: 'deletions' }),
  deleted: data,
});

function deletion(overrides: Partial<DeletionProbeRecord> = {}): DeletionProbeRecord {
  return {
    changeIndex: 0,
    resource: 'Person',
    ids: ['p9'],
    since: { after: '2026-09-01T07:59:58.000Z', walk: deleted({ persons: ['p9'] }) },
    otherTypes: {
      entities: ['Organisation', 'Group', 'Duty', 'Activity'],
      walk: deleted({ groups: [], activitites: [] }),
    },
    later: { after: '2026-09-01T08:00:03.000Z', walk: deleted({ persons: [] }) },
    byId: [exchange({ url: 'http://vendor.test/persons/p9', status: 404 })],
    ...overrides,
  };
}

const deleteChange = change({
  kind: 'person-delete',
  ids: ['p9'],
  webhooks: [webhook({ body: JSON.stringify({ modifiedEntites: [], deletedEntities: true }) })],
});

describe('PULL-DEL-001 deletedEntities?after=', () => {
  it('passes when the deletion is listed since, and not after', () => {
    expect(findings(DEL_SINCE_AFTER, evidence({ changes: [deleteChange], deletions: [deletion()] }))).toEqual(
      [],
    );
  });

  it('fails when the deletion is not listed, or still listed after', () => {
    const missing = deletion({ since: { after: 'x', walk: deleted({ persons: [] }) } });
    expect(findings(DEL_SINCE_AFTER, evidence({ deletions: [missing] }))[0]?.message).toBe(
      'GET /deletedEntities?after=x&entities=Person did not list 1 deleted Person(s): p9.',
    );
    const ignoresAfter = deletion({ later: { after: 'y', walk: deleted({ persons: ['p9'] }) } });
    expect(findings(DEL_SINCE_AFTER, evidence({ deletions: [ignoresAfter] }))[0]?.message).toMatch(
      /after=y \(after the deletion\) still listed p9/,
    );
  });

  it('is skipped when the deletion was not made, saying why', () => {
    const notMade = change({
      kind: 'person-delete',
      made: false,
      notMadeBecause: 'no --change-hook was given',
    });
    expect(skipReason(DEL_SINCE_AFTER, evidence({ changes: [notMade] }))).toBe(
      'the deletion was not made: no --change-hook was given',
    );
  });
});

describe('PULL-DEL-002 only the requested types', () => {
  it('passes when each answer holds the asked types only', () => {
    expect(findings(DEL_REQUESTED_TYPES, evidence({ deletions: [deletion()] }))).toEqual([]);
  });

  it('fails when other types are listed, or the id sits under another type', () => {
    const leaky = deletion({
      since: { after: 'x', walk: deleted({ persons: ['p9'], groups: ['g1'] }) },
      otherTypes: { entities: ['Group'], walk: deleted({ groups: ['p9'] }) },
    });
    expect(findings(DEL_REQUESTED_TYPES, evidence({ deletions: [leaky] })).map((f) => f.message)).toEqual([
      'GET /deletedEntities?entities=Person also listed Group deletions, which were not asked for.',
      'GET /deletedEntities listed the deleted Person(s) under Group.',
    ]);
  });
});

describe('PULL-DEL-003 a deleted object is gone', () => {
  it('passes on 404 and fails on 200', () => {
    expect(findings(DEL_GONE, evidence({ deletions: [deletion()] }))).toEqual([]);
    const stillThere = deletion({ byId: [exchange({ url: 'http://vendor.test/persons/p9', status: 200 })] });
    expect(findings(DEL_GONE, evidence({ deletions: [stillThere] }))[0]?.message).toBe(
      'GET /persons/p9 → 200; a deleted object must answer 404.',
    );
  });
});

describe('PULL-HOOK-001 a webhook arrives in time', () => {
  it('passes when the first webhook comes within the limit', () => {
    expect(findings(HOOK_ARRIVES, evidence({ changes: [change()] }))).toEqual([]);
  });

  it('fails without a webhook, and when it comes too late', () => {
    const none = change({ webhooks: [], watchedMs: 2000 });
    expect(findings(HOOK_ARRIVES, evidence({ changes: [none] }))[0]?.message).toBe(
      'No webhook reached the target within 2.0 s of the person-update of p1.',
    );
    const late = change({ webhooks: [webhook({ timeMs: T0 + 90_000 })] });
    expect(findings(HOOK_ARRIVES, evidence({ changes: [late] }))[0]?.message).toMatch(
      /arrived after 90.0 s; at most 60 s/,
    );
    expect(findings(HOOK_ARRIVES, evidence({ changes: [late] }), { withinSeconds: 120 })).toEqual([]);
  });

  it('is skipped when no hook made the change', () => {
    expect(
      skipReason(
        HOOK_ARRIVES,
        evidence({
          changes: [change({ made: false, driver: 'none', notMadeBecause: 'no --change-hook was given' })],
        }),
      ),
    ).toMatch(/no change was made: no --change-hook/);
  });
});

describe('PULL-HOOK-002 a valid ss12000-client token', () => {
  it('passes when the receiver accepted the token', () => {
    expect(findings(HOOK_TOKEN, evidence({ changes: [change()] }))).toEqual([]);
  });

  it('fails naming why the token was refused', () => {
    const unsigned = change({ webhooks: [webhook({ status: 401, tokenError: 'missing' })] });
    expect(findings(HOOK_TOKEN, evidence({ changes: [unsigned] }))[0]?.message).toBe(
      '1 webhook(s) were refused for their token: no token.',
    );
  });

  it('is skipped when no webhook came', () => {
    expect(skipReason(HOOK_TOKEN, evidence({ changes: [change({ webhooks: [] })] }))).toMatch(
      /no webhook arrived/,
    );
  });
});

describe('PULL-HOOK-003 the body names what changed', () => {
  it('passes with modifiedEntites naming the resource, and deletedEntities after a deletion', () => {
    expect(findings(HOOK_BODY, evidence({ changes: [change(), deleteChange] }))).toEqual([]);
  });

  it('fails when the resource is not named, or a deletion is not flagged', () => {
    const group = change({ kind: 'group-update', resource: 'Group', ids: ['g1'] });
    expect(findings(HOOK_BODY, evidence({ changes: [group] }))[0]?.message).toBe(
      'The webhook(s) for the group-update of g1 had modifiedEntites does not name Group (it names Person).',
    );
    const unflagged = change({ kind: 'person-delete', webhooks: [webhook()] });
    expect(findings(HOOK_BODY, evidence({ changes: [unflagged] }))[0]?.message).toMatch(
      /deletedEntities is not true/,
    );
  });

  it('accepts the corrected spelling unless the standard one is required', () => {
    const corrected = change({
      webhooks: [webhook({ body: JSON.stringify({ modifiedEntities: ['Person'], deletedEntities: false }) })],
    });
    expect(findings(HOOK_BODY, evidence({ changes: [corrected] }))).toEqual([]);
    expect(
      findings(HOOK_BODY, evidence({ changes: [corrected] }), { spelling: 'standard' })[0]?.message,
    ).toMatch(/instead of the standard's modifiedEntites/);
  });
});

describe('PULL-HOOK-004 one webhook for a bulk change', () => {
  const bulk = (webhooks: number) =>
    change({
      kind: 'person-bulk-update',
      ids: ['a', 'b', 'c'],
      webhooks: Array.from({ length: webhooks }, () => webhook()),
    });

  it('passes with one webhook for three objects', () => {
    expect(findings(HOOK_BATCHED, evidence({ changes: [bulk(1)] }))).toEqual([]);
  });

  it('fails with one webhook per object', () => {
    expect(findings(HOOK_BATCHED, evidence({ changes: [bulk(3)] }))[0]?.message).toBe(
      'The person-bulk-update of 3 objects brought 3 webhooks: one per object.',
    );
  });

  it('is skipped without a bulk change', () => {
    expect(skipReason(HOOK_BATCHED, evidence({ changes: [change()] }))).toMatch(/no bulk change/);
  });
});

describe('PULL-HOOK-003 reads only the bodies the receiver read', () => {
  it('is skipped when every webhook was refused for its token (the receiver never read the body)', () => {
    const refused = change({ webhooks: [webhook({ status: 401, tokenError: 'missing', body: undefined })] });
    expect(skipReason(HOOK_BODY, evidence({ changes: [refused] }))).toMatch(/every token was refused/);
  });

  it('fails on an empty body that came with a valid token', () => {
    const empty = change({ webhooks: [webhook({ status: 400, body: undefined })] });
    expect(findings(HOOK_BODY, evidence({ changes: [empty] }))[0]?.message).toMatch(/had an empty body/);
  });
});
