// The dev PKI: one CA per state directory even under races, server SANs, and reading organisation ids per CA.
import { X509Certificate } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createControlledClock } from '../../src/clock/index.js';
import { buildSettings } from '../../src/config/index.js';
import { readOrganisationId } from '../../src/mock-auth/ca-profiles.js';
import {
  createAuthService,
  ensureDevPki,
  FederationMetadataError,
  parseOrganisationNumber,
} from '../../src/mock-auth/index.js';
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

  it.each([
    [
      'ExpiTrust, 16 removed',
      { caIssuerOrganisation: 'Expisoft AB', serialNumber: '165560000167', country: 'SE', clientAuth: false },
      'SE5560000167',
    ],
    [
      'ExpiTrust, 12 digits kept',
      { caIssuerOrganisation: 'Expisoft AB', serialNumber: '194801301872', country: 'SE', clientAuth: false },
      'SE194801301872',
    ],
    [
      'SITHS',
      {
        caIssuerOrganisation: 'Inera AB',
        serialNumber: 'SE5565594230-AAAA',
        country: 'SE',
        clientAuth: true,
      },
      'SE5565594230',
    ],
    [
      'EFOS',
      {
        caIssuerOrganisation: 'Swedish Social Insurance Agency',
        serialNumber: 'EFOS165565594230-012345',
        country: 'SE',
        clientAuth: false,
      },
      'SE5565594230',
    ],
    [
      'no C',
      { caIssuerOrganisation: 'Expisoft AB', serialNumber: '165560000167', clientAuth: false },
      'None5560000167',
    ],
    [
      'C from the certificate',
      { caIssuerOrganisation: 'Expisoft AB', serialNumber: '165560000167', country: 'FI', clientAuth: false },
      'FI5560000167',
    ],
  ])('reads the organisation id as nutid-auth does: %s', (_what, fields, id) => {
    expect(readOrganisationId(fields)).toEqual({ kind: 'found', organisationId: id });
  });

  it('finds none for SITHS without clientAuth or an unknown CA, and crashes where nutid-auth does', () => {
    expect(
      readOrganisationId({
        caIssuerOrganisation: 'Inera AB',
        serialNumber: 'SE5565594230-AAAA',
        clientAuth: false,
      }).kind,
    ).toBe('none');
    expect(
      readOrganisationId({
        caIssuerOrganisation: 'provtjanst-mock',
        serialNumber: '5565594230',
        clientAuth: true,
      }).kind,
    ).toBe('none');
    expect(
      readOrganisationId({ caIssuerOrganisation: 'Inera AB', serialNumber: 'SE5565594230', clientAuth: true })
        .kind,
    ).toBe('crash');
    expect(
      readOrganisationId({
        caIssuerOrganisation: 'Swedish Social Insurance Agency',
        serialNumber: 'EFOS16-1-2',
        clientAuth: true,
      }).kind,
    ).toBe('crash');
  });
});
