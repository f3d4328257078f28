// The reference push client's pure parts: byte-sized batches, JWT verification, 429 backoff, pacing, polling.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCertificateAuthority, issueClientCertificate } from '../../src/mock-auth/index.js';
import { createFakeClock, signJwt } from './fake-provtjanst.js';
import {
  type BackoffModule,
  type BatchesModule,
  type ClientCertModule,
  type JobsModule,
  type Jwk,
  loadBackoff,
  loadBatches,
  loadClientCert,
  loadJobs,
  loadRatePacer,
  loadVerifyJwt,
  type RatePacerModule,
  type VerifyJwtModule,
} from './push-client-modules.js';

let batches: BatchesModule;
let jwt: VerifyJwtModule;
let backoff: BackoffModule;
let pacing: RatePacerModule;
let jobs: JobsModule;
let clientCert: ClientCertModule;

beforeAll(async () => {
  [batches, jwt, backoff, pacing, jobs, clientCert] = await Promise.all([
    loadBatches(),
    loadVerifyJwt(),
    loadBackoff(),
    loadRatePacer(),
    loadJobs(),
    loadClientCert(),
  ]);
});

const person = (n: number, padding = 100) => ({ id: `p-${n}`, givenName: 'Åsa'.repeat(padding / 4) });

describe('splitIntoBatches', () => {
  it('keeps every body {"data":[…]} within the limit, in order, with nothing lost', () => {
    const items = Array.from({ length: 200 }, (_, i) => person(i, 40 + (i % 7) * 30));
    const split = batches.splitIntoBatches(items, 2_000);
    expect(split.length).toBeGreaterThan(1);
    for (const batch of split) expect(Buffer.byteLength(batches.bodyOf(batch))).toBeLessThanOrEqual(2_000);
    expect(split.flat()).toEqual(items);
  });

  it('counts UTF-8 bytes, not characters (å is two bytes)', () => {
    const item = { id: 'x', name: 'å'.repeat(100) };
    const bodyBytes = Buffer.byteLength(JSON.stringify({ data: [item] }));
    expect(bodyBytes).toBeGreaterThan(JSON.stringify({ data: [item] }).length);
    expect(batches.splitIntoBatches([item], bodyBytes)).toEqual([[item]]);
    expect(() => batches.splitIntoBatches([item], bodyBytes - 1)).toThrow(batches.ItemTooLargeError);
  });

  it('fills a body up to exactly the limit and starts a new one a byte later', () => {
    const a = { id: 'a' };
    const b = { id: 'b' };
    const both = Buffer.byteLength(JSON.stringify({ data: [a, b] }));
    expect(batches.splitIntoBatches([a, b], both)).toEqual([[a, b]]);
    expect(batches.splitIntoBatches([a, b], both - 1)).toEqual([[a], [b]]);
  });

  it('returns no batch for no items', () => {
    expect(batches.splitIntoBatches([], 204_800)).toEqual([]);
  });

  it('refuses an item that alone exceeds the limit with a clear, coded error', () => {
    const huge = { id: 'big-one', blob: 'x'.repeat(300) };
    let caught: unknown;
    try {
      batches.splitIntoBatches([{ id: 'small' }, huge], 200);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(batches.ItemTooLargeError);
    expect((caught as { code: string }).code).toBe('ITEM_TOO_LARGE');
    expect((caught as Error).message).toMatch(
      /item big-one needs \d+ bytes .* over the payload limit of 200 bytes/,
    );
  });
});

describe('verifyJwt', () => {
  const LOCATION = 'http://127.0.0.1:8080/provtjanst/provisioning/v1';
  const NOW = Date.UTC(2026, 8, 1, 8);
  let key: KeyObject;
  let keys: Jwk[];
  const claims = (over: Record<string, unknown> = {}) => ({
    aud: 'nutid test',
    iss: 'https://nutid-auth.test',
    iat: NOW / 1000,
    nbf: NOW / 1000,
    exp: NOW / 1000 + 864_000,
    organization_id: 'SE5567044268',
    requested_access: [{ type: 'provisioning-api', locations: [LOCATION] }],
    version: 1,
    ...over,
  });
  const expectation = {
    type: 'provisioning-api',
    location: LOCATION,
    organizationId: 'SE5567044268',
    now: NOW,
  };
  const codeOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(jwt.JwtVerificationError);
      return (error as { code: string }).code;
    }
    return 'accepted';
  };

  beforeAll(() => {
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    key = pair.privateKey;
    keys = [{ ...(pair.publicKey.export({ format: 'jwk' }) as Jwk), kid: 'nutid_auth_202201' }];
  });

  it('accepts a good ES256 token and returns its kid and claims', () => {
    const verified = jwt.verifyJwt(signJwt(claims(), key, 'nutid_auth_202201'), keys, expectation);
    expect(verified.header.kid).toBe('nutid_auth_202201');
    expect(verified.claims.organization_id).toBe('SE5567044268');
  });

  it('tolerates a trailing slash on either side of the location', () => {
    const token = signJwt(
      claims({ requested_access: [{ type: 'provisioning-api', locations: [`${LOCATION}/`] }] }),
      key,
      'nutid_auth_202201',
    );
    expect(codeOf(() => jwt.verifyJwt(token, keys, expectation))).toBe('accepted');
  });

  it('rejects a token signed by another key under a known kid (BAD_SIGNATURE)', () => {
    const rogue = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    expect(
      codeOf(() => jwt.verifyJwt(signJwt(claims(), rogue, 'nutid_auth_202201'), keys, expectation)),
    ).toBe('BAD_SIGNATURE');
  });

  it('rejects a tampered payload (BAD_SIGNATURE)', () => {
    const [h, , s] = signJwt(claims(), key, 'nutid_auth_202201').split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify(claims({ organization_id: 'SE2021004185' }))).toString('base64url')}.${s}`;
    expect(codeOf(() => jwt.verifyJwt(forged, keys, { ...expectation, organizationId: undefined }))).toBe(
      'BAD_SIGNATURE',
    );
  });

  it('rejects a kid that is not in the JWKS (UNKNOWN_KID)', () => {
    expect(codeOf(() => jwt.verifyJwt(signJwt(claims(), key, 'someone_else'), keys, expectation))).toBe(
      'UNKNOWN_KID',
    );
  });

  it('rejects an expired token, beyond the 30 s leeway (EXPIRED)', () => {
    const expired = signJwt(claims({ exp: NOW / 1000 - 31 }), key, 'nutid_auth_202201');
    expect(codeOf(() => jwt.verifyJwt(expired, keys, expectation))).toBe('EXPIRED');
    const justNow = signJwt(claims({ exp: NOW / 1000 - 10 }), key, 'nutid_auth_202201');
    expect(codeOf(() => jwt.verifyJwt(justNow, keys, expectation))).toBe('accepted');
  });

  it('rejects a token not valid yet (NOT_YET_VALID)', () => {
    const early = signJwt(claims({ nbf: NOW / 1000 + 3600 }), key, 'nutid_auth_202201');
    expect(codeOf(() => jwt.verifyJwt(early, keys, expectation))).toBe('NOT_YET_VALID');
  });

  it('rejects a token for another location (WRONG_LOCATION)', () => {
    const token = signJwt(
      claims({
        requested_access: [
          { type: 'provisioning-api', locations: ['https://elsewhere.example/provtjanst/provisioning/v1'] },
        ],
      }),
      key,
      'nutid_auth_202201',
    );
    expect(codeOf(() => jwt.verifyJwt(token, keys, expectation))).toBe('WRONG_LOCATION');
  });

  it('rejects a token for another access type (WRONG_TYPE)', () => {
    const token = signJwt(
      claims({ requested_access: [{ type: 'ss12000-client', locations: [LOCATION] }] }),
      key,
      'nutid_auth_202201',
    );
    expect(codeOf(() => jwt.verifyJwt(token, keys, expectation))).toBe('WRONG_TYPE');
  });

  it('rejects another organisation, or a malformed organization_id (WRONG_ORGANIZATION)', () => {
    const other = signJwt(claims({ organization_id: 'SE2021004185' }), key, 'nutid_auth_202201');
    expect(codeOf(() => jwt.verifyJwt(other, keys, expectation))).toBe('WRONG_ORGANIZATION');
    const malformed = signJwt(claims({ organization_id: '5567044268' }), key, 'nutid_auth_202201');
    expect(codeOf(() => jwt.verifyJwt(malformed, keys, { ...expectation, organizationId: undefined }))).toBe(
      'WRONG_ORGANIZATION',
    );
  });

  it('rejects alg none and garbage (BAD_ALG, MALFORMED)', () => {
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims())).toString('base64url')}.x`;
    expect(codeOf(() => jwt.verifyJwt(none, keys, expectation))).toBe('BAD_ALG');
    expect(codeOf(() => jwt.verifyJwt('not-a-jwt', keys, expectation))).toBe('MALFORMED');
  });
});

