// An ECDSA P-256 certificate authority (the mock's dev CA, or a throwaway one in tests) and certificate issuance.
import { randomBytes, webcrypto } from 'node:crypto';
import { exportPkcs8Pem, importPkcs8Pem } from './pem.js';
import { EC_KEY_ALGORITHM, EC_SIGNING_ALGORITHM, x509 } from './x509.js';

export interface CertificateAuthority {
  cert: x509.X509Certificate;
  certPem: string;
  privateKey: webcrypto.CryptoKey;
  keyPem: string;
}

/** A certificate and its private key, PEM-encoded. */
export interface IssuedCertificate {
  cert: x509.X509Certificate;
  certPem: string;
  keyPem: string;
}

const DAY_MS = 86_400_000;

/**
 * Certificate validity is measured against wall time, not the mock's clock: TLS stacks (OpenSSL, curl,
 * browsers) check it against the real date. Certificates start a day in the past to absorb clock skew.
 */
export function validityFrom(now: Date, days: number): { notBefore: Date; notAfter: Date } {
  return { notBefore: new Date(now.getTime() - DAY_MS), notAfter: new Date(now.getTime() + days * DAY_MS) };
}

/** A positive, random 128-bit serial number in hex. */
export function randomSerialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x01;
  return bytes.toString('hex');
}

export async function generateEcKeyPair(): Promise<webcrypto.CryptoKeyPair> {
  return webcrypto.subtle.generateKey(EC_KEY_ALGORITHM, true, ['sign', 'verify']);
}

/** A self-signed CA, valid for ten years from `now`, with subject (and so issuer) `O=organisation, CN=commonName`. */
export async function createCertificateAuthority(
  commonName: string,
  now: Date = new Date(),
  organisation = 'provtjanst-mock',
): Promise<CertificateAuthority> {
  const keys = await generateEcKeyPair();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerialNumber(),
    name: new x509.Name([{ O: [{ utf8String: organisation }] }, { CN: [{ utf8String: commonName }] }]),
    ...validityFrom(now, 3650),
    keys,
    signingAlgorithm: EC_SIGNING_ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return {
    cert,
    certPem: cert.toString('pem'),
    privateKey: keys.privateKey,
    keyPem: await exportPkcs8Pem(keys.privateKey),
  };
}

/** Rebuilds a CA from its PEM files. */
export async function loadCertificateAuthority(
  certPem: string,
  keyPem: string,
): Promise<CertificateAuthority> {
  const cert = new x509.X509Certificate(certPem);
  return { cert, certPem: cert.toString('pem'), privateKey: await importPkcs8Pem(keyPem), keyPem };
}

export interface IssueCertificateOptions {
  subject: x509.JsonNameParams;
  /** Extended key usage: `clientAuth` or `serverAuth`; `none` leaves the extension out. */
  usage: 'clientAuth' | 'serverAuth' | 'none';
  /** Subject alternative names (hosts for a server certificate). */
  altNames?: x509.JsonGeneralNames;
  validDays: number;
  now?: Date;
}

/** Issues an end-entity certificate with a fresh P-256 key, signed by `ca`. */
export async function issueCertificate(
  ca: CertificateAuthority,
  options: IssueCertificateOptions,
): Promise<IssuedCertificate> {
  const keys = await generateEcKeyPair();
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    await x509.AuthorityKeyIdentifierExtension.create(ca.cert.publicKey),
  ];
  if (options.usage !== 'none') {
    const usage =
      options.usage === 'serverAuth' ? x509.ExtendedKeyUsage.serverAuth : x509.ExtendedKeyUsage.clientAuth;
    extensions.push(new x509.ExtendedKeyUsageExtension([usage]));
  }
  if (options.altNames?.length) extensions.push(new x509.SubjectAlternativeNameExtension(options.altNames));
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerialNumber(),
    subject: new x509.Name(options.subject),
    issuer: ca.cert.subjectName,
    ...validityFrom(options.now ?? new Date(), options.validDays),
    publicKey: keys.publicKey,
    signingKey: ca.privateKey,
    signingAlgorithm: EC_SIGNING_ALGORITHM,
    extensions,
  });
  return { cert, certPem: cert.toString('pem'), keyPem: await exportPkcs8Pem(keys.privateKey) };
}
