// An in-memory stand-in for the auth server and Provisioning API, as a transport function on a fake clock.
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';

export interface FakeClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** Time that moves only when the client sleeps: every wait is instant, and ordering stays exact. */
export function createFakeClock(startMs = Date.UTC(2026, 8, 1, 8)): FakeClock {
  let now = startMs;
  return {
    now: () => now,
    async sleep(ms) {
      now += Math.max(0, ms);
      await Promise.resolve();
    },
  };
}

export interface TransportRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface TransportResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export interface RecordedCall {
  timeMs: number;
  method: string;
  /** Path relative to the Provisioning API base (with query), or `/transaction`, `/jwks`. */
  path: string;
  status: number;
  authorization: string | undefined;
  body: unknown;
  bodyBytes: number;
}

type Item = { id: string } & Record<string, unknown>;
type Status = 'Success' | 'Warning' | 'Error' | 'TemporaryError';

interface Job {
  id: string;
  resource: string;
  doneAtMs: number;
  results: Array<{ id: string; status: Status; statusCode: number; message?: string }>;
}

export interface FakeOptions {
  clock: FakeClock;
  authUrl: string;
  provisioningUrl: string;
  organizationId?: string;
  /** Milliseconds a job takes to settle. */
  jobDelayMs?: number;
  payloadLimit?: number;
  /** Ids that settle as TemporaryError this many times before succeeding. */
  temporaryErrors?: Record<string, number>;
  /** Ids that always settle as Error 400. */
  errorIds?: string[];
  /** The first N write/status calls are refused with 429 and this X-RateLimit-Reset. */
  rateLimited?: { count: number; reset: string };
  /** Tokens signed with a key the JWKS does not hold: the first N, or every one when Infinity. */
  forgedTokens?: number;
  /** The first N Provisioning API calls with a token answer 403 [5002]. */
  forbidden?: number;
  /** The first N Provisioning API calls answer 503 [5022]. */
  unavailable?: number;
  /** Faults of the first tokens, one per token: already expired, or a published kid signed by another key. */
  badTokens?: Array<'expired' | 'bad-signature'>;
}

export interface FakeProvtjanst {
  transport(req: TransportRequest): Promise<TransportResponse>;
  calls: RecordedCall[];
  store: Record<string, Map<string, Item>>;
  tokensIssued: number;
  jwks: { keys: Record<string, unknown>[] };
}

const RESOURCES = ['persons', 'duties', 'groups', 'activities'] as const;

function b64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function signJwt(claims: Record<string, unknown>, key: KeyObject, kid: string): string {
  const signed = `${b64url({ alg: 'ES256', kid })}.${b64url(claims)}`;
  const signature = sign('sha256', Buffer.from(signed), { key, dsaEncoding: 'ieee-p1363' });
  return `${signed}.${signature.toString('base64url')}`;
}

/** What each item names: a duty its person, a group its members, an activity its groups and duties. */
function referencesOf(resource: string, item: Item): Array<[string, string]> {
  const refs: Array<[string, string]> = [];
  const get = (o: unknown, k: string) => (o as Record<string, { id?: string }> | undefined)?.[k]?.id;
  if (resource === 'duties') refs.push(['persons', String(get(item, 'person'))]);
  if (resource === 'groups') {
    for (const m of (item.groupMemberships as unknown[] | undefined) ?? [])
      refs.push(['persons', String(get(m, 'person'))]);
  }
  if (resource === 'activities') {
    for (const g of (item.groups as Array<{ id: string }> | undefined) ?? []) refs.push(['groups', g.id]);
    for (const t of (item.teachers as unknown[] | undefined) ?? [])
      refs.push(['duties', String(get(t, 'duty'))]);
  }
  return refs;
}

