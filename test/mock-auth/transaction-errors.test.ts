// Every row of nutid-auth's /transaction error table (nutid-auth.md §5) over real TLS: status, GNAP code, description.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCertificate } from '../../src/mock-auth/certificate-authority.js';
import { createCrl } from '../../src/mock-auth/certificate-revocation.js';
import {
  addToCrl,
  certificateThumbprint,
  type DevClient,
  ensureIssuingCa,
  PERMISSION_DENIED,
} from '../../src/mock-auth/index.js';
import { issueForeignClientCertificate, type TlsResponse } from '../support/pki.js';
import { type AuthHarness, createAuthHarness, transactionBody } from './harness.js';

interface ErrorBody {
  error: { code: string; description: string; reason: string; hint?: string };
}

const DAY = 86_400_000;

/** Asserts nutid-auth's status, code and description, and the no-store header every answer carries. */
function expectGnapError(res: TlsResponse, status: number, code: string, description: string | RegExp) {
  expect({ status: res.status, cacheControl: res.headers['cache-control'] }).toEqual({
    status,
    cacheControl: 'no-store',
  });
  const body = res.json as ErrorBody;
  expect(body.error.code).toBe(code);
  if (typeof description === 'string') expect(body.error.description).toBe(description);
  else expect(body.error.description).toMatch(description);
  return body.error;
}

