// `provtjanst-mock certs`: the three files, CA-shaped UTF-8 subjects, the signed federation entry, --force, revoke.
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCertsCommand } from '../../src/cli/certs.js';
import {
  certificateThumbprint,
  devPkiPaths,
  ensureFederationKey,
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
    // ca.pem is the CA of the mock's HTTPS certificate; the client certificate comes from the ExpiTrust-like dev CA.
    const issuer = new X509Certificate(readFileSync(join(stateDir, 'issuing-cas', 'expitrust', 'ca.pem')));
    expect(cert.verify(issuer.publicKey)).toBe(true);
    expect(issuer.subject).toContain('O=Expisoft AB');
    expect(keyPem).toContain('-----BEGIN PRIVATE KEY-----');

    const thumbprint = certificateThumbprint(cert.raw);
    const text = out.join('\n');
    expect(text).toContain(`cert#S256     ${thumbprint}`);
    expect(text).toContain(
      cert.fingerprint256 ? Buffer.from(thumbprint, 'base64').toString('base64url') : '',
    );
    expect(text).toContain(`SPKI pin      ${spkiPin(cert.raw)}`);
    expect(text).toContain("-noout -sha256 -fingerprint | sed -e 's/.*=//' -e 's/://g' | xxd -r -p | base64");
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

  it('puts the organisation number in the subject serialNumber as ExpiTrust does, and encodes å, ä, ö as UTF-8', async () => {
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
    expect(readCertificateSubject(der)).toEqual({
      serialNumber: '165567044268',
      country: 'SE',
      clientAuth: true,
      commonName: 'Skolan i Åre & Västerås Öst AB',
      organisationName: 'Skolan i Åre & Västerås Öst AB',
    });
    // UTF8String (tag 0x0c) holding the UTF-8 bytes of the name, not Latin-1 or BMPString.
    const utf8 = Buffer.from('Skolan i Åre & Västerås Öst AB', 'utf8');
    const tagged = Buffer.concat([Buffer.from([0x0c, utf8.length]), utf8]);
    expect(der.includes(tagged)).toBe(true);
    expect(der.includes(Buffer.from('Skolan i Åre & Västerås Öst AB', 'latin1'))).toBe(false);
    // serialNumber (2.5.4.5 = 06 03 55 04 05) as PrintableString (0x13): 16 + the number.
    expect(
      der.includes(
        Buffer.concat([Buffer.from([0x06, 0x03, 0x55, 0x04, 0x05, 0x13, 12]), Buffer.from('165567044268')]),
      ),
    ).toBe(true);
  });

  it('lists each certificate in the signed federation metadata, one entity per entity id', async () => {
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
    const key = await ensureFederationKey(devPkiPaths(stateDir).federationKey);
    const { metadata, source, iat, exp } = await parseFederationMetadata(
      readFileSync(join(stateDir, 'federation.json'), 'utf8'),
      [key.publicJwk],
    );
    expect(source).toBe('provtjanst-mock-federation');
    expect((exp ?? 0) - (iat ?? 0)).toBe(365 * 86_400);
    expect(metadata.entities.map((entity) => [entity.entity_id, entity.organization_id])).toEqual([
      ['https://5567044268.huvudman.test', 'SE5567044268'],
      ['https://skolverket.test', 'SE2021004185'],
    ]);
    // The certificates themselves are the entity's issuers: what nutid-auth matches.
    const certOfB = readFileSync(join(root, 'b', 'client.pem'), 'utf8');
    expect(metadata.entities[0]?.issuers).toHaveLength(2);
    expect(metadata.entities[0]?.issuers[1]?.x509certificate).toBe(certOfB);
    const pinOfB = spkiPin(new X509Certificate(certOfB).raw);
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
    const key = await ensureFederationKey(devPkiPaths(stateDir).federationKey);
    expect(
      (await parseFederationMetadata(readFileSync(file, 'utf8'), [key.publicJwk])).metadata.entities,
    ).toHaveLength(1);
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

  it('refuses to replace an existing certificate without --force, and replaces it with --force', async () => {
    const dir = join(root, 'keep');
    const { io, err } = capture();
    expect(
      await runCertsCommand(['issue', '--org', '5567044268', '--out', dir, '--state-dir', stateDir], io),
    ).toBe(0);
    const first = readFileSync(join(dir, 'client.pem'), 'utf8');
    const firstKey = readFileSync(join(dir, 'client-key.pem'), 'utf8');
    expect(
      await runCertsCommand(['issue', '--org', '5567044268', '--out', dir, '--state-dir', stateDir], io),
    ).toBe(1);
    expect(err.join('\n')).toContain('pass --force');
    expect(readFileSync(join(dir, 'client.pem'), 'utf8')).toBe(first);
    expect(readFileSync(join(dir, 'client-key.pem'), 'utf8')).toBe(firstKey);
    expect(
      await runCertsCommand(
        ['issue', '--org', '5567044268', '--out', dir, '--state-dir', stateDir, '--force'],
        io,
      ),
    ).toBe(0);
    expect(readFileSync(join(dir, 'client.pem'), 'utf8')).not.toBe(first);
  });

  it('issues SITHS and EFOS shaped certificates with --profile, and refuses an unknown profile', async () => {
    const { io } = capture();
    for (const [profile, serial, organisation] of [
      ['siths', /^SE5565594230-[0-9A-F]{6}$/, 'Inera AB'],
      ['efos', /^EFOS165565594230-\d{6}$/, 'Swedish Social Insurance Agency'],
    ] as const) {
      const dir = join(root, profile);
      expect(
        await runCertsCommand(
          ['issue', '--org', '5565594230', '--out', dir, '--state-dir', stateDir, '--profile', profile],
          io,
        ),
      ).toBe(0);
      const cert = new X509Certificate(readFileSync(join(dir, 'client.pem')));
      expect(readCertificateSubject(cert.raw).serialNumber).toMatch(serial);
      expect(readCertificateSubject(cert.raw).clientAuth).toBe(true);
      expect(cert.issuer).toContain(`O=${organisation}`);
    }
    const bad = capture();
    expect(
      await runCertsCommand(
        [
          'issue',
          '--org',
          '5565594230',
          '--out',
          join(root, 'z'),
          '--state-dir',
          stateDir,
          '--profile',
          'bankid',
        ],
        bad.io,
      ),
    ).toBe(2);
    expect(bad.err.join('\n')).toContain('expitrust, siths, efos');
  });

  it('revoke puts a dev certificate on its CA CRL, and the mock then refuses it', async () => {
    const dir = join(root, 'rev');
    const { io, out, err } = capture();
    await runCertsCommand(
      ['issue', '--org', '5567044268', '--out', dir, '--state-dir', stateDir, '--profile', 'efos'],
      io,
    );
    const certPem = readFileSync(join(dir, 'client.pem'), 'utf8');
    const keyPem = readFileSync(join(dir, 'client-key.pem'), 'utf8');
    const h = await createAuthHarness({ stateDir });
    try {
      const body = transactionBody({
        proof: 'mtls',
        'cert#S256': certificateThumbprint(new X509Certificate(certPem).raw),
      });
      expect((await h.transaction(body, { certPem, keyPem })).status).toBe(200);
      expect(
        await runCertsCommand(['revoke', '--cert', join(dir, 'client.pem'), '--state-dir', stateDir], io),
      ).toBe(0);
      expect(out.join('\n')).toContain('Revoked');
      const res = await h.transaction(body, { certPem, keyPem });
      expect(res.status).toBe(401);
      expect(res.json).toMatchObject({
        error: { code: 'invalid_request', description: 'client certificate revoked' },
      });
      expect(
        await runCertsCommand(['revoke', '--cert', join(dir, 'client.pem'), '--state-dir', stateDir], io),
      ).toBe(0);
      expect(out.join('\n')).toContain('already revoked');
      expect(
        await runCertsCommand(['revoke', '--cert', join(dir, 'ca.pem'), '--state-dir', stateDir], io),
      ).toBe(1);
      expect(err.join('\n')).toContain('not issued by a dev CA');
    } finally {
      await h.close();
    }
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
