// PULL-PAGE and PULL-FILTER rules judged on hand-built evidence: a passing and a failing case each.
import { describe, expect, it } from 'vitest';
import type {
  FilterProbeRecord,
  MetaFilterParam,
} from '../../../src/conformance/pull/evidence/pull-evidence.js';
import {
  FILTER_INCREMENTAL_FINDS_CHANGE,
  FILTER_MODIFIED_AFTER,
  FILTER_OTHER_META,
} from '../../../src/conformance/pull/rules/filter-rules.js';
import {
  PAGE_EXACTLY_ONCE,
  PAGE_LAST_TOKEN_NULL,
  PAGE_LIMIT_HONOURED,
  PAGE_TOKEN_WITH_FILTER,
} from '../../../src/conformance/pull/rules/page-rules.js';
import { change, evidence, exchange, findings, skipReason, walk } from './pull-evidence-builder.js';

const full = walk([['a', 'b', 'c', 'd', 'e']], { limit: 1000 });

describe('PULL-PAGE-001 every object exactly once', () => {
  it('passes when the small-limit walk serves the same objects as the full one', () => {
    expect(
      findings(
        PAGE_EXACTLY_ONCE,
        evidence({ fetches: [full, walk([['a', 'b'], ['c', 'd'], ['e']], { limit: 2 })] }),
      ),
    ).toEqual([]);
  });

  it('fails naming the objects a page skipped, and those served twice', () => {
    const skipping = walk([['a', 'b'], ['e']], { limit: 2 });
    const [missed] = findings(PAGE_EXACTLY_ONCE, evidence({ fetches: [full, skipping] }));
    expect(missed?.message).toBe(
      'the walk of /persons with limit 2 missed 2 of the 5 object(s) the walk of /persons with limit 1000 served (c, d).',
    );
    const twice = walk(
      [
        ['a', 'b'],
        ['b', 'c'],
        ['d', 'e'],
      ],
      { limit: 2 },
    );
    expect(findings(PAGE_EXACTLY_ONCE, evidence({ fetches: [full, twice] }))[0]?.message).toMatch(
      /served 1 object\(s\) more than once: b/,
    );
  });

  it('is skipped when no walk ended', () => {
    expect(
      skipReason(PAGE_EXACTLY_ONCE, evidence({ fetches: [walk([['a']], { end: 'repeated-token' })] })),
    ).toMatch(/no walk/);
  });
});

describe('PULL-PAGE-002 limit honoured', () => {
  it('passes when no page is larger than the limit', () => {
    expect(
      findings(PAGE_LIMIT_HONOURED, evidence({ fetches: [walk([['a', 'b'], ['c']], { limit: 2 })] })),
    ).toEqual([]);
  });

  it('fails on a page larger than the limit', () => {
    const [finding] = findings(
      PAGE_LIMIT_HONOURED,
      evidence({ fetches: [walk([['a', 'b', 'c']], { limit: 2 })] }),
    );
    expect(finding?.message).toBe(
      'the walk of /persons with limit 2 got 1 page(s) larger than the limit (3 objects).',
    );
  });
});

describe('PULL-PAGE-003 last page has a null token', () => {
  it('passes when every walk ended', () => {
    expect(findings(PAGE_LAST_TOKEN_NULL, evidence({ fetches: [full] }))).toEqual([]);
  });

  it('fails on a repeated token and on a walk past its page limit', () => {
    const looping = walk([['a'], ['b']], {
      limit: 1,
      end: 'repeated-token',
      failure: { code: 'repeated_page_token', message: 'x' },
    });
    const endless = walk([['a'], ['b']], {
      limit: 1,
      end: 'page-limit',
      failure: { code: 'page_limit', message: 'x' },
    });
    const messages = findings(PAGE_LAST_TOKEN_NULL, evidence({ fetches: [looping, endless] })).map(
      (f) => f.message,
    );
    expect(messages).toEqual([
      'the walk of /persons with limit 1 (fetch) handed out a pageToken it had handed out before (the walk would loop for ever), after 2 page(s).',
      'the walk of /persons with limit 1 (fetch) still had more pages after the page limit, after 2 page(s).',
    ]);
  });
});

