// `provtjanst-mock certs`: the three files, UTF-8 subjects, the federation entry, and a token with the result.
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCertsCommand } from '../../src/cli/certs.js';
import {
  certificateThumbprint,
  parseFederationMetadata,
  readCertificateSubject,
  spkiPin,
} from '../../src/mock-auth/index.js';
import { makeTempDir, removeTempDir } from '../support/pki.js';
import { createAuthHarness, transactionBody } from './harness.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) }, out, err };
}

describe('provtjanst-mock certs', () => {
  let root: string;
  let stateDir: string;
  beforeEach(() => {
    root = makeTempDir();
    stateDir = join(root, 'state');
  });
  afterEach(() => removeTempDir(root));

  it('issue writes client.pem, client-key.pem and ca.pem that get a token on the HTTPS port in both modes', async () => {
    const dir = join(root, 'out');
    const { io, out } = capture();
    const code = await runCertsCommand(
      ['issue', '--org', '5567044268', '--out', dir, '--state-dir', stateDir],
      io,
    );
    expect(code).toBe(0);
    for (const name of ['client.pem', 'client-key.pem', 'ca.pem'])
      expect(existsSync(join(dir, name))).toBe(true);

    const certPem = readFileSync(join(dir, 'client.pem'), 'utf8');
    const keyPem = readFileSync(join(dir, 'client-key.pem'), 'utf8');
    const caPem = readFileSync(join(dir, 'ca.pem'), 'utf8');
    const cert = new X509Certificate(certPem);
    expect(cert.verify(new X509Certificate(caPem).publicKey)).toBe(true);
    expect(keyPem).toContain('-----BEGIN PRIVATE KEY-----');

    const thumbprint = certificateThumbprint(cert.raw);
    const text = out.join('\n');
    expect(text).toContain(`cert#S256     ${thumbprint}`);
    expect(text).toContain(`SPKI pin      ${spkiPin(cert.raw)}`);
    expect(text).toMatch(/curl --cert '.*client\.pem' --key '.*client-key\.pem' --cacert '.*ca\.pem'/);

    // The mock started on the same state directory trusts this CA and knows the entity.
    const h = await createAuthHarness({ stateDir });
    try {
      expect(h.auth.tls.caCertPem).toBe(caPem);
      const client = { certPem, keyPem };
      const byEntity = await h.transaction(transactionBody('https://5567044268.huvudman.test'), client);
      expect(byEntity.status).toBe(200);
      const byThumbprint = await h.transaction(
        transactionBody({ proof: 'mtls', 'cert#S256': thumbprint }),
        client,
      );
      expect(byThumbprint.status).toBe(200);
    } finally {
      await h.close();
    }
  });

  it('puts the organisation number in the subject and encodes å, ä, ö as UTF-8', async () => {
    const dir = join(root, 'skola');
    const { io } = capture();
    const code = await runCertsCommand(
      [
        'issue',
        '--org',
        'SE556704-4268',
        '--out',
        dir,
        '--state-dir',
        stateDir,
        '--name',
        'Skolan i Åre & Västerås Öst AB',
      ],
      io,
    );
    expect(code).toBe(0);
    const der = new X509Certificate(readFileSync(join(dir, 'client.pem'))).raw;
    expect(readCertificateSubject(der)).toMatchObject({
      organisationNumber: '5567044268',
      organisationField: 'organizationIdentifier',
      commonName: 'Skolan i Åre & Västerås Öst AB',
      organisationName: 'Skolan i Åre & Västerås Öst AB',
    });
    // UTF8String (tag 0x0c) holding the UTF-8 bytes of the name, not Latin-1 or BMPString.
    const utf8 = Buffer.from('Skolan i Åre & Västerås Öst AB', 'utf8');
    const tagged = Buffer.concat([Buffer.from([0x0c, utf8.length]), utf8]);
    expect(der.includes(tagged)).toBe(true);
    expect(der.includes(Buffer.from('Skolan i Åre & Västerås Öst AB', 'latin1'))).toBe(false);
    // organizationIdentifier (2.5.4.97 = 06 03 55 04 61) is SE + the number.
    expect(
      der.includes(
        Buffer.concat([Buffer.from([0x06, 0x03, 0x55, 0x04, 0x61, 0x0c, 12]), Buffer.from('SE5567044268')]),
      ),
    ).toBe(true);
  });

  it('appends each certificate to the federation metadata, one entity per entity id', async () => {
    const { io } = capture();
    await runCertsCommand(
      ['issue', '--org', '5567044268', '--out', join(root, 'a'), '--state-dir', stateDir],
      io,
    );
    await runCertsCommand(
      ['issue', '--org', '5567044268', '--out', join(root, 'b'), '--state-dir', stateDir],
      io,
    );
    await runCertsCommand(
      [
        'issue',
        '--org',
        '2021004185',
        '--out',
        join(root, 'c'),
        '--state-dir',
        stateDir,
        '--entity-id',
        'https://skolverket.test',
      ],
      io,
    );
    const { metadata } = parseFederationMetadata(readFileSync(join(stateDir, 'federation.json'), 'utf8'));
    expect(metadata.entities.map((entity) => [entity.entity_id, entity.organization_id])).toEqual([
      ['https://5567044268.huvudman.test', 'SE5567044268'],
      ['https://skolverket.test', 'SE2021004185'],
    ]);
    expect(metadata.entities[0]?.clients?.[0]?.pins).toHaveLength(2);
    const pinOfB = spkiPin(new X509Certificate(readFileSync(join(root, 'b', 'client.pem'))).raw);
    expect(metadata.entities[0]?.clients?.[0]?.pins[1]).toEqual({ alg: 'sha256', digest: pinOfB });
  });

  it('writes to --federation FILE instead when given', async () => {
    const file = join(root, 'my-federation.json');
    const { io, out } = capture();
    expect(
      await runCertsCommand(
        [
          'issue',
          '--org',
          '5567044268',
          '--out',
          join(root, 'x'),
          '--state-dir',
          stateDir,
          '--federation',
          file,
        ],
        io,
      ),
    ).toBe(0);
    expect(parseFederationMetadata(readFileSync(file, 'utf8')).metadata.entities).toHaveLength(1);
    expect(existsSync(join(stateDir, 'federation.json'))).toBe(false);
    expect(out.join('\n')).toContain(`--federation ${file}`);
  });

  it('refuses an entity id that already belongs to another organisation (exit 1)', async () => {
    const { io, err } = capture();
    await runCertsCommand(
      [
        'issue',
        '--org',
        '5567044268',
        '--out',
        join(root, 'a'),
        '--state-dir',
        stateDir,
        '--entity-id',
        'https://x.test',
      ],
      io,
    );
    const code = await runCertsCommand(
      [
        'issue',
        '--org',
        '2021004185',
        '--out',
        join(root, 'b'),
        '--state-dir',
        stateDir,
        '--entity-id',
        'https://x.test',
      ],
      io,
    );
    expect(code).toBe(1);
    expect(err.join('\n')).toContain('belongs to organisation SE5567044268');
  });

  it('ca prints the path of the dev CA, creating it on first use', async () => {
    const { io, out } = capture();
    expect(await runCertsCommand(['ca', '--state-dir', stateDir], io)).toBe(0);
    expect(out).toEqual([join(stateDir, 'ca', 'ca.pem')]);
    expect(readFileSync(out[0] as string, 'utf8')).toContain('BEGIN CERTIFICATE');
  });

  it('prints help, and exits 2 on usage errors', async () => {
    const help = capture();
    expect(await runCertsCommand(['--help'], help.io)).toBe(0);
    expect(help.out.join('\n')).toContain('certs issue --org <number> --out <dir>');
    for (const argv of [
      [],
      ['issue', '--out', root],
      ['issue', '--org', '123', '--out', root, '--state-dir', stateDir],
      ['frobnicate'],
      ['issue', '--bogus'],
    ]) {
      const { io, err } = capture();
      expect(await runCertsCommand(argv, io)).toBe(2);
      expect(err.join('\n')).not.toBe('');
    }
  });
});
