// Makes sure a ready-to-use client certificate exists in the state directory, so the banner's curl works at once.
import { ensureClientFiles } from '../mock-auth/index.js';
import type { BannerFiles } from './serve-banner.js';

/** Testorganisation AB, the spec's own example organisation, present in the seeded open data. */
export const READY_CLIENT_ORGANISATION = '5567044268';
/** The name the seeded open data gives it, which the certificate carries too (O and CN). */
export const READY_CLIENT_NAME = 'Testorganisation AB';

/** Issues `<stateDir>/clients/5567044268/{client.pem,client-key.pem,ca.pem}` once; later starts reuse it. */
export async function ensureReadyClient(stateDir: string): Promise<BannerFiles> {
  const files = await ensureClientFiles(stateDir, READY_CLIENT_ORGANISATION, READY_CLIENT_NAME);
  return {
    caCertPath: files.caCertPath,
    clientCertPath: files.clientCertPath,
    clientKeyPath: files.clientKeyPath,
    organisationNumber: READY_CLIENT_ORGANISATION,
  };
}