describe('client certificate facts', () => {
  it('computes cert#S256 as the mock does and reads the organisation from the subject', async () => {
    const ca = await createCertificateAuthority('Test CA');
    const cert = await issueClientCertificate(ca, { organisationNumber: '5567044268', name: 'Skola Å AB' });
    expect(clientCert.certificateThumbprint(cert.certPem)).toBe(cert.thumbprint);
    expect(clientCert.organisationIdOf(cert.certPem)).toBe('SE5567044268');
    expect(clientCert.organisationIdOf(ca.certPem)).toBeUndefined();
    for (const profile of ['siths', 'efos'] as const) {
      const shaped = await issueClientCertificate(ca, { organisationNumber: '5565594230', profile });
      expect(clientCert.organisationIdOf(shaped.certPem), profile).toBe('SE5565594230');
    }
  });
});

describe('429 backoff', () => {
  it('reads X-RateLimit-Reset as decimal seconds, including 0.5', () => {
    expect(backoff.parseResetSeconds('0.5')).toBe(0.5);
    expect(backoff.parseResetSeconds('1')).toBe(1);
    expect(backoff.parseResetSeconds(' 2 ')).toBe(2);
    expect(backoff.parseResetSeconds('.25')).toBe(0.25);
    expect(backoff.parseResetSeconds(['0.5', '3'])).toBe(0.5);
  });

  it('ignores an absent, negative or non-numeric header', () => {
    for (const bad of [undefined, '', '-1', 'soon', '1e3', 'NaN'])
      expect(backoff.parseResetSeconds(bad)).toBeUndefined();
  });

  it('waits the reset plus a small margin, else Retry-After, else exponential backoff', () => {
    expect(backoff.rateLimitDelayMs({ 'x-ratelimit-reset': '0.5' }, 1)).toBe(500 + backoff.RESET_MARGIN_MS);
    expect(backoff.rateLimitDelayMs({ 'x-ratelimit-reset': '1' }, 3)).toBe(1000 + backoff.RESET_MARGIN_MS);
    expect(backoff.rateLimitDelayMs({ 'retry-after': '2' }, 1)).toBe(2000 + backoff.RESET_MARGIN_MS);
    const fallback = backoff.rateLimitDelayMs({}, 2);
    expect(fallback).toBeGreaterThanOrEqual(2000);
    expect(fallback).toBeLessThanOrEqual(2200);
  });

  it('grows exponentially with at most 10 % jitter, capped at 30 s', () => {
    expect([1, 2, 3, 4].map((n) => backoff.exponentialDelayMs(n, () => 0))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoff.exponentialDelayMs(2, () => 1)).toBe(2200);
    expect(backoff.exponentialDelayMs(20, () => 0)).toBe(30_000);
  });
});

