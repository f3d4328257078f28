// The state directory's dev PKI: one CA shared by `serve` and `certs`, created by whichever runs first.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { createDirectoryAtomic } from './atomic-file.js';
import {
  type CertificateAuthority,
  createCertificateAuthority,
  loadCertificateAuthority,
} from './certificate-authority.js';
import { pemBlocks, toPem } from './pem.js';

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

/** PEM certificates in `<stateDir>/approved-cas/*.pem|*.crt` (each file may hold several). */
export function loadApprovedCaPems(paths: DevPkiPaths): string[] {
  if (!existsSync(paths.approvedCas)) return [];
  const pems: string[] = [];
  for (const name of readdirSync(paths.approvedCas).sort()) {
    if (!/\.(pem|crt|cer)$/i.test(name)) continue;
    const text = readFileSync(join(paths.approvedCas, name), 'utf8');
    for (const der of pemBlocks(text)) pems.push(toPem(der, 'CERTIFICATE'));
  }
  return pems;
}

const README = `This is provtjanst-mock's development CA. It signs the mock's HTTPS server certificate and the
client certificates made by \`provtjanst-mock certs issue\`. It is for local testing only: never trust it
anywhere else. Delete this directory to get a new CA (then issue new client certificates).
`;
