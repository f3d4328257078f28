// PULL-DATA, PULL-SHAPE, PULL-LOG and PULL-STAT rules judged on hand-built evidence: a passing and a failing case each.
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  JsonObject,
  ListWalk,
  PullEvidence,
} from '../../../src/conformance/pull/evidence/pull-evidence.js';
import {
  DATA_PASSES_RULES,
  DATA_REFERENCES_RESOLVE,
} from '../../../src/conformance/pull/rules/data-rules.js';
import { LOG_ACCEPTED, STAT_ACCEPTED } from '../../../src/conformance/pull/rules/report-rules.js';
import { SHAPE_MATCHES_SPEC, SHAPE_USABLE_ANSWERS } from '../../../src/conformance/pull/rules/shape-rules.js';
import { collectOpenDataFacts } from '../../../src/conformance/pull/runner/open-data-facts.js';
import { prepareSubsetSpec } from '../../../src/conformance/pull/spec/subset-spec.js';
import { generateDataset, toSs12000Dataset } from '../../../src/generator/index.js';
import type { Ss12000ResourceType } from '../../../src/mock-ss12000-client/index.js';
import { createSeededCatalogue } from '../../../src/open-data/index.js';
import { evidence, exchange, findings, skipReason, walk } from './pull-evidence-builder.js';

const catalogue = createSeededCatalogue();
const generated = toSs12000Dataset(
  generateDataset({ organisationNumber: '5567044268', pupils: 12, seed: 'pull-rules' }),
);
const KEYS: Record<Ss12000ResourceType, keyof typeof generated> = {
  Organisation: 'organisations',
  Person: 'persons',
  Group: 'groups',
  Duty: 'duties',
  Activity: 'activities',
};

function fetchedEvidence(
  change: (sets: Record<Ss12000ResourceType, JsonObject[]>) => void = () => {},
): PullEvidence {
  const sets = Object.fromEntries(
    Object.entries(KEYS).map(([resource, key]) => [
      resource,
      structuredClone(generated[key]) as unknown as JsonObject[],
    ]),
  ) as Record<Ss12000ResourceType, JsonObject[]>;
  change(sets);
  const fetches: ListWalk[] = Object.entries(sets).map(([resource, items]) =>
    walk([items.map((i) => String(i.id))], { resource: resource as Ss12000ResourceType, items, limit: 1000 }),
  );
  const objects = new Map(Object.entries(sets) as [Ss12000ResourceType, JsonObject[]][]);
  return evidence({
    fetches,
    openData: collectOpenDataFacts(catalogue, objects, new Date('2026-09-01T08:00:00Z')),
  });
}

describe('PULL-DATA-001 every object passes the rules on data', () => {
  it('passes on a generated dataset (valid by construction)', () => {
    expect(findings(DATA_PASSES_RULES, fetchedEvidence())).toEqual([]);
  });

  it('fails naming the object and the rule for a malformed civic number', () => {
    const e = fetchedEvidence((sets) => {
      const person = sets.Person[0] as { civicNo: { value: string } };
      person.civicNo.value = `${person.civicNo.value.slice(0, 11)}${(Number(person.civicNo.value.at(-1)) + 1) % 10}`;
    });
    const [finding, ...rest] = findings(DATA_PASSES_RULES, e);
    expect(rest).toEqual([]);
    expect(finding?.message).toMatch(
      /^Person [0-9a-f-]{36} \(.+\): 3122 person\.civic-no\.check-digit at civicNo\.value = "\d{12}"\.$/,
    );
    expect(finding?.requests).toHaveLength(1);
  });

  it('leaves references to PULL-DATA-002', () => {
    const e = fetchedEvidence((sets) => {
      sets.Person.splice(0, sets.Person.length);
    });
    expect(findings(DATA_PASSES_RULES, e).filter((f) => /not-found/.test(f.message))).toEqual([]);
  });

  it('is skipped when no list was fetched', () => {
    expect(skipReason(DATA_PASSES_RULES, evidence())).toMatch(/no list/);
  });
});

