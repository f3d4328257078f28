// Issues a dev client certificate end to end (CA, files, federation entry): what `certs issue` and tests share.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type ClientCertificate, issueClientCertificate } from './client-certificate.js';
import { type DevPkiPaths, ensureDevPki } from './dev-pki.js';
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
  /** Federation file to add the entity to; default `<stateDir>/federation.json`. */
  federationFile?: string;
  /** Write `client.pem`, `client-key.pem` and `ca.pem` here. */
  outDir?: string;
}

export interface DevClient extends ClientCertificate {
  organisationNumber: string;
  organisationId: string;
  entityId: string;
  caPem: string;
  paths: DevPkiPaths;
  federationFile: string;
  federationOutcome: AppendOutcome;
  files?: { cert: string; key: string; ca: string };
}

export const defaultEntityId = (organisationNumber: string) => `https://${organisationNumber}.huvudman.test`;

/**
 * Ensures the dev CA, issues a client certificate for the organisation, writes it (if `outDir`), and
 * lists it in the federation metadata so both identification modes work at once.
 * @throws TypeError on a bad organisation number.
 */
export async function issueDevClient(options: DevClientOptions): Promise<DevClient> {
  const organisationNumber = parseOrganisationNumber(options.organisation);
  if (!organisationNumber) {
    throw new TypeError(
      `"${options.organisation}" is not an organisation number (10 digits, e.g. 556704-4268)`,
    );
  }
  const { ca, paths } = await ensureDevPki(options.stateDir);
  const certificate = await issueClientCertificate(ca, {
    organisationNumber,
    ...(options.name ? { name: options.name } : {}),
  });
  const entityId = options.entityId ?? defaultEntityId(organisationNumber);
  const federationFile = resolve(options.federationFile ?? paths.federation);
  const federationOutcome = await appendFederationEntity(federationFile, {
    entityId,
    organisationNumber,
    pin: certificate.pin,
    issuerPem: ca.certPem,
    ...(options.name ? { organisation: options.name } : {}),
    description: `client certificate ${certificate.thumbprint}`,
  });
  const client: DevClient = {
    ...certificate,
    organisationNumber,
    organisationId: toOrganisationId(organisationNumber),
    entityId,
    caPem: ca.certPem,
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
    writeFileSync(files.ca, ca.certPem, { mode: 0o644 });
    client.files = files;
  }
  return client;
}
