// The dev PKI: one CA per state directory even under races, server SANs, subject parsing, federation parsing.
import { X509Certificate } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createControlledClock } from '../../src/clock/index.js';
import { buildSettings } from '../../src/config/index.js';
import {
  createAuthService,
  ensureDevPki,
  FederationMetadataError,
  parseFederationMetadata,
  parseOrganisationNumber,
} from '../../src/mock-auth/index.js';
import { organisationNumberFromCertificateField } from '../../src/mock-auth/organisation-number.js';
import { issueServerCertificate, serverHosts } from '../../src/mock-auth/server-certificate.js';
import { makeTempDir, removeTempDir } from '../support/pki.js';

describe('ensureDevPki', () => {
  let stateDir: string;
  beforeEach(() => {
    stateDir = makeTempDir();
  });
  afterEach(() => removeTempDir(stateDir));

  it('creates exactly one CA when several callers race, and every caller gets that CA', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => ensureDevPki(stateDir)));
    expect(new Set(results.map((result) => result.ca.certPem)).size).toBe(1);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(readdirSync(stateDir)).toEqual(['ca']);
    expect(readdirSync(`${stateDir}/ca`).sort()).toEqual(['README.txt', 'ca-key.pem', 'ca.pem']);
  });

  it('issues a server certificate for localhost, loopback and the public host', async () => {
    const { ca } = await ensureDevPki(stateDir);
    const server = await issueServerCertificate(ca, serverHosts('https://mock.example.se:9443/'));
    const cert = new X509Certificate(server.certPem);
    expect(cert.subjectAltName).toBe(
      'DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1, DNS:mock.example.se',
    );
    expect(cert.checkIssued(new X509Certificate(ca.certPem))).toBe(true);
    expect(cert.checkHost('mock.example.se')).toBe('mock.example.se');
    expect(serverHosts('http://[::1]:8080')).toEqual(['localhost', '127.0.0.1', '::1']);
  });

  it('refuses to start with a --federation file that does not exist or is invalid', async () => {
    const clock = createControlledClock();
    const missing = buildSettings({ stateDir, federation: `${stateDir}/nope.json` });
    await expect(createAuthService({ settings: missing, clock })).rejects.toThrow(FederationMetadataError);
    writeFileSync(`${stateDir}/bad.json`, '{"entities": 3}');
    const invalid = buildSettings({ stateDir, federation: `${stateDir}/bad.json` });
    await expect(createAuthService({ settings: invalid, clock })).rejects.toThrow(/bad\.json is invalid/);
  });
});

describe('organisation numbers', () => {
  it.each([
    ['5567044268', '5567044268'],
    ['556704-4268', '5567044268'],
    ['SE5567044268', '5567044268'],
    ['se556704-4268', '5567044268'],
    ['NTRSE-5567044268', '5567044268'],
    ['165567044268', '5567044268'],
    ['1655670442', '1655670442'],
  ])('parses %s', (input, number) => {
    expect(parseOrganisationNumber(input)).toBe(number);
  });

  it.each(['556704426', '55670442681', 'SE55670442X8', '', 'DE5567044268'])('rejects %j', (input) => {
    expect(parseOrganisationNumber(input)).toBeUndefined();
  });

  it('reads certificate fields with SITHS and EFOS decorations', () => {
    expect(organisationNumberFromCertificateField('SE5565594230-AAAA')).toBe('5565594230');
    expect(organisationNumberFromCertificateField('EFOS165565594230-012345')).toBe('5565594230');
    expect(organisationNumberFromCertificateField('hello')).toBeUndefined();
  });
});

describe('federation metadata', () => {
  const metadata = {
    version: '1.0.0',
    entities: [
      {
        entity_id: 'https://a.test',
        organization_id: 'SE5567044268',
        issuers: [],
        clients: [{ pins: [{ alg: 'sha256', digest: 'ehTfQnGdajkKe9IXnyvbEjrkfTu+9br/7bk+nEaCSMg=' }] }],
      },
    ],
  };

  it('reads plain JSON, with the default source', () => {
    const parsed = parseFederationMetadata(JSON.stringify(metadata));
    expect(parsed).toMatchObject({ signed: false, source: 'provtjanst-mock-federation' });
    expect(parsed.metadata.entities[0]?.entity_id).toBe('https://a.test');
  });

  it('reads a compact JWS (unverified) and takes source from its iss header', () => {
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const jws = `${b64({ alg: 'ES256', iss: 'https://fed.example.se' })}.${b64(metadata)}.c2ln`;
    expect(parseFederationMetadata(jws)).toMatchObject({ signed: true, source: 'https://fed.example.se' });
  });

  it('explains what is wrong with invalid metadata', () => {
    expect(() => parseFederationMetadata('{"entities":[{"clients":[]}]}')).toThrow(FederationMetadataError);
    expect(() => parseFederationMetadata('{"entities":[{"clients":[]}]}')).toThrow(/entities\.0\.entity_id/);
    expect(() => parseFederationMetadata('not json')).toThrow(/not JSON/);
  });
});