describe('PULL-DATA-002 references resolve', () => {
  it('passes on a generated dataset', () => {
    expect(findings(DATA_REFERENCES_RESOLVE, fetchedEvidence())).toEqual([]);
  });

  it('fails naming a duty whose person is not served, and an unknown exam activity', () => {
    const e = fetchedEvidence((sets) => {
      const duty = sets.Duty[0] as { person: { id: string } };
      sets.Person = sets.Person.filter((p) => p.id !== duty.person.id);
      (sets.Activity[0] as { parentActivity: { id: string } }).parentActivity.id =
        '00000000-0000-4000-8000-000000000000';
    });
    const messages = findings(DATA_REFERENCES_RESOLVE, e).map((f) => f.message);
    expect(messages.some((m) => /^Duty .*3140 duty\.person\.not-found at person\.id/.test(m))).toBe(true);
    expect(messages.some((m) => /^Activity .*3166 activity\.parent-activity\.unknown/.test(m))).toBe(true);
  });

  it('is skipped when a list it needs was not fetched to its end', () => {
    const e = fetchedEvidence();
    const partial = { ...e, fetches: e.fetches.filter((w) => w.resource !== 'Duty') };
    expect(skipReason(DATA_REFERENCES_RESOLVE, partial)).toMatch(/not Duty/);
  });
});

describe('PULL-SHAPE-001 usable answers', () => {
  it('passes when every call was answered, even with error statuses and non-JSON error bodies', () => {
    const refused = exchange({ status: 401, failure: { code: 'wrong_content_type', message: 'text/plain' } });
    expect(
      findings(
        SHAPE_USABLE_ANSWERS,
        evidence({ auth: [{ variant: 'missing', detail: '', exchange: refused }], fetches: [walk([['a']])] }),
      ),
    ).toEqual([]);
  });

  it('fails grouping timeouts and oversized walks, with the failing request', () => {
    const slow = exchange({
      status: undefined,
      failure: { code: 'timeout', message: 'no complete answer within the timeout' },
    });
    const big = walk([], {
      end: 'failed',
      failure: { code: 'response_too_large', message: 'answer grew past the cap of 100 bytes' },
    });
    const messages = findings(
      SHAPE_USABLE_ANSWERS,
      evidence({ auth: [{ variant: 'valid', detail: '', exchange: slow }], fetches: [big] }),
    ).map((f) => f.message);
    expect(messages).toEqual([
      '1 call(s) got no complete answer within the time limit: GET /persons?limit=1 → timeout (no complete answer within the timeout).',
      '1 call(s) answered a body over the size cap: GET /persons (fetch, page 1) (answer grew past the cap of 100 bytes).',
    ]);
  });
});

describe('PULL-SHAPE-002 answers match the subset spec', () => {
  beforeAll(async () => {
    await prepareSubsetSpec();
  });

  it("passes on a list page of the spec's shape", () => {
    const group = generated.groups[0] as unknown as JsonObject;
    const page = walk([[String(group.id)]], { resource: 'Group' });
    const pages = [
      {
        ...page.pages[0]!,
        exchange: { ...page.pages[0]!.exchange, body: { data: [group], pageToken: null } },
      },
    ];
    expect(findings(SHAPE_MATCHES_SPEC, evidence({ fetches: [{ ...page, pages }] }))).toEqual([]);
  });

  it('fails naming the field that breaks the schema', () => {
    const bad = exchange({
      url: 'http://vendor.test/subscriptions',
      method: 'POST',
      status: 201,
      body: { id: 'not-a-uuid', expires: 'soon' },
    });
    const [finding] = findings(
      SHAPE_MATCHES_SPEC,
      evidence({ subscription: { sentTarget: 'x', create: bad } }),
    );
    expect(finding?.message).toBe(
      "POST /subscriptions → 201 (1 answer(s)): body must have required property 'resourceTypes', body must have required property 'target', body must have required property 'name' and 2 more.",
    );
  });
});

describe('PULL-LOG-001 and PULL-STAT-001', () => {
  const post = (path: string, status: number) =>
    exchange({ method: 'POST', url: `http://vendor.test${path}`, status });

  it('pass on 201', () => {
    const e = evidence({ reports: [post('/log', 201), post('/statistics', 201)] });
    expect(findings(LOG_ACCEPTED, e)).toEqual([]);
    expect(findings(STAT_ACCEPTED, e)).toEqual([]);
  });

  it('fail on 200 and 500', () => {
    const e = evidence({ reports: [post('/log', 200), post('/statistics', 500)] });
    expect(findings(LOG_ACCEPTED, e)[0]?.message).toBe(
      '1 POST /log call(s) were not answered 201: POST /log → 200.',
    );
    expect(findings(STAT_ACCEPTED, e)[0]?.message).toMatch(/POST \/statistics → 500/);
  });

  it('are skipped when nothing was posted', () => {
    expect(skipReason(LOG_ACCEPTED, evidence())).toMatch(/nothing was posted to \/log/);
  });
});
