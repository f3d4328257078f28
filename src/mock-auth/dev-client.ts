// Issues a dev client certificate end to end (profile CA, files, signed federation entry): what `certs issue` and tests share.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type CaProfile, DEFAULT_CA_PROFILE } from './ca-profiles.js';
import {
  type ClientCertificate,
  type ClientCertificateOptions,
  issueClientCertificate,
} from './client-certificate.js';
import { type DevPkiPaths, ensureDevPki, ensureIssuingCa } from './dev-pki.js';
import { ensureFederationKey } from './federation-signing.js';
import { type AppendOutcome, appendFederationEntity } from './federation-store.js';
import { parseOrganisationNumber, toOrganisationId } from './organisation-number.js';

/** The file names outside scripts rely on. */
export const CLIENT_FILES = { cert: 'client.pem', key: 'client-key.pem', ca: 'ca.pem' } as const;

export interface DevClientOptions {
  stateDir: string;
  /** Organisation number: 10 digits, `SE` prefix and dash tolerated. */
  organisation: string;
  /** Default `https://<number>.huvudman.test`. */
  entityId?: string;
  name?: string;
  /** Which real CA's certificates to imitate; default `expitrust`. */
  profile?: CaProfile;
  /** Federation file to list the certificate in; default `<stateDir>/federation.json`. */
  federationFile?: string;
  /** Write `client.pem`, `client-key.pem` and `ca.pem` here. */
  outDir?: string;
  /** Certificate details for tests (validity, EKU, country, serialNumber). */
  certificate?: Pick<
    ClientCertificateOptions,
    'validDays' | 'now' | 'clientAuth' | 'country' | 'serialNumber'
  >;
  /** Metadata time (ms; default wall time) and validity (s) of the federation file written. */
  federationNowMs?: number;
  federationValidSeconds?: number;
}

export interface DevClient extends ClientCertificate {
  organisationNumber: string;
  organisationId: string;
  entityId: string;
  /** The server's dev CA (PEM): trust it for the mock's HTTPS certificate (`--cacert`). */
  caPem: string;
  /** The profile's dev CA that signed this certificate (PEM). */
  issuerPem: string;
  paths: DevPkiPaths;
  federationFile: string;
  federationOutcome: AppendOutcome;
  files?: { cert: string; key: string; ca: string };
}

export const defaultEntityId = (organisationNumber: string) => `https://${organisationNumber}.huvudman.test`;

/**
 * Ensures the dev CAs, issues a client certificate for the organisation from the profile's dev CA, writes it
 * (if `outDir`), and lists the certificate itself in the signed federation metadata, so both of nutid-auth's
 * flows (TLS federation and CA) accept it at once.
 * @throws TypeError on a bad organisation number.
 */
export async function issueDevClient(options: DevClientOptions): Promise<DevClient> {
  const organisationNumber = parseOrganisationNumber(options.organisation);
  if (!organisationNumber) {
    throw new TypeError(
      `"${options.organisation}" is not an organisation number (10 digits, e.g. 556704-4268)`,
    );
  }
  const profile = options.profile ?? DEFAULT_CA_PROFILE;
  const { ca: serverCa, paths } = await ensureDevPki(options.stateDir);
  const { ca } = await ensureIssuingCa(options.stateDir, profile);
  const certificate = await issueClientCertificate(ca, {
    organisationNumber,
    profile,
    ...(options.name ? { name: options.name } : {}),
    ...options.certificate,
  });
  const entityId = options.entityId ?? defaultEntityId(organisationNumber);
  const federationFile = resolve(options.federationFile ?? paths.federation);
  const federationOutcome = await appendFederationEntity(
    federationFile,
    {
      entityId,
      organisationNumber,
      certPem: certificate.certPem,
      ...(options.name ? { organisation: options.name } : {}),
      description: `client certificate ${certificate.thumbprint}`,
    },
    {
      key: await ensureFederationKey(paths.federationKey),
      ...(options.federationNowMs !== undefined ? { nowMs: options.federationNowMs } : {}),
      ...(options.federationValidSeconds !== undefined
        ? { validSeconds: options.federationValidSeconds }
        : {}),
    },
  );
  const client: DevClient = {
    ...certificate,
    organisationNumber,
    organisationId: toOrganisationId(organisationNumber),
    entityId,
    caPem: serverCa.certPem,
    issuerPem: ca.certPem,
    paths,
    federationFile,
    federationOutcome,
  };
  if (options.outDir) {
    const dir = resolve(options.outDir);
    mkdirSync(dir, { recursive: true });
    const files = {
      cert: join(dir, CLIENT_FILES.cert),
      key: join(dir, CLIENT_FILES.key),
      ca: join(dir, CLIENT_FILES.ca),
    };
    writeFileSync(files.cert, certificate.certPem, { mode: 0o644 });
    writeFileSync(files.key, certificate.keyPem, { mode: 0o600 });
    writeFileSync(files.ca, serverCa.certPem, { mode: 0o644 });
    client.files = files;
  }
  return client;
}