describe('PULL-PAGE-004 pageToken with a filter answers 400', () => {
  const first = exchange({ url: 'http://vendor.test/persons?limit=1' });
  it('passes on 400', () => {
    const probe = exchange({
      url: 'http://vendor.test/persons?pageToken=x&meta.modified.after=2020-01-01T00:00:00Z',
      status: 400,
    });
    expect(
      findings(
        PAGE_TOKEN_WITH_FILTER,
        evidence({ tokenFilter: [{ resource: 'Person', firstPage: first, probe }] }),
      ),
    ).toEqual([]);
  });

  it('fails on 200', () => {
    const probe = exchange({
      url: 'http://vendor.test/persons?pageToken=x&meta.modified.after=2020-01-01T00:00:00Z',
      status: 200,
    });
    expect(
      findings(
        PAGE_TOKEN_WITH_FILTER,
        evidence({ tokenFilter: [{ resource: 'Person', firstPage: first, probe }] }),
      )[0]?.message,
    ).toMatch(/→ 200; it must answer 400/);
  });

  it('is skipped when the first page had no token', () => {
    expect(
      skipReason(
        PAGE_TOKEN_WITH_FILTER,
        evidence({
          tokenFilter: [{ resource: 'Person', firstPage: first, notSentBecause: 'one page only' }],
        }),
      ),
    ).toMatch(/one page only/);
  });
});

const baseline = [
  { id: 'old', created: '2026-08-01T00:00:00Z', modified: '2026-08-01T00:00:00Z' },
  { id: 'new', created: '2026-08-01T00:00:00Z', modified: '2026-09-01T00:00:00Z' },
  { id: 'nometa' },
];
const probe = (param: MetaFilterParam, cut: string, returned: string[]): FilterProbeRecord => ({
  resource: 'Person',
  param,
  cut,
  baseline,
  walk: walk([returned], { purpose: 'filter', limit: 1000 }),
});

describe('PULL-FILTER-001 meta.modified.after', () => {
  it('passes when exactly the objects changed since are returned (objects without meta are not judged)', () => {
    expect(
      findings(
        FILTER_MODIFIED_AFTER,
        evidence({ filters: [probe('meta.modified.after', '2026-08-15T00:00:00Z', ['new', 'nometa'])] }),
      ),
    ).toEqual([]);
  });

  it('fails when the filter is ignored', () => {
    const [finding] = findings(
      FILTER_MODIFIED_AFTER,
      evidence({ filters: [probe('meta.modified.after', '2026-09-02T00:00:00Z', ['old', 'new'])] }),
    );
    expect(finding?.message).toBe(
      'GET /persons meta.modified.after=2026-09-02T00:00:00Z returned 2 object(s) outside the filter (old, new); 0 of the 3 object(s) match it.',
    );
  });

  it('is skipped without such a probe', () => {
    expect(
      skipReason(FILTER_MODIFIED_AFTER, evidence({ filters: [probe('meta.created.after', 'x', [])] })),
    ).toMatch(/sent no meta.modified.after/);
  });
});

describe('PULL-FILTER-002 meta.created.* and meta.modified.before', () => {
  it('passes when created.before returns the objects created before', () => {
    expect(
      findings(
        FILTER_OTHER_META,
        evidence({ filters: [probe('meta.created.before', '2026-08-02T00:00:00Z', ['old', 'new'])] }),
      ),
    ).toEqual([]);
  });

  it('fails when modified.before leaves an object out', () => {
    const [finding] = findings(
      FILTER_OTHER_META,
      evidence({ filters: [probe('meta.modified.before', '2026-08-15T00:00:00Z', [])] }),
    );
    expect(finding?.message).toMatch(/left out 1 object\(s\) inside it \(old\)/);
  });
});

describe('PULL-FILTER-003 the incremental fetch finds the change', () => {
  const incremental = (ids: string[]) => ({
    changeIndex: 0,
    resource: 'Person' as const,
    after: '2026-09-01T07:55:00.000Z',
    expectedIds: ['p1'],
    walk: walk([ids], { purpose: 'incremental', limit: 1000 }),
  });

  it('passes when the changed object is returned', () => {
    expect(
      findings(
        FILTER_INCREMENTAL_FINDS_CHANGE,
        evidence({ changes: [change()], incremental: [incremental(['p1'])] }),
      ),
    ).toEqual([]);
  });

  it('fails when it is not', () => {
    const [finding] = findings(
      FILTER_INCREMENTAL_FINDS_CHANGE,
      evidence({ changes: [change()], incremental: [incremental(['p2'])] }),
    );
    expect(finding?.message).toBe(
      'After the person-update webhook, GET /persons meta.modified.after=2026-09-01T07:55:00.000Z did not return 1 of the 1 changed object(s): p1.',
    );
  });

  it('is skipped when no webhook came', () => {
    expect(skipReason(FILTER_INCREMENTAL_FINDS_CHANGE, evidence())).toMatch(/no webhook arrived/);
  });
});
