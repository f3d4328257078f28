// The reference push client end to end against an in-memory provtjänst on a fake clock, and what each mutant changes.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCertificateAuthority, issueClientCertificate } from '../../src/mock-auth/index.js';
import { makeTempDir, removeTempDir } from '../support/pki.js';
import {
  createFakeClock,
  createFakeProvtjanst,
  type FakeClock,
  type FakeOptions,
  type FakeProvtjanst,
  type RecordedCall,
} from './fake-provtjanst.js';
import { loadMain, loadMutant, type MainModule, MUTANTS_DIR, type Overrides } from './push-client-modules.js';

const AUTH_URL = 'https://auth.fake:8443';
const API_URL = 'http://api.fake/provtjanst/provisioning/v1';

type Dataset = Record<string, Array<Record<string, unknown> & { id: string }>>;

let main: MainModule;
let dir: string;
let certFiles: { cert: string; key: string; ca: string };

beforeAll(async () => {
  main = await loadMain();
  dir = makeTempDir('push-client-run-');
  const ca = await createCertificateAuthority('Fake CA');
  const client = await issueClientCertificate(ca, { organisationNumber: '5567044268' });
  certFiles = { cert: join(dir, 'client.pem'), key: join(dir, 'client-key.pem'), ca: join(dir, 'ca.pem') };
  writeFileSync(certFiles.cert, client.certPem);
  writeFileSync(certFiles.key, client.keyPem);
  writeFileSync(certFiles.ca, ca.certPem);
});

afterAll(() => removeTempDir(dir));

/** A small, consistent dataset: persons, a duty for p0, a group of pupils, an activity for both. */
function dataset(persons = 6, padding = 20): Dataset {
  const ps = Array.from({ length: persons }, (_, i) => ({ id: `p${i}`, note: 'x'.repeat(padding) }));
  return {
    persons: ps,
    duties: [{ id: 'd0', person: { id: 'p0' } }],
    groups: [{ id: 'g0', groupMemberships: ps.slice(1).map((p) => ({ person: { id: p.id } })) }],
    activities: [{ id: 'a0', groups: [{ id: 'g0' }], teachers: [{ duty: { id: 'd0' } }] }],
  };
}

let runCount = 0;

interface RunSetup {
  fake?: Partial<FakeOptions>;
  overrides?: Overrides;
  env?: Record<string, string>;
  /** Fills the store before the run, as an earlier run would have. */
  seed?: (fake: FakeProvtjanst) => void;
  /** Runs against an existing provtjänst (a re-run). */
  reuse?: { fake: FakeProvtjanst; clock: FakeClock };
}

async function runClient(data: Dataset, setup: RunSetup = {}) {
  const dataDir = join(dir, `data-${runCount++}`);
  mkdirSync(dataDir);
  for (const [resource, items] of Object.entries(data)) {
    writeFileSync(join(dataDir, `${resource}.json`), JSON.stringify({ data: items }));
  }
  const clock = setup.reuse?.clock ?? createFakeClock();
  const fake =
    setup.reuse?.fake ??
    createFakeProvtjanst({ clock, authUrl: AUTH_URL, provisioningUrl: API_URL, ...setup.fake });
  setup.seed?.(fake);
  const log: string[] = [];
  const code = await main.run(setup.overrides ?? {}, {
    env: {
      PROVTJANST_AUTH_URL: AUTH_URL,
      PROVTJANST_PROVISIONING_URL: API_URL,
      PROVTJANST_CLIENT_CERT: certFiles.cert,
      PROVTJANST_CLIENT_KEY: certFiles.key,
      PROVTJANST_CA_CERT: certFiles.ca,
      PROVTJANST_DATA_DIR: dataDir,
      PROVTJANST_SCENARIO: 'unit',
      ...setup.env,
    },
    clock,
    log: (line) => log.push(line),
    transport: fake.transport,
  });
  return { code, fake, log, clock };
}

type RunResult = Awaited<ReturnType<typeof runClient>>;

/** One extra stored object per resource, gone from the dataset. */
function seedStale(fake: FakeProvtjanst): void {
  fake.store.persons!.set('p-old', { id: 'p-old' });
  fake.store.duties!.set('d-old', { id: 'd-old', person: { id: 'p-old' } });
  fake.store.groups!.set('g-old', { id: 'g-old' });
  fake.store.activities!.set('a-old', { id: 'a-old', groups: [{ id: 'g-old' }] });
}

