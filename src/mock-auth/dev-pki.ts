// The state directory's dev PKI: one CA shared by `serve` and `certs`, created by whichever runs first.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { createDirectoryAtomic } from './atomic-file.js';
import { CA_PROFILE_SPECS, type CaProfile } from './ca-profiles.js';
import {
  type CertificateAuthority,
  createCertificateAuthority,
  loadCertificateAuthority,
} from './certificate-authority.js';
import { createCrl } from './certificate-revocation.js';

/** Where the auth capability keeps its files inside the state directory. */
export interface DevPkiPaths {
  stateDir: string;
  caDir: string;
  /** The dev CA certificate: trust it as the server CA, and it signs `certs issue` client certificates. */
  caCert: string;
  caKey: string;
  /** TLS-federation metadata that `certs issue` appends to and `serve` loads by default. */
  federation: string;
  signingKeys: string;
  /** Extra CAs whose client certificates are accepted with `{"proof":"mtls"}` (PEM files). */
  approvedCas: string;
  /** The dev CAs that sign client certificates, one directory per profile (`<profile>/ca.pem`, `crl.pem`). */
  issuingCas: string;
  /** The dev key that signs TLS-federation metadata (`metadata-key.jwk.json`, private). */
  federationKey: string;
}

/** Files of one profile's dev CA. */
export interface IssuingCaPaths {
  dir: string;
  cert: string;
  key: string;
  crl: string;
}

export function issuingCaPaths(paths: DevPkiPaths, profile: CaProfile): IssuingCaPaths {
  const dir = join(paths.issuingCas, profile);
  return { dir, cert: join(dir, 'ca.pem'), key: join(dir, 'ca-key.pem'), crl: join(dir, 'crl.pem') };
}

export function devPkiPaths(stateDir: string): DevPkiPaths {
  const root = resolve(stateDir);
  const caDir = join(root, 'ca');
  return {
    stateDir: root,
    caDir,
    caCert: join(caDir, 'ca.pem'),
    caKey: join(caDir, 'ca-key.pem'),
    federation: join(root, 'federation.json'),
    signingKeys: join(root, 'signing-keys'),
    approvedCas: join(root, 'approved-cas'),
    issuingCas: join(root, 'issuing-cas'),
    federationKey: join(root, 'federation-key', 'metadata-key.jwk.json'),
  };
}

export interface DevPki {
  ca: CertificateAuthority;
  paths: DevPkiPaths;
  /** True when this call created the CA. */
  created: boolean;
}

/**
 * Loads the dev CA from `<stateDir>/ca/`, creating it first if needed. Safe when several processes race:
 * the CA directory appears in one rename, and a loser of the race loads the winner's CA.
 * @example const { ca, paths } = await ensureDevPki('./.provtjanst-mock');
 */
export async function ensureDevPki(stateDir: string): Promise<DevPki> {
  const paths = devPkiPaths(stateDir);
  let created = false;
  if (!existsSync(paths.caCert)) {
    const fresh = await createCertificateAuthority(`provtjanst-mock dev CA (${hostname()})`);
    created = createDirectoryAtomic(paths.caDir, (temp) => {
      writeFileSync(join(temp, 'ca.pem'), fresh.certPem, { mode: 0o644 });
      writeFileSync(join(temp, 'ca-key.pem'), fresh.keyPem, { mode: 0o600 });
      writeFileSync(join(temp, 'README.txt'), README, { mode: 0o644 });
    });
  }
  if (!existsSync(paths.caCert) || !existsSync(paths.caKey)) {
    throw new Error(`${paths.caDir} exists but lacks ca.pem or ca-key.pem; remove it to create a new dev CA`);
  }
  const ca = await loadCertificateAuthority(
    readFileSync(paths.caCert, 'utf8'),
    readFileSync(paths.caKey, 'utf8'),
  );
  return { ca, paths, created };
}

/**
 * Loads the dev CA that signs `profile` client certificates, creating it (with an empty CRL) when missing.
 * Its subject, and so its issuer, is `O=<the real CA's organisation>, CN=provtjanst-mock <real CA name>`:
 * nutid-auth recognises a CA by that `O`, and writes the CN into the token's `source`.
 */
export async function ensureIssuingCa(
  stateDir: string,
  profile: CaProfile,
): Promise<{ ca: CertificateAuthority; files: IssuingCaPaths }> {
  const paths = devPkiPaths(stateDir);
  const files = issuingCaPaths(paths, profile);
  if (!existsSync(files.cert)) {
    const spec = CA_PROFILE_SPECS[profile];
    const fresh = await createCertificateAuthority(spec.devCaName, new Date(), spec.issuerOrganisation);
    const crl = await createCrl(fresh, []);
    createDirectoryAtomic(files.dir, (temp) => {
      writeFileSync(join(temp, 'ca.pem'), fresh.certPem, { mode: 0o644 });
      writeFileSync(join(temp, 'ca-key.pem'), fresh.keyPem, { mode: 0o600 });
      writeFileSync(join(temp, 'crl.pem'), crl, { mode: 0o644 });
    });
  }
  if (!existsSync(files.cert) || !existsSync(files.key)) {
    throw new Error(
      `${files.dir} exists but lacks ca.pem or ca-key.pem; remove it to create a new ${profile} dev CA`,
    );
  }
  const ca = await loadCertificateAuthority(
    readFileSync(files.cert, 'utf8'),
    readFileSync(files.key, 'utf8'),
  );
  return { ca, files };
}

const README = `This is provtjanst-mock's development CA. It signs the mock's HTTPS server certificate; client
certificates made by \`provtjanst-mock certs issue\` come from the dev CAs under ../issuing-cas/. It is for local testing only: never trust it
anywhere else. Delete this directory to get a new CA.
`;
