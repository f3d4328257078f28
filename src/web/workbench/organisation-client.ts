// The dev client certificate of one organisation, issued once into the state directory and reused.
import { readFileSync } from 'node:fs';
import { ensureClientFiles, parseOrganisationNumber } from '../../mock-auth/index.js';

export interface OrganisationClient {
  organisationNumber: string;
  dir: string;
  files: { cert: string; key: string; ca: string };
  certPem: string;
  keyPem: string;
  caPem: string;
}

/**
 * `<stateDir>/clients/<number>/{client.pem,client-key.pem,ca.pem}`, the same layout `serve` leaves for its
 * ready client, so the curl shown on the home page and the reference clients find the files.
 * @throws TypeError on a bad organisation number.
 */
export async function ensureOrganisationClient(
  stateDir: string,
  organisation: string,
): Promise<OrganisationClient> {
  const organisationNumber = parseOrganisationNumber(organisation);
  if (!organisationNumber) throw new TypeError(`"${organisation}" is not a 10-digit organisation number`);
  const paths = await ensureClientFiles(stateDir, organisationNumber);
  const files = { cert: paths.clientCertPath, key: paths.clientKeyPath, ca: paths.caCertPath };
  return {
    organisationNumber,
    dir: paths.dir,
    files,
    certPem: readFileSync(files.cert, 'utf8'),
    keyPem: readFileSync(files.key, 'utf8'),
    caPem: readFileSync(files.ca, 'utf8'),
  };
}