describe('rate pacing', () => {
  it('lets a call start while the window has room', () => {
    expect(pacing.waitBeforeNextCall([], 0, 0, 5, 1000)).toBe(0);
    expect(pacing.waitBeforeNextCall([0, 10, 20, 30], 0, 40, 5, 1000)).toBe(0);
  });

  it('holds the sixth call until the oldest finish leaves the window', () => {
    expect(pacing.waitBeforeNextCall([0, 10, 20, 30, 40], 0, 500, 5, 1000)).toBe(500);
    expect(pacing.waitBeforeNextCall([0, 10, 20, 30], 1, 500, 5, 1000)).toBe(500);
    expect(pacing.waitBeforeNextCall([-2000, 10, 20, 30, 40], 0, 500, 5, 1000)).toBe(0);
  });

  it('waits for a finish when every slot is in flight', () => {
    expect(pacing.waitBeforeNextCall([], 5, 0, 5, 1000)).toBe(Number.POSITIVE_INFINITY);
  });

  it('classifies writes and job status as one quota, lists, get-by-id and lookups as the other', () => {
    expect(pacing.bucketOf('POST', '/persons/bulk?updateIfExists=true')).toBe('write');
    expect(pacing.bucketOf('PUT', '/persons/bulk')).toBe('write');
    expect(pacing.bucketOf('POST', '/groups/bulk/delete')).toBe('write');
    expect(pacing.bucketOf('GET', '/duties/bulk/jobs/abc/isCompleted')).toBe('write');
    expect(pacing.bucketOf('GET', '/duties/bulk/jobs/abc?showOnlyError=false')).toBe('write');
    expect(pacing.bucketOf('GET', '/persons?limit=100')).toBe('read');
    expect(pacing.bucketOf('GET', '/persons/abc')).toBe('read');
    expect(pacing.bucketOf('POST', '/persons/lookup')).toBe('read');
  });

  it('never starts more than 5 writes or 10 reads in any rolling second (injected clock)', async () => {
    const clock = createFakeClock(0);
    const pacer = pacing.createRatePacer({ clock });
    const starts: Record<'write' | 'read', number[]> = { write: [], read: [] };
    for (let i = 0; i < 40; i++) {
      const bucket = i % 3 === 0 ? 'read' : 'write';
      const release = await pacer.acquire(bucket);
      starts[bucket].push(clock.now());
      await clock.sleep(7); // the call takes 7 ms
      release();
    }
    const densest = (times: number[]) =>
      Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length));
    expect(densest(starts.write)).toBe(pacing.RATE_LIMITS.write);
    expect(densest(starts.read)).toBeLessThanOrEqual(pacing.RATE_LIMITS.read);
    // Paced, not stalled: 27 writes at 5 a second take a little over 5 seconds.
    expect(clock.now()).toBeLessThan(7_000);
  });
});

