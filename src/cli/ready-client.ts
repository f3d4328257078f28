// Makes sure a ready-to-use client certificate exists in the state directory, so the banner's curl works at once.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CLIENT_FILES, issueDevClient } from '../mock-auth/index.js';
import type { BannerFiles } from './serve-banner.js';

/** Testorganisation AB, the spec's own example organisation, present in the seeded open data. */
export const READY_CLIENT_ORGANISATION = '5567044268';

/** Issues `<stateDir>/clients/5567044268/{client.pem,client-key.pem,ca.pem}` once; later starts reuse it. */
export async function ensureReadyClient(stateDir: string): Promise<BannerFiles> {
  const dir = resolve(join(stateDir, 'clients', READY_CLIENT_ORGANISATION));
  const files = {
    caCertPath: join(dir, CLIENT_FILES.ca),
    clientCertPath: join(dir, CLIENT_FILES.cert),
    clientKeyPath: join(dir, CLIENT_FILES.key),
    organisationNumber: READY_CLIENT_ORGANISATION,
  };
  if (
    !existsSync(files.clientCertPath) ||
    !existsSync(files.clientKeyPath) ||
    !existsSync(files.caCertPath)
  ) {
    await issueDevClient({ stateDir, organisation: READY_CLIENT_ORGANISATION, outDir: dir });
  }
  return files;
}