export function createFakeProvtjanst(options: FakeOptions): FakeProvtjanst {
  const { clock } = options;
  const goodKey = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const rogueKey = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwks = {
    keys: [{ ...goodKey.publicKey.export({ format: 'jwk' }), kid: 'fake_1', use: 'sig', alg: 'ES256' }],
  };
  const store: Record<string, Map<string, Item>> = Object.fromEntries(RESOURCES.map((r) => [r, new Map()]));
  const jobs = new Map<string, Job>();
  const calls: RecordedCall[] = [];
  const temporary = { ...options.temporaryErrors };
  const errorIds = new Set(options.errorIds ?? []);
  let rateLimited = options.rateLimited?.count ?? 0;
  let forged = options.forgedTokens ?? 0;
  let forbidden = options.forbidden ?? 0;
  let unavailable = options.unavailable ?? 0;
  const badTokens = [...(options.badTokens ?? [])];
  let nextJob = 1;
  const fake: FakeProvtjanst = { transport, calls, store, tokensIssued: 0, jwks };

  function json(status: number, body: unknown, headers: Record<string, string> = {}): TransportResponse {
    return {
      status,
      headers: { 'content-type': 'application/json', ...headers },
      text: JSON.stringify(body),
    };
  }
  const logEntry = (id: string, statusCode: number) => [
    { id, statusCode, message: `fake ${id}`, severityLevel: 'Error' },
  ];

  function settle(job: Job): void {
    for (const result of job.results) {
      if (result.status !== 'Success' && result.status !== 'Warning') continue;
      const pending = (job as Job & { items?: Map<string, Item | null> }).items?.get(result.id);
      if (pending === null) store[job.resource]?.delete(result.id);
      else if (pending) store[job.resource]?.set(result.id, pending);
    }
  }

  function submit(
    resource: string,
    items: unknown[],
    operation: 'upsert' | 'create' | 'delete',
  ): TransportResponse {
    const id = `00000000-0000-4000-8000-${String(nextJob++).padStart(12, '0')}`;
    const table = store[resource] as Map<string, Item>;
    const itemMap = new Map<string, Item | null>();
    const results: Job['results'] = [];
    for (const raw of items) {
      const item = (operation === 'delete' ? { id: String(raw) } : raw) as Item;
      const left = temporary[item.id] ?? 0;
      if (left > 0) {
        temporary[item.id] = left - 1;
        results.push({ id: item.id, status: 'TemporaryError', statusCode: 503 });
        continue;
      }
      if (errorIds.has(item.id)) {
        results.push({ id: item.id, status: 'Error', statusCode: 400, message: 'bad data' });
        continue;
      }
      if (operation === 'create' && table.has(item.id)) {
        results.push({ id: item.id, status: 'Error', statusCode: 409, message: 'exists' });
        continue;
      }
      let status: Status = 'Success';
      let message: string | undefined;
      if (operation !== 'delete') {
        const missing = referencesOf(resource, item).filter(([r, ref]) => !store[r]?.has(ref));
        if (missing.length > 0) {
          message = `missing ${missing[0]?.join(' ')}`;
          // 1.3.2: a group whose pupils are partly missing is stored with a Warning; other references are errors.
          if (resource !== 'groups') {
            results.push({ id: item.id, status: 'Error', statusCode: 400, message });
            continue;
          }
          status = 'Warning';
        }
      }
      itemMap.set(item.id, operation === 'delete' ? null : item);
      results.push({
        id: item.id,
        status,
        statusCode: operation === 'delete' ? 204 : 201,
        ...(message ? { message } : {}),
      });
    }
    const job: Job & { items: Map<string, Item | null> } = {
      id,
      resource,
      doneAtMs: clock.now() + (options.jobDelayMs ?? 1000),
      results,
      items: itemMap,
    };
    jobs.set(id, job);
    return json(
      202,
      { jobId: id, message: 'accepted' },
      { location: `${options.provisioningUrl}/${resource}/bulk/jobs/${id}` },
    );
  }

  function settleDue(): void {
    for (const job of jobs.values()) {
      const j = job as Job & { settled?: boolean };
      if (!j.settled && clock.now() >= j.doneAtMs) {
        j.settled = true;
        settle(job);
      }
    }
  }

  function provisioning(method: string, path: string, body: unknown): TransportResponse {
    settleDue();
    const [pathname = '', query = ''] = path.split('?');
    const params = new URLSearchParams(query);
    const parts = pathname.split('/').filter(Boolean);
    const resource = parts[0] ?? '';
    if (!store[resource]) return json(404, logEntry('4001', 404));
    if (method === 'POST' && parts[1] === 'bulk' && parts.length === 2) {
      const data = (body as { data: unknown[] }).data;
      return submit(resource, data, params.get('updateIfExists') === 'true' ? 'upsert' : 'create');
    }
    if (method === 'POST' && parts[1] === 'bulk' && parts[2] === 'delete') {
      return submit(resource, (body as { data: unknown[] }).data, 'delete');
    }
    if (method === 'GET' && parts[1] === 'bulk' && parts[2] === 'jobs') {
      const job = jobs.get(parts[3] ?? '');
      if (!job) return json(404, logEntry('4001', 404));
      const done = clock.now() >= job.doneAtMs;
      if (parts[4] === 'isCompleted') return json(200, done);
      const onlyErrors = params.get('showOnlyError') === 'true';
      return json(200, {
        jobId: job.id,
        responses: job.results
          .filter((r) => !onlyErrors || r.status === 'Error')
          .map((r) => ({
            id: r.id,
            response: {
              status: done ? r.status : 'Pending',
              statusCode: r.statusCode,
              ...(done && r.message
                ? { [r.status === 'Warning' ? 'warnings' : 'errors']: [{ id: '9999', message: r.message }] }
                : {}),
            },
            meta: { created: '', modified: '' },
          })),
      });
    }
    if (method === 'GET' && parts.length === 1) {
      const limit = Number(params.get('limit') ?? 50);
      const start = Number(params.get('pageToken') ?? 0);
      const all = [...(store[resource]?.values() ?? [])];
      const page = all.slice(start, start + limit).map((i) => ({ id: i.id }));
      return json(200, { data: page, pageToken: start + limit < all.length ? String(start + limit) : null });
    }
    return json(404, logEntry('4001', 404));
  }

  async function transport(req: TransportRequest): Promise<TransportResponse> {
    const bodyText = req.body ?? '';
    const body: unknown = bodyText ? JSON.parse(bodyText) : undefined;
    const authorization = Object.entries(req.headers ?? {}).find(
      ([k]) => k.toLowerCase() === 'authorization',
    )?.[1];
    let path: string;
    let response: TransportResponse;
    if (req.url === `${options.authUrl}/transaction`) {
      path = '/transaction';
      fake.tokensIssued += 1;
      const rogue = forged > 0;
      if (rogue) forged -= 1;
      const fault = badTokens.shift();
      const now = Math.floor(clock.now() / 1000);
      const access = [{ type: 'provisioning-api', locations: [options.provisioningUrl] }];
      const token = signJwt(
        {
          aud: 'nutid test',
          exp: fault === 'expired' ? now - 3600 : now + 864_000,
          iat: now,
          nbf: now,
          iss: 'fake',
          organization_id: options.organizationId ?? 'SE5567044268',
          requested_access: access,
          version: 1,
        },
        rogue || fault === 'bad-signature' ? rogueKey.privateKey : goodKey.privateKey,
        rogue ? 'rogue_1' : 'fake_1',
      );
      response = json(200, {
        access_token: { value: token, access, expires_in: 864_000, flags: ['bearer'] },
      });
    } else if (req.url === `${options.authUrl}/.well-known/jwks.json`) {
      path = '/jwks';
      response = json(200, jwks);
    } else if (req.url.startsWith(options.provisioningUrl)) {
      path = req.url.slice(options.provisioningUrl.length);
      const isWrite = /\/bulk/.test(path);
      const bodyBytes = Buffer.byteLength(bodyText);
      if (unavailable > 0) {
        unavailable -= 1;
        response = json(503, logEntry('5022', 503));
      } else if (isWrite && rateLimited > 0) {
        rateLimited -= 1;
        response = json(429, logEntry('5021', 429), {
          'x-ratelimit-reset': options.rateLimited?.reset ?? '1',
        });
      } else if (!authorization?.startsWith('Bearer ')) {
        response = json(403, logEntry('5002', 403));
      } else if (forbidden > 0) {
        forbidden -= 1;
        response = json(403, logEntry('5002', 403));
      } else if (bodyBytes > (options.payloadLimit ?? 204_800)) {
        response = json(413, logEntry('5020', 413));
      } else {
        response = provisioning(req.method, path, body);
      }
    } else {
      throw Object.assign(new Error(`fake: no route for ${req.url}`), { code: 'ECONNREFUSED' });
    }
    calls.push({
      timeMs: clock.now(),
      method: req.method,
      path,
      status: response.status,
      authorization,
      body,
      bodyBytes: Buffer.byteLength(bodyText),
    });
    return response;
  }

  return fake;
}
