// The CA certificates CAFlow trusts (dev CAs per profile, approved CAs, or --ca-certs), with their CRLs, re-read on change.
import { X509Certificate } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { issuerOrganisation, subjectCommonName } from './certificate-subject.js';
import { pemBlocks } from './pem.js';
import { x509 } from './x509.js';

export interface TrustedCa {
  file: string;
  der: Buffer;
  cert: X509Certificate;
  /** Subject CN: the `source` claim of tokens for its certificates. */
  commonName?: string;
  /** `O` of its issuer name: how nutid-auth tells ExpiTrust, SITHS and EFOS apart. */
  issuerOrganisation?: string;
  /** CRLs issued by this CA (matched by issuer name); empty when none is published. */
  crls: x509.X509Crl[];
}

/** Where to look: directories of CA certificates, and whether files must look like nutid-auth's `*.c*`. */
export interface TrustedCaSource {
  dir: string;
  /** Only files whose extension starts with `.c` (nutid-auth's glob); otherwise `.pem`, `.crt`, `.cer`. */
  nutidGlob?: boolean;
  /** Look one level down too (the dev CAs live in `issuing-cas/<profile>/`). */
  nested?: boolean;
}

function filesOf(source: TrustedCaSource): string[] {
  if (!existsSync(source.dir)) return [];
  const files: string[] = [];
  for (const entry of readdirSync(source.dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const path = join(source.dir, entry.name);
    if (entry.isDirectory() && source.nested) files.push(...filesOf({ ...source, dir: path, nested: false }));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

const isCrlFile = (path: string) => /(\.crl|crl\.pem)$/i.test(path);
const isCaFile = (path: string, nutidGlob: boolean) =>
  !isCrlFile(path) && (nutidGlob ? /\.c[^/.]*$/i.test(path) : /\.(pem|crt|cer)$/i.test(path));

/** Every certificate in a PEM bundle, or the file as one DER certificate. */
function readCertificates(path: string): Buffer[] {
  const bytes = readFileSync(path);
  const blocks = pemBlocks(bytes.toString('latin1'));
  return blocks.length ? blocks : [bytes];
}

function readCrls(path: string): x509.X509Crl[] {
  const bytes = readFileSync(path);
  const blocks = pemBlocks(bytes.toString('latin1'), 'X509 CRL');
  const ders = blocks.length ? blocks : [bytes];
  const crls: x509.X509Crl[] = [];
  for (const der of ders) {
    try {
      crls.push(new x509.X509Crl(der));
    } catch {
      // Not a CRL: ignored, as upstream ignores files that do not parse.
    }
  }
  return crls;
}

function load(sources: readonly TrustedCaSource[], now: Date): TrustedCa[] {
  const cas: TrustedCa[] = [];
  const crls: x509.X509Crl[] = [];
  for (const source of sources) {
    for (const file of filesOf(source)) {
      if (isCrlFile(file)) {
        crls.push(...readCrls(file));
        continue;
      }
      if (!isCaFile(file, source.nutidGlob ?? false)) continue;
      for (const der of readCertificates(file)) {
        let cert: X509Certificate;
        try {
          cert = new X509Certificate(der);
        } catch {
          continue;
        }
        // Only CA certificates inside their own validity period are kept (nutid-auth §3.1).
        if (now < new Date(cert.validFrom) || now > new Date(cert.validTo)) continue;
        const ca: TrustedCa = { file, der, cert, crls: [] };
        const commonName = subjectCommonName(der);
        const organisation = issuerOrganisation(der);
        if (commonName !== undefined) ca.commonName = commonName;
        if (organisation !== undefined) ca.issuerOrganisation = organisation;
        cas.push(ca);
      }
    }
  }
  for (const ca of cas) {
    const subject = new x509.X509Certificate(ca.der).subject;
    ca.crls = crls.filter((crl) => crl.issuer === subject);
  }
  return cas;
}

function stampOf(sources: readonly TrustedCaSource[]): string {
  return sources
    .flatMap((source) => filesOf(source))
    .map((file) => {
      try {
        const stat = statSync(file);
        return `${file}:${stat.size}:${stat.mtimeMs}`;
      } catch {
        return file;
      }
    })
    .join('|');
}

/** The trusted CAs, re-read whenever a file in the sources changes (CAs made or CRLs updated while serving). */
export class TrustedCaStore {
  private stamp = '';
  private cas: TrustedCa[] = [];

  constructor(private readonly sources: readonly TrustedCaSource[]) {}

  list(now: Date = new Date()): readonly TrustedCa[] {
    const stamp = stampOf(this.sources);
    if (stamp !== this.stamp) {
      this.cas = load(this.sources, now);
      this.stamp = stamp;
    }
    return this.cas;
  }

  /** The PEM of every trusted CA (the HTTPS server's list of acceptable client-certificate issuers). */
  pems(): string[] {
    return this.list().map((ca) => ca.cert.toString());
  }
}

/** The loaded CA that issued `leaf` directly (issuer name and signature), as nutid-auth checks: no chain building. */
export function findIssuingCa(leaf: X509Certificate, cas: readonly TrustedCa[]): TrustedCa | undefined {
  return cas.find((ca) => {
    try {
      return leaf.checkIssued(ca.cert) && leaf.verify(ca.cert.publicKey);
    } catch {
      return false;
    }
  });
}

/**
 * Whether `leaf` counts as revoked: listed in one of its CA's CRLs, or (failing closed, as nutid-auth does)
 * a CRL that does not verify or is past its nextUpdate. A CA that publishes no CRL is not checked.
 */
export async function isRevoked(leaf: X509Certificate, ca: TrustedCa, now: Date): Promise<boolean> {
  if (!ca.crls.length) return false;
  const serial = leaf.serialNumber.toLowerCase().replace(/^0+/, '');
  for (const crl of ca.crls) {
    let verified = false;
    try {
      verified = await crl.verify({ publicKey: new x509.X509Certificate(ca.der) });
    } catch {
      verified = false;
    }
    if (!verified) return true;
    if (crl.nextUpdate && crl.nextUpdate < now) return true;
    if (crl.entries.some((entry) => entry.serialNumber.toLowerCase().replace(/^0+/, '') === serial))
      return true;
  }
  return false;
}