const api = (calls: RecordedCall[]) => calls.filter((c) => c.path !== '/transaction' && c.path !== '/jwks');
const writes = (calls: RecordedCall[]) => api(calls).filter((c) => c.path.includes('/bulk'));
const sentPersons = (fake: FakeProvtjanst) =>
  posts(fake.calls, 'persons').map((c) => (c.body as { data: Array<{ id: string }> }).data.map((i) => i.id));
const posts = (calls: RecordedCall[], resource: string) =>
  api(calls).filter(
    (c) => c.method === 'POST' && c.path.startsWith(`/${resource}/bulk`) && !c.path.includes('delete'),
  );

describe('run() against an in-memory provtjänst', () => {
  it('pushes persons → duties → groups → activities, each after the previous settled, and exits 0', async () => {
    const { code, fake, log } = await runClient(dataset());
    expect(code).toBe(0);
    for (const r of ['persons', 'duties', 'groups', 'activities'])
      expect(fake.store[r]?.size).toBeGreaterThan(0);
    const calls = api(fake.calls);
    // Each resource is posted only after the previous resource's job was read in full.
    for (const [before, after] of [
      ['persons', 'duties'],
      ['duties', 'groups'],
      ['groups', 'activities'],
    ] as const) {
      const lastRead = calls.findLastIndex(
        (c) => c.path.startsWith(`/${before}/bulk/jobs/`) && !c.path.endsWith('isCompleted'),
      );
      const firstPost = calls.findIndex((c) => c.path.startsWith(`/${after}/bulk`));
      expect(lastRead).toBeGreaterThanOrEqual(0);
      expect(firstPost).toBeGreaterThan(lastRead);
    }
    expect(posts(fake.calls, 'persons')[0]?.path).toBe('/persons/bulk?updateIfExists=true');
    expect(calls.every((c) => c.authorization?.startsWith('Bearer '))).toBe(true);
    expect(fake.tokensIssued).toBe(1);
    expect(log.at(-1)).toBe(
      'done: exit 0 (Success=9 Warning=0 Error=0 TemporaryError=0 Pending=0 HeldBack=0 NotFollowed=0)',
    );
    expect(log.join('\n')).not.toMatch(/eyJ/); // no token in the log
  });

  it('splits by bytes, stays within 5 write/status calls per second, and polls no faster than every 500 ms', async () => {
    const { code, fake } = await runClient(dataset(60, 300), { env: { PROVTJANST_PAYLOAD_LIMIT: '3000' } });
    expect(code).toBe(0);
    const bulk = posts(fake.calls, 'persons');
    expect(bulk.length).toBeGreaterThan(5);
    expect(bulk.every((c) => c.bodyBytes <= 3000)).toBe(true);
    const times = writes(fake.calls).map((c) => c.timeMs);
    const densest = Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length));
    expect(densest).toBeLessThanOrEqual(5);
    const polls = writes(fake.calls).filter((c) => c.path.endsWith('/isCompleted'));
    for (const path of new Set(polls.map((c) => c.path))) {
      const list = polls.filter((c) => c.path === path);
      for (let i = 1; i < list.length; i++)
        expect(list[i]!.timeMs - list[i - 1]!.timeMs).toBeGreaterThanOrEqual(500);
    }
  });

  it('is idempotent: a second run over the same store updates (updateIfExists) and deletes nothing', async () => {
    const data = dataset();
    const first = await runClient(data);
    const second = await runClient(data, { reuse: first });
    expect(second.code).toBe(0);
    expect(posts(second.fake.calls, 'persons').map((c) => c.path)).toEqual([
      '/persons/bulk?updateIfExists=true',
      '/persons/bulk?updateIfExists=true',
    ]);
    expect(second.fake.calls.some((c) => c.path.includes('/bulk/delete'))).toBe(false);
  });

  it('deletes what left the dataset after the upserts, activities → groups → duties → persons', async () => {
    const data = dataset();
    const { code, fake } = await runClient(data, { seed: seedStale });
    expect(code).toBe(0);
    const deletes = fake.calls.filter((c) => c.path.endsWith('/bulk/delete'));
    expect(deletes.map((c) => c.path.split('/')[1])).toEqual(['activities', 'groups', 'duties', 'persons']);
    expect(deletes.map((c) => c.body)).toEqual([
      { data: ['a-old'] },
      { data: ['g-old'] },
      { data: ['d-old'] },
      { data: ['p-old'] },
    ]);
    const lastUpsert = fake.calls.findLastIndex((c) => c.path.startsWith('/activities/bulk?'));
    expect(fake.calls.indexOf(deletes[0]!)).toBeGreaterThan(lastUpsert);
    expect([...fake.store.persons!.keys()].sort()).toEqual(data.persons!.map((p) => p.id).sort());
  });

  it('re-sends TemporaryError items but never Error items, and exits 1 for the Error', async () => {
    const { code, fake, log } = await runClient(dataset(), {
      fake: { temporaryErrors: { p1: 2 }, errorIds: ['p3'] },
    });
    expect(code).toBe(1);
    expect(sentPersons(fake)).toEqual([['p0', 'p1', 'p2', 'p3', 'p4', 'p5'], ['p1'], ['p1']]);
    expect(fake.store.persons!.has('p1')).toBe(true);
    expect(log).toContain('persons: p3 Error 400 [9999] bad data');
    expect(log).toContain('persons: re-sending 1 item(s) in 1000 ms (attempt 2/5)');
    // An Error holds nothing back: the group is sent and accepted with a Warning for its missing pupil.
    expect(fake.store.groups!.has('g0')).toBe(true);
    expect(log.at(-1)).toBe(
      'done: exit 1 (Success=7 Warning=1 Error=1 TemporaryError=0 Pending=0 HeldBack=0 NotFollowed=0)',
    );
  });

  it('gives up on a TemporaryError after 5 sends and holds back what names it', async () => {
    const { code, fake, log } = await runClient(dataset(), { fake: { temporaryErrors: { p2: 99 } } });
    expect(code).toBe(1);
    expect(sentPersons(fake).slice(1)).toEqual([['p2'], ['p2'], ['p2'], ['p2']]);
    expect(log).toContain('persons: 1 item(s) still not accepted after 5 attempts, giving up on them');
    // The group names p2, and the activity names the group: neither is sent; the duty (p0) is.
    expect(posts(fake.calls, 'duties')).toHaveLength(1);
    expect(posts(fake.calls, 'groups')).toHaveLength(0);
    expect(posts(fake.calls, 'activities')).toHaveLength(0);
    expect(log).toContain(
      'groups: holding back 1 item(s) that name objects not stored yet; a later run sends them',
    );
    expect(log.at(-1)).toBe(
      'done: exit 1 (Success=6 Warning=0 Error=0 TemporaryError=1 Pending=0 HeldBack=2 NotFollowed=0)',
    );
  });

  it('after a 429 waits X-RateLimit-Reset (0.5 s) before the next write', async () => {
    const { code, fake, log } = await runClient(dataset(), {
      fake: { rateLimited: { count: 2, reset: '0.5' } },
    });
    expect(code).toBe(0);
    const w = writes(fake.calls);
    const refused = w.filter((c) => c.status === 429);
    expect(refused).toHaveLength(2);
    for (const r of refused) {
      const next = w[w.indexOf(r) + 1]!;
      expect(next.timeMs - r.timeMs).toBeGreaterThanOrEqual(500);
    }
    expect(log).toContain(
      'rate-limited: 429 on POST /persons/bulk?updateIfExists=true, waiting 550 ms (X-RateLimit-Reset=0.5)',
    );
  });

  it('refuses a token signed by a key not in the JWKS and makes no API call with it', async () => {
    const { code, fake, log } = await runClient(dataset(), {
      fake: { forgedTokens: Number.POSITIVE_INFINITY },
    });
    expect(code).toBe(1);
    expect(api(fake.calls)).toHaveLength(0);
    expect(fake.tokensIssued).toBe(2); // discarded, asked once more, discarded again
    expect(log).toContain('error: token rejected: kid rogue_1 is not in the JWKS [UNKNOWN_KID]');
  });

  it('recovers when only the first token was forged: asks again and uses the verified one', async () => {
    const { code, fake } = await runClient(dataset(), { fake: { forgedTokens: 1 } });
    expect(code).toBe(0);
    expect(fake.tokensIssued).toBe(2);
    expect(fake.calls.filter((c) => c.path === '/jwks')).toHaveLength(2); // cached, re-read once for the unknown kid
  });

  it('on 403 fetches one new token and retries the call once', async () => {
    const { code, fake } = await runClient(dataset(), { fake: { forbidden: 1 } });
    expect(code).toBe(0);
    expect(fake.tokensIssued).toBe(2);
    const [first, second] = api(fake.calls);
    expect(first?.status).toBe(403);
    expect(second?.path).toBe(first?.path);
    expect(second?.authorization).not.toBe(first?.authorization);
  });

  it('exits 2 on a configuration error, and 1 when an item alone exceeds the payload limit', async () => {
    expect((await runClient(dataset(), { env: { PROVTJANST_PROVISIONING_URL: 'not a url' } })).code).toBe(2);
    // A mistyped data folder is not an empty dataset (which would delete everything stored).
    const missing = await runClient(dataset(), { env: { PROVTJANST_DATA_DIR: join(dir, 'no-such-folder') } });
    expect(missing.code).toBe(2);
    expect(missing.log[0]).toMatch(/^error: configuration: .*no-such-folder is not a folder$/);
    expect(missing.fake.calls).toHaveLength(0);
    const big = await runClient(dataset(2, 5000), { env: { PROVTJANST_PAYLOAD_LIMIT: '2000' } });
    expect(big.code).toBe(1);
    expect(
      big.log.some((l) =>
        /^error: item p0 needs \d+ bytes in a request body, over the payload limit of 2000 bytes$/.test(l),
      ),
    ).toBe(true);
  });

  it('rejects an unknown strategy name (programmer misuse)', async () => {
    await expect(main.run({ noSuchThing: () => 0 })).rejects.toThrow(TypeError);
  });
});

