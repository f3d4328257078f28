// The web capability's JSON and page routes over real HTTP: index, specs, workbench, settings, live stream, reset.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ControlledClock, createControlledClock } from '../../src/clock/index.js';
import { tokenFingerprint } from '../../src/journal/index.js';
import { type RunningMock, startMock } from '../../src/server.js';
import { issueForeignClientCertificate, makeTempDir, removeTempDir, tlsRequest } from '../support/pki.js';

const ORG = '5567044268';
const OTHER_ORG = '5569123457';

interface Check {
  id: string;
  outcome: string;
}

describe('web routes of the running mock', () => {
  let stateDir: string;
  let clock: ControlledClock;
  let mock: RunningMock;
  let base: string;

  const json = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(base + path, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      text,
      body: text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : undefined,
    };
  };
  const mint = (input: Record<string, unknown>) =>
    json('POST', '/_mock/workbench/tokens', { organisationNumber: ORG, ...input });
  const check = async (input: Record<string, unknown>) => {
    const { body } = await json('POST', '/_mock/workbench/checks', { type: 'provisioning-api', ...input });
    return {
      ok: body.ok as boolean,
      outcome: Object.fromEntries((body.checks as Check[]).map((c) => [c.id, c.outcome])),
    };
  };

  beforeAll(async () => {
    stateDir = makeTempDir('web-routes-');
    clock = createControlledClock();
    mock = await startMock({ settings: { port: 0, httpsPort: 0, host: '127.0.0.1', stateDir }, clock });
    base = mock.localHttpUrl;
  });
  afterAll(async () => {
    await mock?.close();
    if (stateDir) removeTempDir(stateDir);
  });

  it('answers /_mock as JSON to scripts and as a page to browsers', async () => {
    const asJson = await json('GET', '/_mock');
    expect(asJson.status).toBe(200);
    expect(asJson.body.groups.map((g: { name: string }) => g.name)).toContain('Administration provtjänsten');
    const asPage = await fetch(`${base}/_mock`, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(asPage.headers.get('content-type')).toMatch(/text\/html/);
    expect(await asPage.text()).toContain('<h1>Control plane</h1>');
  });

  it('serves the shipped contracts: YAML byte for byte, JSON with servers pointing at this mock', async () => {
    const yaml = await fetch(`${base}/_mock/specs/provisioning-api.yaml`);
    expect(await yaml.text()).toBe(readFileSync(join('spec', 'provisioning-api-1.3.2.yaml'), 'utf8'));
    const spec = await json('GET', '/_mock/specs/provisioning-api.json');
    expect(spec.body.servers).toEqual([
      { url: '/provtjanst/provisioning/v1', description: 'provtjanst-mock (this server)' },
    ]);
    expect(Object.keys(spec.body.paths)).toContain('/persons');
    const subset = await json('GET', '/_mock/specs/ss12000-subset.json');
    expect(subset.status).toBe(200);
    expect((await json('GET', '/_mock/specs/nothing.json')).status).toBe(404);
    const page = await fetch(`${base}/provtjanst/provisioning/v1/swagger-ui.html`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/_mock/web/assets/vendor/swagger-ui-bundle.js');
  });

  it('mints over /transaction with the dev certificate, and the token passes every check', async () => {
    const minted = await mint({ type: 'provisioning-api' });
    expect(minted.status).toBe(200);
    expect(minted.body.status).toBe(200);
    expect(minted.body.claims.organization_id).toBe(`SE${ORG}`);
    expect(minted.body.curl.transaction).toContain('--cert');
    const transaction = mock.mock.services.journal.query({ path: '/transaction' }).at(-1);
    expect(transaction?.status).toBe(200);
    const report = await check({ token: minted.body.token, organisationId: `SE${ORG}` });
    expect(report.ok).toBe(true);
    expect(Object.values(report.outcome).every((o) => o === 'passed')).toBe(true);
    const api = await fetch(`${base}/provtjanst/provisioning/v1/persons`, {
      headers: { authorization: `Bearer ${minted.body.token}` },
    });
    expect(api.status).toBe(200);
  });

  it('flags an expired token, one for another location, another organisation, a bad signature and garbage', async () => {
    const expired = await mint({ type: 'provisioning-api', fault: 'expired' });
    let report = await check({ token: expired.body.token });
    expect(report.outcome).toMatchObject({ exp: 'failed', signature: 'passed', access_location: 'passed' });
    expect(report.ok).toBe(false);

    const elsewhere = await mint({
      type: 'provisioning-api',
      location: 'https://other.example/provtjanst/provisioning/v1',
    });
    report = await check({ token: elsewhere.body.token });
    expect(report.outcome).toMatchObject({ access_location: 'failed', exp: 'passed' });

    const other = await mint({ organisationNumber: OTHER_ORG, type: 'provisioning-api' });
    report = await check({ token: other.body.token, organisationId: ORG });
    expect(report.outcome.organization_id).toBe('failed');

    const ok = (await mint({ type: 'provisioning-api' })).body.token as string;
    const [h, p, s] = ok.split('.') as [string, string, string];
    const flipped = `${h}.${p}.${s.startsWith('A') ? `B${s.slice(1)}` : `A${s.slice(1)}`}`;
    report = await check({ token: flipped });
    expect(report.outcome.signature).toBe('failed');

    report = await check({ token: 'not a jwt' });
    expect(report.outcome.format).toBe('failed');
    expect(report.outcome.signature).toBe('skipped');

    report = await check({ token: ok, type: 'ss12000-client' });
    expect(report.outcome).toMatchObject({ access_type: 'failed', access_location: 'skipped' });
  });

  it('refuses bad workbench input with a coded error', async () => {
    expect((await mint({ organisationNumber: '12', type: 'provisioning-api' })).body.code).toBe(
      'bad_workbench_input',
    );
    expect((await mint({ type: 'ss12000-api' })).status).toBe(400);
    expect((await mint({ type: 'nonsense' })).status).toBe(400);
    expect((await mint({ type: 'provisioning-api', fault: 'melted' })).status).toBe(400);
  });

  it('stores Administration settings per organisation, readable and writable as JSON, and kept on disk', async () => {
    const path = `/_mock/admin/organisations/SE${ORG}/settings`;
    expect((await json('GET', path)).body).toMatchObject({
      protectedDataNoticeEmail: null,
      pseudonymisationAttested: false,
    });
    const patched = await json('PATCH', path, {
      protectedDataNoticeEmail: 'skydd@test.se',
      pseudonymisationAttested: true,
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      protectedDataNoticeEmail: 'skydd@test.se',
      technicalContactEmail: null,
    });
    const attestedAt = patched.body.pseudonymisationAttestedAt as string;
    expect(attestedAt).toBe(clock.date().toISOString());
    clock.advance(60_000);
    const again = await json('PATCH', `/_mock/admin/organisations/${ORG}/settings`, {
      technicalContactEmail: 'it@test.se',
    });
    expect(again.body).toMatchObject({
      technicalContactEmail: 'it@test.se',
      pseudonymisationAttestedAt: attestedAt,
    });
    expect((await json('PATCH', path, { technicalContactEmail: 'not an address' })).body.code).toBe(
      'bad_settings',
    );
    expect((await json('PATCH', path, { unknown: 1 })).status).toBe(400);
    expect(
      (await json('GET', `/_mock/admin/organisations/SE${OTHER_ORG}/settings`)).body.protectedDataNoticeEmail,
    ).toBeNull();
    const replaced = await json('PUT', path, { technicalContactEmail: 'new@test.se' });
    expect(replaced.body).toMatchObject({
      protectedDataNoticeEmail: null,
      pseudonymisationAttested: false,
      pseudonymisationAttestedAt: null,
    });
    const saved = JSON.parse(readFileSync(join(stateDir, 'administration.json'), 'utf8'));
    expect(saved.organisations).toContainEqual(
      expect.objectContaining({ organisationId: `SE${ORG}`, technicalContactEmail: 'new@test.se' }),
    );
    expect((await json('GET', '/_mock/admin/organisations/12/settings')).body.code).toBe('bad_organisation');
  });

  it('adds an uploaded client certificate to the federation metadata, under the organisation', async () => {
    const foreign = await issueForeignClientCertificate(ORG);
    const path = `/_mock/admin/organisations/SE${ORG}/federation`;
    const uploaded = await json('POST', path, {
      entityId: 'https://ist.huvudman.example',
      organisationName: 'Testorganisation AB',
      certificatePem: foreign.certPem,
    });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ outcome: 'created-entity', pin: foreign.pin });
    const listed = await json('GET', path);
    expect(listed.body.entities).toContainEqual(
      expect.objectContaining({ entityId: 'https://ist.huvudman.example', pins: [foreign.pin] }),
    );
    const entity = (await mock.mock.services.auth.federation()).entities.get('https://ist.huvudman.example');
    expect(entity?.organization_id).toBe(`SE${ORG}`);
    // The certificate now gets a token by the TLS-federation flow (a CA the mock does not know otherwise).
    const token = await tlsRequest({
      port: mock.httpsPort,
      path: '/transaction',
      ca: mock.mock.services.auth.tls.caCertPem,
      cert: foreign.certPem,
      key: foreign.keyPem,
      body: {
        access_token: [
          {
            access: [{ type: 'provisioning-api', locations: [mock.mock.services.urls.provisioning] }],
            flags: ['bearer'],
          },
        ],
        client: { key: 'https://ist.huvudman.example' },
      },
    });
    expect(token.status).toBe(200);
    const claims = decodeJwt((token.json as { access_token: { value: string } }).access_token.value);
    expect(claims).toMatchObject({
      auth_source: 'tlsfed',
      organization_id: `SE${ORG}`,
      entity_id: 'https://ist.huvudman.example',
    });
    const elsewhere = await json('GET', `/_mock/admin/organisations/SE${OTHER_ORG}/federation`);
    expect(elsewhere.body.entities.map((e: { entityId: string }) => e.entityId)).not.toContain(
      'https://ist.huvudman.example',
    );
    expect(
      (await json('POST', path, { entityId: 'https://x.example', certificatePem: 'nope' })).body.code,
    ).toBe('bad_federation_upload');
  });

  it('streams arrows over SSE, shows one exchange with tokens as fingerprints, and resets', async () => {
    const controller = new AbortController();
    const res = await fetch(`${base}/_mock/live/events`, { signal: controller.signal });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const nextEvent = async (name: string) => {
      for (;;) {
        const match = new RegExp(`event: ${name}\\ndata: (.*)\\n`).exec(buffer);
        if (match) {
          buffer = buffer.slice((match.index ?? 0) + match[0].length);
          return JSON.parse(match[1] as string);
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += decoder.decode(value);
      }
    };
    const hello = await nextEvent('hello');
    expect(hello.lanes.map((l: { id: string }) => l.id)).toEqual([
      'vendor-client',
      'auth',
      'open-data',
      'provisioning',
      'job-engine',
      'ss12000-client',
      'vendor-api',
      'webhooks',
    ]);
    const minted = await mint({ type: 'provisioning-api' });
    const batch = await nextEvent('arrows');
    const arrow = batch.arrows.find((a: { kind: string }) => a.kind === 'token');
    expect(arrow).toMatchObject({ from: 0, to: 1, status: 200 });
    const evidence = await json('GET', `/_mock/live/exchanges/${arrow.seq}`);
    expect(evidence.text).not.toContain(minted.body.token);
    expect(evidence.body.response.body).toMatch(/\[(token )?[A-Za-z0-9_-]{16}\]/);
    expect(evidence.text).toContain(tokenFingerprint(minted.body.token));
    expect((await json('GET', '/_mock/live/exchanges/999999')).status).toBe(404);

    // A viewer who arrives later is shown the recent traffic from the journal.
    const late = new AbortController();
    const lateRes = await fetch(`${base}/_mock/live/events`, { signal: late.signal });
    const lateText = decoder.decode((await lateRes.body!.getReader().read()).value);
    late.abort();
    const lateHello = JSON.parse(/event: hello\ndata: (.*)\n/.exec(lateText)?.[1] ?? '{}');
    expect(lateHello.arrows.map((a: { seq: number }) => a.seq)).toContain(arrow.seq);

    await json('PATCH', '/_mock/provisioning/faults', { unavailable: true });
    const reset = await json('POST', '/_mock/live/reset');
    expect(reset.status).toBe(200);
    await nextEvent('reset');
    controller.abort();
    expect(mock.mock.services.journal.query({ path: '/transaction' })).toEqual([]);
    expect(mock.mock.services.provisioning.faults.view().unavailable).toBe(false);
  });

  it('leaves pages and their polls out of the journal', async () => {
    mock.mock.services.journal.clear();
    await fetch(`${base}/`);
    await fetch(`${base}/_mock/admin?org=${ORG}`);
    await fetch(`${base}/_mock/web/assets/page.css`);
    expect(mock.mock.services.journal.entries()).toEqual([]);
  });

  it("downloads the dev CA and an organisation's client files", async () => {
    const ca = await fetch(`${base}/_mock/downloads/ca.pem`);
    expect(await ca.text()).toBe(mock.mock.services.auth.tls.caCertPem);
    const cert = await fetch(`${base}/_mock/downloads/client?organisationNumber=${ORG}&file=client.pem`);
    expect(cert.headers.get('content-disposition')).toContain(`${ORG}-client.pem`);
    expect(await cert.text()).toBe(readFileSync(join(stateDir, 'clients', ORG, 'client.pem'), 'utf8'));
    expect((await fetch(`${base}/_mock/downloads/client?organisationNumber=${ORG}&file=../x`)).status).toBe(
      400,
    );
    expect((await fetch(`${base}/_mock/downloads/client?organisationNumber=1`)).status).toBe(400);
  });
});
