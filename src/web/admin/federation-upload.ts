// Skolfederation, as Bella does it in seed 002: a client certificate and its metadata join the mock's federation metadata.
import { X509Certificate } from 'node:crypto';
import {
  appendFederationEntity,
  ensureFederationKey,
  parseOrganisationNumber,
  spkiPin,
  toOrganisationId,
} from '../../mock-auth/index.js';
import type { WebServices } from '../web-services.js';

export interface FederationUpload {
  entityId: string;
  organisationName?: string;
  certificatePem: string;
}

export interface FederationMember {
  entityId: string;
  organisation?: string;
  pins: string[];
  issuers: number;
}

export class FederationUploadError extends Error {
  readonly code = 'bad_federation_upload';
}

function readCertificate(pem: string, what: string): X509Certificate {
  try {
    return new X509Certificate(pem.trim());
  } catch {
    throw new FederationUploadError(`The ${what} is not a PEM certificate`);
  }
}

/** Adds the certificate's SPKI pin to the organisation's entity (created if needed) in the federation file. */
export async function uploadFederationCertificate(
  services: WebServices,
  organisationId: string,
  upload: FederationUpload,
) {
  const number = parseOrganisationNumber(organisationId);
  if (!number) throw new FederationUploadError(`${organisationId} is not an organisation id`);
  let entityUrl: URL;
  try {
    entityUrl = new URL(upload.entityId);
  } catch {
    throw new FederationUploadError('The entity id must be a URL, e.g. https://huvudman.example');
  }
  const certificate = readCertificate(upload.certificatePem, 'client certificate');
  const now = services.clock.now();
  if (Date.parse(certificate.validTo) < now)
    throw new FederationUploadError(`The certificate expired on ${certificate.validTo}`);
  const entityId = entityUrl.toString().replace(/\/+$/, '');
  try {
    // Listed under the entity's issuers (nutid-auth's TLS-federation match), in metadata signed by the mock's key.
    const outcome = await appendFederationEntity(
      services.auth.federationFile,
      {
        entityId,
        organisationNumber: number,
        certPem: certificate.toString(),
        ...(upload.organisationName ? { organisation: upload.organisationName } : {}),
        description: `uploaded in Administration (${certificate.subject.replace(/\n/g, ', ')})`,
      },
      { key: await ensureFederationKey(services.auth.paths.federationKey), nowMs: now },
    );
    return { outcome, entityId, pin: spkiPin(certificate.raw) };
  } catch (error) {
    throw new FederationUploadError((error as Error).message);
  }
}

/** The federation entities that name this organisation. */
export async function federationMembers(
  services: WebServices,
  organisationId: string,
): Promise<FederationMember[]> {
  const number = parseOrganisationNumber(organisationId);
  if (!number) return [];
  const wanted = toOrganisationId(number);
  const { entities } = await services.auth.federation();
  return [...entities.values()]
    .filter((entity) => {
      const n = entity.organization_id ? parseOrganisationNumber(entity.organization_id) : undefined;
      return n !== undefined && toOrganisationId(n) === wanted;
    })
    .map((entity) => ({
      entityId: entity.entity_id,
      ...(entity.organization ? { organisation: entity.organization } : {}),
      pins: (entity.clients ?? []).flatMap((client) => (client.pins ?? []).map((pin) => pin.digest)),
      issuers: entity.issuers.length,
    }));
}
