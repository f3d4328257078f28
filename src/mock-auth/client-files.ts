// A huvudman's dev client certificate in the state directory (<state-dir>/clients/<org>/), issued once when missing.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CLIENT_FILES, issueDevClient } from './dev-client.js';

export interface ClientFiles {
  dir: string;
  caCertPath: string;
  clientCertPath: string;
  clientKeyPath: string;
}

/** The folder and files of one organisation's client certificate under the state directory. */
export function clientFilesOf(stateDir: string, organisationNumber: string): ClientFiles {
  const dir = resolve(join(stateDir, 'clients', organisationNumber));
  return {
    dir,
    caCertPath: join(dir, CLIENT_FILES.ca),
    clientCertPath: join(dir, CLIENT_FILES.cert),
    clientKeyPath: join(dir, CLIENT_FILES.key),
  };
}

/** Issues `<stateDir>/clients/<org>/{client.pem,client-key.pem,ca.pem}` when any is missing; reuses them after. */
export async function ensureClientFiles(
  stateDir: string,
  organisationNumber: string,
  name?: string,
): Promise<ClientFiles> {
  const files = clientFilesOf(stateDir, organisationNumber);
  if (![files.caCertPath, files.clientCertPath, files.clientKeyPath].every((path) => existsSync(path))) {
    await issueDevClient({
      stateDir,
      organisation: organisationNumber,
      outDir: files.dir,
      ...(name ? { name } : {}),
    });
  }
  return files;
}