describe('rate pacing of a fresh process', () => {
  it('takes every slot as used when the process started (usedAt), else when the pacer is made', async () => {
    const clock = createFakeClock(1_000);
    const fromStart = pacing.createRatePacer({ clock, usedAt: 700 });
    (await fromStart.acquire('write'))();
    expect(clock.now()).toBe(700 + 1_025); // the window (1 s + 25 ms margin) counted from the process start
    const fromNow = pacing.createRatePacer({ clock });
    (await fromNow.acquire('write'))();
    expect(clock.now()).toBe(1_725 + 1_025);
  });
});

describe('job polling', () => {
  it('waits 250 ms, then twice as long each poll, at most 2 s', () => {
    expect([1, 2, 3, 4, 5, 9].map(jobs.pollDelayMs)).toEqual([250, 500, 1000, 2000, 2000, 2000]);
  });

  it('counts the first wait from when the job was accepted, later ones from each "not yet"', async () => {
    const clock = createFakeClock(0);
    const polls: number[] = [];
    let answers = [false, true]; // the first poll of each job hears "not yet"
    const api = {
      async call(_method: string, path: string) {
        if (!path.endsWith('/isCompleted')) return { status: 200, body: { responses: [] } };
        polls.push(clock.now());
        const [done = true, ...rest] = answers;
        answers = rest;
        return { status: 200, body: done };
      },
    };
    const ctx = { api, clock, log: () => {}, pollDelayMs: jobs.pollDelayMs };
    await clock.sleep(1_000); // earlier jobs were followed meanwhile
    await jobs.followJob(ctx, { resource: 'persons', jobId: 'a', ids: [], acceptedMs: 100 });
    expect(polls).toEqual([1_000, 1_500]); // at once (accepted 900 ms ago), then 500 ms after "not yet"
    polls.length = 0;
    answers = [false, true];
    await jobs.followJob(ctx, { resource: 'persons', jobId: 'b', ids: [], acceptedMs: 1_400 });
    expect(polls).toEqual([1_650, 2_150]); // 250 ms after it was accepted
  });
});