const VALIDATION = /^\d+ validation errors?: \{'type': '/;

describe('POST /transaction: nutid-auth error table over real TLS', () => {
  let h: AuthHarness;
  let client: DevClient;
  const mtls = (c: DevClient, extra: Record<string, unknown> = {}) =>
    transactionBody({ proof: 'mtls', 'cert#S256': c.thumbprint, ...extra });

  beforeAll(async () => {
    h = await createAuthHarness();
    client = await h.issueClient('5567044268');
  });
  afterAll(() => h.close());

  it('400 invalid_client "JWS could not be deserialized": Content-Type application/jose with a body that is no JWS', async () => {
    for (const type of ['application/jose', 'application/jose+json']) {
      const res = await h.transaction(JSON.stringify(mtls(client)), client, { 'content-type': type });
      expectGnapError(res, 400, 'invalid_client', 'JWS could not be deserialized');
    }
  });

  it('400 invalid_request with the validation errors as text, for every malformed body', async () => {
    const bodies: [string, unknown, Record<string, string>?][] = [
      ['not JSON', 'not json'],
      ['empty', ''],
      ['not an object', '[1,2]'],
      ['wrong content type', JSON.stringify(mtls(client)), { 'content-type': 'text/plain' }],
      ['access_token missing', { client: { key: 'https://x.test' } }],
      ['client missing', { access_token: { flags: ['bearer'] } }],
      ['client.key missing', { access_token: { flags: ['bearer'] }, client: {} }],
      ['key object without proof', transactionBody({ 'cert#S256': client.thumbprint })],
      ['unknown proof', transactionBody({ proof: 'tls', 'cert#S256': client.thumbprint })],
      [
        'a flag other than bearer/durable',
        { access_token: { flags: ['bearer', 'split'] }, client: { key: 'https://x.test' } },
      ],
      [
        'access object without type',
        { access_token: { access: [{ locations: ['https://a'] }], flags: ['bearer'] }, client: { key: 'x' } },
      ],
      [
        'a wrong type',
        { access_token: { access: 'provisioning-api', flags: ['bearer'] }, client: { key: 'x' } },
      ],
    ];
    for (const [what, body, headers] of bodies) {
      const res = await h.transaction(body, client, headers);
      const error = expectGnapError(res, 400, 'invalid_request', VALIDATION);
      expect(error.reason, what).toBe('validation_error');
    }
    const missing = (await h.transaction({ client: { key: 'x' } }, client)).json as ErrorBody;
    expect(missing.error.description).toContain("'loc': ('body', 'access_token'), 'msg': 'Field required'");
  });

  it('400 {"detail":"There was an error parsing the body"} for bytes that are not UTF-8 (FastAPI shape)', async () => {
    const res = await h.transaction(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), client);
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ detail: 'There was an error parsing the body' });
  });

  it('400 invalid_request "key-bound access tokens…": no bearer flag, once a flow accepted the client', async () => {
    for (const flags of [undefined, [], ['durable']]) {
      const body = {
        access_token: {
          access: [{ type: 'provisioning-api', locations: [h.provisioningUrl] }],
          ...(flags ? { flags } : {}),
        },
        client: { key: { proof: 'mtls', 'cert#S256': client.thumbprint } },
      };
      const res = await h.transaction(body, client);
      expectGnapError(
        res,
        400,
        'invalid_request',
        'key-bound access tokens are not supported, request the bearer flag',
      );
    }
    // Identity comes first: an unknown client without bearer is a 401, not a 400.
    const foreign = await issueForeignClientCertificate('5567044268');
    const res = await h.transaction(
      { access_token: { access: [] }, client: { key: { proof: 'mtls', 'cert#S256': foreign.thumbprint } } },
      foreign,
    );
    expectGnapError(res, 401, 'request_denied', PERMISSION_DENIED);
  });

  it('401 invalid_request "client certificate expired or not yet valid", in the CA and the federation flow', async () => {
    const expired = await h.issueClient('5567044268', {
      entityId: 'https://expired.huvudman.test',
      certificate: { now: new Date(Date.now() - 10 * DAY), validDays: 1 },
    });
    const future = await h.issueClient('5567044268', {
      entityId: 'https://future.huvudman.test',
      certificate: { now: new Date(Date.now() + 10 * DAY), validDays: 30 },
    });
    for (const c of [expired, future]) {
      for (const body of [mtls(c), transactionBody(c.entityId)]) {
        const error = expectGnapError(
          await h.transaction(body, c),
          401,
          'invalid_request',
          'client certificate expired or not yet valid',
        );
        expect(error.reason).toBe('certificate_expired');
      }
    }
  });

  it('401 invalid_request "client certificate revoked": on the CRL, or the CRL cannot be checked (fails closed)', async () => {
    const revoked = await h.issueClient('5567044268', { entityId: 'https://revoked.huvudman.test' });
    const { ca, files } = await ensureIssuingCa(h.stateDir, 'expitrust');
    expect((await h.transaction(mtls(revoked), revoked)).status).toBe(200);
    expect(await addToCrl(files.crl, ca, revoked.serialNumber)).toBe(true);
    expectGnapError(
      await h.transaction(mtls(revoked), revoked),
      401,
      'invalid_request',
      'client certificate revoked',
    );
    // Others of the same CA still pass.
    expect((await h.transaction(mtls(client), client)).status).toBe(200);

    const sithsClient = await h.issueClient('5565594230', {
      profile: 'siths',
      entityId: 'https://siths.test',
    });
    const siths = await ensureIssuingCa(h.stateDir, 'siths');
    expect((await h.transaction(mtls(sithsClient), sithsClient)).status).toBe(200);
    // A CRL signed by another key does not verify: revocation cannot be checked, so the certificate is refused.
    const other = await ensureIssuingCa(h.stateDir, 'efos');
    const forged = await createCrl({ ...other.ca, cert: siths.ca.cert }, []);
    const genuine = readFileSync(siths.files.crl, 'utf8');
    writeFileSync(siths.files.crl, forged);
    try {
      expectGnapError(
        await h.transaction(mtls(sithsClient), sithsClient),
        401,
        'invalid_request',
        'client certificate revoked',
      );
    } finally {
      writeFileSync(siths.files.crl, genuine);
    }
  });

  it('401 invalid_request "missing organization id in client certificate" when the setting makes it mandatory', async () => {
    const strict = await createAuthHarness({ caOrgIdMandatory: true });
    try {
      const noEku = await strict.issueClient('5565594230', {
        profile: 'siths',
        certificate: { clientAuth: false },
      });
      const error = expectGnapError(
        await strict.transaction(mtls(noEku), noEku),
        401,
        'invalid_request',
        'missing organization id in client certificate',
      );
      expect(error.reason).toBe('missing_organization_id');
    } finally {
      await strict.close();
    }
  });

  it('401 request_denied "permission denied" whenever no flow accepts the request', async () => {
    const foreign = await issueForeignClientCertificate('5567044268');
    const unlisted = await h.issueClient('5567044268', { entityId: 'https://unlisted.huvudman.test' });
    const cases: [string, unknown, { certPem: string; keyPem: string } | undefined, string][] = [
      ['no certificate', mtls(client), undefined, 'no_client_certificate'],
      ['thumbprint of another certificate', mtls(unlisted), client, 'thumbprint_mismatch'],
      [
        'unknown CA',
        transactionBody({ proof: 'mtls', 'cert#S256': foreign.thumbprint }),
        foreign,
        'unknown_ca',
      ],
      [
        'entity id not in metadata',
        transactionBody('https://nobody.huvudman.test'),
        client,
        'unknown_entity',
      ],
      ['entity id with a trailing slash', transactionBody(`${client.entityId}/`), client, 'unknown_entity'],
      [
        'certificate not among the entity issuers',
        transactionBody(client.entityId),
        unlisted,
        'certificate_not_listed',
      ],
      [
        'client as a string',
        { access_token: { flags: ['bearer'] }, client: client.entityId },
        client,
        'client_by_reference',
      ],
      [
        'two access token requests',
        { access_token: [{ flags: ['bearer'] }, { flags: ['bearer'] }], client: { key: client.entityId } },
        client,
        'multiple_access_tokens',
      ],
      ['proof httpsig', transactionBody({ proof: 'httpsig' }), client, 'unsupported_proof'],
      ['proof jws', transactionBody({ proof: 'jws', jwk: { kty: 'EC' } }), client, 'unsupported_proof'],
      ['mtls without cert#S256 or cert', transactionBody({ proof: 'mtls' }), client, 'missing_thumbprint'],
    ];
    for (const [what, body, cert, reason] of cases) {
      const error = expectGnapError(
        await h.transaction(body, cert),
        401,
        'request_denied',
        PERMISSION_DENIED,
      );
      expect(error.reason, what).toBe(reason);
    }
  });

  it('401 request_denied: a string key with only CAFlow, an object key with only TLSFEDFlow', async () => {
    const caOnly = await createAuthHarness({ authFlows: ['ca'] });
    const fedOnly = await createAuthHarness({ authFlows: ['tlsfed'] });
    try {
      const a = await caOnly.issueClient('5567044268');
      expectGnapError(
        await caOnly.transaction(transactionBody(a.entityId), a),
        401,
        'request_denied',
        PERMISSION_DENIED,
      );
      expect((await caOnly.transaction(mtls(a), a)).status).toBe(200);
      const b = await fedOnly.issueClient('5567044268');
      expectGnapError(await fedOnly.transaction(mtls(b), b), 401, 'request_denied', PERMISSION_DENIED);
      expect((await fedOnly.transaction(transactionBody(b.entityId), b)).status).toBe(200);
    } finally {
      await caOnly.close();
      await fedOnly.close();
    }
  });

  it('500 invalid_request "bad configuration": MDQFlow without an MDQ server', async () => {
    const mdq = await createAuthHarness({ authFlows: ['mdq', 'ca'] });
    try {
      const c = await mdq.issueClient('5567044268');
      const error = expectGnapError(
        await mdq.transaction(mtls(c), c),
        500,
        'invalid_request',
        'bad configuration',
      );
      expect(error.reason).toBe('bad_configuration');
    } finally {
      await mdq.close();
    }
  });

  it('500 plain-text "Internal Server Error" where nutid-auth crashes', async () => {
    const noDash = await h.issueClient('5565594230', {
      profile: 'siths',
      entityId: 'https://nodash.test',
      certificate: { serialNumber: 'SE5565594230' },
    });
    const efosTwoDashes = await h.issueClient('5565594230', {
      profile: 'efos',
      entityId: 'https://twodash.test',
      certificate: { serialNumber: 'EFOS165565594230-01-02' },
    });
    const { ca } = await ensureIssuingCa(h.stateDir, 'expitrust');
    const noCn = await issueCertificate(ca, {
      subject: [{ C: [{ printableString: 'SE' }] }, { '2.5.4.5': [{ printableString: '165567044268' }] }],
      usage: 'clientAuth',
      validDays: 10,
    });
    const noCnClient = {
      certPem: noCn.certPem,
      keyPem: noCn.keyPem,
      thumbprint: certificateThumbprint(new Uint8Array(noCn.cert.rawData)),
    };
    const crashes: [unknown, { certPem: string; keyPem: string }][] = [
      [mtls(noDash), noDash],
      [mtls(efosTwoDashes), efosTwoDashes],
      [transactionBody({ proof: 'mtls', 'cert#S256': noCnClient.thumbprint }), noCnClient],
      [{ access_token: [], client: { key: { proof: 'mtls', 'cert#S256': client.thumbprint } } }, client],
    ];
    for (const [body, cert] of crashes) {
      const res = await h.transaction(body, cert);
      expect({ status: res.status, text: res.text, type: res.headers['content-type'] }).toEqual({
        status: 500,
        text: 'Internal Server Error',
        type: 'text/plain; charset=UTF-8',
      });
    }
  });

  it('journals the refusal body and reason of each 400/401', async () => {
    await h.transaction({ access_token: { access: [] }, client: { key: client.entityId } }, client);
    const entry = h.journal.entries().at(-1);
    expect(entry?.status).toBe(400);
    expect(entry?.notes).toMatchObject({ authError: 'bearer_flag_required' });
    expect(entry?.responseBody).toContain('request the bearer flag');
  });
});
