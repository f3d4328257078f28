// Administration's pure parts: what pseudonymisation changes for protected persons, settings, and the flow arrows.
import { afterAll, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../src/journal/index.js';
import { applySettings, emptySettings } from '../../src/web/admin/organisation-settings.js';
import { PSEUDONYMISED_FIELDS, platformViewOfPerson } from '../../src/web/admin/pseudonymisation.js';
import { AdministrationSettingsStore } from '../../src/web/admin/settings-store.js';
import { FLOW_LANES, lanesOfCallKind, statusColour } from '../../src/web/index.js';
import { redactTokens } from '../../src/web/live/exchange-evidence.js';
import { arrowOfEntry } from '../../src/web/live/flow-arrow.js';
import { makeTempDir, removeTempDir } from '../support/pki.js';

const person = (securityMarking?: string) => ({
  id: '0b6e3c1e-5d0a-4f6b-9d1e-6f2a7c9b8e01',
  givenName: 'Alva',
  familyName: 'Ek',
  civicNo: { value: '201001012385' },
  eduPersonPrincipalNames: ['alva.ek@skola.se'],
  emails: [{ value: 'alva@skola.se', type: 'Privat' }],
  ...(securityMarking ? { securityMarking } : {}),
});

describe('pseudonymisation of protected persons', () => {
  it('replaces name, civic number and contact details of a protected person when not attested', () => {
    for (const marking of ['Sekretessmarkering', 'Skyddad folkbokföring']) {
      const view = platformViewOfPerson(person(marking), false);
      expect(view.treatment).toBe('pseudonymised');
      expect(view.person.givenName).toMatch(/^Skyddad [0-9A-F]{6}$/);
      expect(view.person.familyName).toBe(view.person.givenName);
      expect(view.person.civicNo).toBeUndefined();
      expect(view.person.emails).toBeUndefined();
      // The login identity stays: pupils must still reach their test.
      expect(view.person.eduPersonPrincipalNames).toEqual(['alva.ek@skola.se']);
      expect(view.changed).toEqual(expect.arrayContaining(['givenName', 'familyName', 'civicNo', 'emails']));
      expect(view.changed.every((f) => (PSEUDONYMISED_FIELDS as readonly string[]).includes(f))).toBe(true);
    }
  });

  it('passes a protected person as sent once the huvudman attested its method, and never touches others', () => {
    expect(platformViewOfPerson(person('Skyddad folkbokföring'), true)).toMatchObject({
      treatment: 'as-sent',
      changed: [],
      person: person('Skyddad folkbokföring'),
    });
    for (const unprotected of [person('Ingen'), person()]) {
      expect(platformViewOfPerson(unprotected, false).treatment).toBe('as-sent');
    }
  });

  it('gives one person the same pseudonym every time, and another person another', () => {
    const a = platformViewOfPerson(person('Sekretessmarkering'), false).person.givenName;
    const again = platformViewOfPerson(person('Sekretessmarkering'), false).person.givenName;
    const other = platformViewOfPerson(
      { ...person('Sekretessmarkering'), id: 'ffffffff-5d0a-4f6b-9d1e-6f2a7c9b8e01' },
      false,
    ).person.givenName;
    expect(a).toBe(again);
    expect(a).not.toBe(other);
  });
});

describe('organisation settings', () => {
  const dir = makeTempDir('web-settings-');
  afterAll(() => removeTempDir(dir));

  it('keeps the first attestation time, clears it on withdrawal, and empty e-mail means none', () => {
    const start = emptySettings('SE5567044268');
    const attested = applySettings(
      start,
      { pseudonymisationAttested: true },
      '2026-01-01T00:00:00.000Z',
      false,
    );
    const later = applySettings(attested, { technicalContactEmail: '' }, '2026-02-01T00:00:00.000Z', false);
    expect(later).toMatchObject({
      pseudonymisationAttestedAt: '2026-01-01T00:00:00.000Z',
      technicalContactEmail: null,
    });
    const withdrawn = applySettings(
      later,
      { pseudonymisationAttested: false },
      '2026-03-01T00:00:00.000Z',
      false,
    );
    expect(withdrawn.pseudonymisationAttestedAt).toBeNull();
  });

  it('reloads what was stored from the state directory', () => {
    const store = new AdministrationSettingsStore(dir);
    store.set({ ...emptySettings('SE5567044268'), protectedDataNoticeEmail: 'a@b.se' });
    expect(new AdministrationSettingsStore(dir).get('SE5567044268').protectedDataNoticeEmail).toBe('a@b.se');
    expect(new AdministrationSettingsStore(dir).get('SE5569123457').protectedDataNoticeEmail).toBeNull();
  });
});

describe('flow arrows and palette', () => {
  const entry = (over: Partial<JournalEntry>): JournalEntry => ({
    seq: 7,
    requestId: 'r',
    direction: 'inbound',
    component: 'provisioning',
    time: '2026-01-01T00:00:00.000Z',
    timeMs: 0,
    durationMs: 1,
    method: 'GET',
    url: 'http://localhost/x',
    path: '/provtjanst/provisioning/v1/persons',
    status: 200,
    requestHeaders: {},
    responseHeaders: {},
    requestBodySize: 0,
    responseBodySize: 0,
    ...over,
  });
  const lane = (id: string) => FLOW_LANES.findIndex((l) => l.id === id);

  it('draws each component between its lanes, by kind of call', () => {
    expect(
      arrowOfEntry(entry({ method: 'POST', path: '/provtjanst/provisioning/v1/persons/bulk', status: 202 })),
    ).toMatchObject({
      from: lane('vendor-client'),
      to: lane('provisioning'),
      kind: 'write',
      label: 'POST /persons/bulk → 202',
    });
    expect(
      arrowOfEntry(
        entry({ path: '/provtjanst/provisioning/v1/persons/bulk/jobs/0b6e3c1e-5d0a-4f6b-9d1e-6f2a7c9b8e01' }),
      ),
    ).toMatchObject({ kind: 'status', label: 'GET /persons/bulk/jobs/0b6e3c1e… → 200' });
    const notifierToken = arrowOfEntry(
      entry({
        component: 'auth',
        method: 'POST',
        path: '/transaction',
        requestBody: '{"access_token":[{"access":[{"type":"ss12000-client"}]}]}',
      }),
    );
    expect(notifierToken).toMatchObject({ from: lane('webhooks'), to: lane('auth'), kind: 'token' });
    expect(
      arrowOfEntry(
        entry({ component: 'ss12000-client', direction: 'outbound', url: 'http://v/api/persons' }),
      ),
    ).toMatchObject({
      from: lane('ss12000-client'),
      to: lane('vendor-api'),
    });
    expect(
      arrowOfEntry(entry({ component: 'ss12000-client', path: '/provtjanst/ss12000/klient/v1/webhooks/x' })),
    ).toMatchObject({
      from: lane('webhooks'),
      kind: 'webhook',
    });
    expect(arrowOfEntry(entry({ component: 'control', path: '/_mock/info' }))).toBeUndefined();
  });

  it("maps the report's call kinds to the same lanes, and statuses to the same colours", () => {
    expect(lanesOfCallKind('token', 'push')).toEqual({ from: 'vendor-client', to: 'auth' });
    expect(lanesOfCallKind('read', 'ss12000')).toEqual({ from: 'ss12000-client', to: 'vendor-api' });
    expect(lanesOfCallKind('webhook', 'ss12000')).toEqual({ from: 'webhooks', to: 'ss12000-client' });
    expect([200, 404, 429, 503, 0].map(statusColour)).toEqual([
      '#16a34a',
      '#dc2626',
      '#f59e0b',
      '#8b5cf6',
      '#6b7280',
    ]);
  });

  it('cuts every JWT in a text to its fingerprint', () => {
    const text = redactTokens('{"value":"eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln","n":1}');
    expect(text).toMatch(/^\{"value":"\[token [A-Za-z0-9_-]{16}\]","n":1\}$/);
  });
});