describe('mutants (test/fixtures/mutants): each swaps one behaviour, observably', () => {
  const large: RunSetup = { env: { PROVTJANST_PAYLOAD_LIMIT: '3000' } };
  const cases: Record<string, { setup?: RunSetup; large?: boolean; deviates: (r: RunResult) => void }> = {
    'push-no-jwt-verify': {
      setup: { fake: { forgedTokens: Number.POSITIVE_INFINITY } },
      deviates: ({ fake }) => expect(api(fake.calls).length).toBeGreaterThan(0),
    },
    'push-token-per-call': {
      deviates: ({ fake }) => expect(fake.tokensIssued).toBeGreaterThanOrEqual(api(fake.calls).length),
    },
    'push-no-backoff': {
      setup: { fake: { rateLimited: { count: 2, reset: '0.5' } } },
      deviates: ({ fake }) => {
        const w = writes(fake.calls);
        const r = w.find((c) => c.status === 429)!;
        expect(w[w.indexOf(r) + 1]!.timeMs - r.timeMs).toBeLessThan(500);
      },
    },
    'push-no-pacing': {
      large: true,
      deviates: ({ fake }) => {
        const times = writes(fake.calls).map((c) => c.timeMs);
        expect(
          Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length)),
        ).toBeGreaterThan(5);
      },
    },
    'push-no-split': {
      large: true,
      setup: { fake: { payloadLimit: 3000 } },
      deviates: ({ fake }) => expect(fake.calls.some((c) => c.status === 413)).toBe(true),
    },
    'push-no-order-wait': {
      deviates: ({ fake }) => {
        const firstDuty = fake.calls.findIndex((c) => c.path.startsWith('/duties/bulk'));
        const personsRead = fake.calls.findIndex((c) => /^\/persons\/bulk\/jobs\/[^/]+\?/.test(c.path));
        expect(firstDuty).toBeLessThan(personsRead);
      },
    },
    'push-no-temporary-retry': {
      setup: { fake: { temporaryErrors: { p1: 1 } } },
      deviates: ({ fake }) => expect(posts(fake.calls, 'persons')).toHaveLength(1),
    },
    'push-resend-errors': {
      setup: { fake: { errorIds: ['p3'] } },
      deviates: ({ fake }) => {
        const sends = posts(fake.calls, 'persons').filter((c) => JSON.stringify(c.body).includes('"p3"'));
        expect(sends).toHaveLength(5);
      },
    },
    'push-no-delete': {
      setup: { seed: seedStale },
      deviates: ({ fake }) => expect(fake.store.persons!.has('p-old')).toBe(true),
    },
    'push-duplicate-create': {
      deviates: ({ fake }) => expect(posts(fake.calls, 'persons')[0]?.path).toBe('/persons/bulk'),
    },
    'push-no-job-follow': {
      deviates: ({ fake }) => expect(fake.calls.some((c) => c.path.includes('/jobs/'))).toBe(false),
    },
    'push-hot-polling': {
      deviates: ({ fake }) => {
        const polls = writes(fake.calls).filter((c) => c.path.endsWith('/isCompleted'));
        const hot = polls.some(
          (c, i) => i > 0 && c.path === polls[i - 1]!.path && c.timeMs - polls[i - 1]!.timeMs < 200,
        );
        expect(hot).toBe(true);
      },
    },
    'push-integer-reset': {
      setup: { fake: { rateLimited: { count: 2, reset: '0.5' } } },
      deviates: ({ fake }) => {
        const w = writes(fake.calls);
        const r = w.find((c) => c.status === 429)!;
        expect(w[w.indexOf(r) + 1]!.timeMs - r.timeMs).toBeLessThan(500);
      },
    },
    'push-signature-only': {
      setup: { fake: { badTokens: ['expired'] } },
      deviates: ({ fake }) => {
        expect(fake.tokensIssued).toBe(1);
        expect(api(fake.calls).length).toBeGreaterThan(0);
      },
    },
    'push-kid-only': {
      setup: { fake: { badTokens: ['bad-signature'] } },
      deviates: ({ fake }) => {
        expect(fake.tokensIssued).toBe(1);
        expect(api(fake.calls).length).toBeGreaterThan(0);
      },
    },
    'push-fixed-retry': {
      setup: { fake: { unavailable: 4 } },
      deviates: ({ fake }) => {
        const refused = api(fake.calls).filter((c) => c.status === 503);
        expect(refused).toHaveLength(4);
        const gaps = refused.slice(1).map((c, i) => c.timeMs - refused[i]!.timeMs);
        expect(new Set(gaps).size).toBe(1);
      },
    },
    'push-first-page-only': {
      setup: {
        seed: (fake) => {
          for (let i = 0; i < 120; i += 1) fake.store.persons!.set(`p-old-${i}`, { id: `p-old-${i}` });
        },
      },
      deviates: ({ fake }) => expect(fake.store.persons!.has('p-old-119')).toBe(true),
    },
    'push-no-delete-wait': {
      setup: { seed: seedStale },
      deviates: ({ fake }) => {
        const dutiesDelete = fake.calls.findIndex((c) => c.path === '/duties/bulk/delete');
        const personsDelete = fake.calls.findIndex((c) => c.path === '/persons/bulk/delete');
        const dutiesRead = fake.calls.findIndex(
          (c, i) => i > dutiesDelete && /^\/duties\/bulk\/jobs\/[^/]+\?/.test(c.path),
        );
        expect(dutiesDelete).toBeGreaterThan(-1);
        expect(personsDelete).toBeLessThan(dutiesRead);
      },
    },
    'push-completion-only': {
      deviates: ({ fake }) => {
        expect(fake.calls.some((c) => c.path.endsWith('/isCompleted'))).toBe(true);
        expect(fake.calls.some((c) => /\/jobs\/[^/]+\?/.test(c.path))).toBe(false);
      },
    },
    'push-no-bearer-flag': {
      deviates: ({ fake }) => {
        const request = fake.calls.find((c) => c.path === '/transaction')?.body as {
          access_token: Array<Record<string, unknown>>;
        };
        expect(request.access_token[0]).not.toHaveProperty('flags');
      },
    },
    'push-fresh-pacer': {
      deviates: ({ fake }) => {
        const first = api(fake.calls)[0]!;
        const token = fake.calls.find((c) => c.path === '/transaction')!;
        expect(first.timeMs - token.timeMs).toBeLessThan(1000);
      },
    },
    'push-no-bearer': {
      deviates: ({ fake }) => {
        const missing = api(fake.calls).filter((c) => !c.authorization);
        expect(missing).toHaveLength(1);
        expect(missing[0]?.path).toMatch(/\/isCompleted$/);
        expect(fake.tokensIssued).toBe(1);
      },
    },
  };

  it('covers every mutant file', async () => {
    const files = readdirSync(MUTANTS_DIR).filter((f) => /^push-.*\.mjs$/.test(f));
    expect(files.map((f) => f.replace(/\.mjs$/, '')).sort()).toEqual(Object.keys(cases).sort());
  });

  for (const [name, { setup = {}, large: isLarge, deviates }] of Object.entries(cases)) {
    it(`${name} overrides only known strategies, and deviates from the good client`, async () => {
      const { overrides } = await loadMutant(name);
      for (const key of Object.keys(overrides)) expect(main.DEFAULT_STRATEGIES).toHaveProperty(key);
      const data = isLarge ? dataset(60, 300) : dataset();
      const env = { ...(isLarge ? large.env : {}), ...setup.env };
      deviates(await runClient(data, { ...setup, env, overrides }));
    });
  }
});
