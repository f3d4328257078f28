// Decides who a token request comes from: federation entity + pin, approved CA + cert#S256, or insecure dev mode.
import { X509Certificate } from 'node:crypto';
import type { AuthSource } from './access-token.js';
import type { AuthFailure } from './auth-errors.js';
import { certificateThumbprint, sameDigest, spkiPin } from './certificate-fingerprints.js';
import { readCertificateSubject } from './certificate-subject.js';
import { clientPins, type FederationEntity } from './federation-metadata.js';
import type { FederationSnapshot } from './federation-store.js';
import { parseOrganisationNumber, toOrganisationId } from './organisation-number.js';
import type { PeerCertificate } from './peer-certificate.js';
import type { ClientKey } from './transaction-request.js';

/** Who the client is, as far as the token goes. */
export interface ClientIdentity {
  organisationNumber: string;
  entityId: string;
  authSource: AuthSource;
  source: string;
  extraClaims?: Record<string, string>;
}

export interface IdentifyClientInput {
  key: ClientKey;
  overTls: boolean;
  certificate?: PeerCertificate;
  insecureDevAuth: boolean;
  federation: FederationSnapshot;
  /** Where to send people who used plain HTTP. */
  httpsTransactionUrl: string;
}

/** OpenSSL verdicts meaning "issued by a CA the server does not trust". */
const UNKNOWN_ISSUER = new Set([
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'CERT_SIGNATURE_FAILURE',
]);
const EXPIRED = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);

/** The entity id written into tokens for a certificate client (no federation entity exists). */
export function certificateEntityId(thumbprint: string): string {
  return `urn:provtjanst-mock:cert:S256:${thumbprint}`;
}

const insecureEntityId = (organisationNumber: string) =>
  `urn:provtjanst-mock:insecure-dev:${toOrganisationId(organisationNumber)}`;

function issuedByListedIssuer(der: Buffer, entity: FederationEntity): boolean {
  let leaf: X509Certificate;
  try {
    leaf = new X509Certificate(der);
  } catch {
    return false;
  }
  return entity.issuers.some(({ x509certificate }) => {
    if (!x509certificate) return false;
    try {
      const issuer = new X509Certificate(x509certificate);
      return leaf.checkIssued(issuer) && leaf.verify(issuer.publicKey);
    } catch {
      return false;
    }
  });
}

function entityOrganisation(entity: FederationEntity): string | AuthFailure {
  const number = entity.organization_id ? parseOrganisationNumber(entity.organization_id) : undefined;
  return (
    number ?? {
      reason: 'no_organisation_in_metadata',
      description: `Entity ${entity.entity_id} has no usable organization_id in the federation metadata`,
    }
  );
}

function identifyByEntity(input: IdentifyClientInput, entityId: string): ClientIdentity | AuthFailure {
  const entity = input.federation.entities.get(entityId.replace(/\/+$/, ''));
  if (!entity) {
    return {
      reason: 'unknown_entity',
      description: `Entity ${entityId} is not in the federation metadata (${input.federation.file}); issue a certificate with "provtjanst-mock certs issue --entity-id ${entityId}" or load your metadata with --federation`,
    };
  }
  const organisation = entityOrganisation(entity);
  if (typeof organisation !== 'string') return organisation;
  const identity: ClientIdentity = {
    organisationNumber: organisation,
    entityId: entity.entity_id,
    authSource: 'tlsfed',
    source: input.federation.source,
  };
  const certificate = input.certificate;
  if (!certificate) {
    // Only reachable in insecure dev mode: the entity's word is taken without a certificate.
    return { ...identity, authSource: 'insecure-dev' };
  }
  const pin = spkiPin(certificate.der);
  if (!clientPins(entity).some((digest) => sameDigest(digest, pin))) {
    return {
      reason: 'pin_mismatch',
      description: `The client certificate's SPKI pin (sha256 ${pin}) is not among the client pins of entity ${entity.entity_id}`,
    };
  }
  if (
    entity.issuers.some((issuer) => issuer.x509certificate) &&
    !issuedByListedIssuer(certificate.der, entity)
  ) {
    return {
      reason: 'unknown_ca',
      description: `The client certificate was not issued by any of the issuers entity ${entity.entity_id} lists`,
    };
  }
  return identity;
}

function identifyByCertificate(
  certificate: PeerCertificate,
  thumbprint: string,
): ClientIdentity | AuthFailure {
  if (!certificate.authorized) {
    const why = certificate.authorizationError ?? 'unknown reason';
    if (EXPIRED.has(why))
      return {
        reason: 'certificate_expired',
        description: `client certificate expired or not yet valid (${why})`,
      };
    if (UNKNOWN_ISSUER.has(why)) {
      return {
        reason: 'unknown_ca',
        description: `The client certificate was not issued by an approved CA (${why}); use one from "provtjanst-mock certs issue"`,
      };
    }
    return { reason: 'untrusted_certificate', description: `The client certificate is not trusted (${why})` };
  }
  const actual = certificateThumbprint(certificate.der);
  if (!sameDigest(actual, thumbprint)) {
    return {
      reason: 'thumbprint_mismatch',
      description: `client.key["cert#S256"] is ${thumbprint}, but the presented certificate's is ${actual}`,
    };
  }
  const subject = readCertificateSubject(certificate.der);
  if (!subject.organisationNumber) {
    return {
      reason: 'no_organisation_in_certificate',
      description:
        'The certificate subject has no organisation number in organizationIdentifier (2.5.4.97) or serialNumber (2.5.4.5)',
    };
  }
  const extraClaims: Record<string, string> = {};
  if (subject.commonName) extraClaims.common_name = subject.commonName;
  if (subject.organisationName) extraClaims.organization_name = subject.organisationName;
  if (subject.country) extraClaims.country_code = subject.country;
  return {
    organisationNumber: subject.organisationNumber,
    entityId: certificateEntityId(actual),
    authSource: 'mtls',
    source: 'provtjanst-mock-approved-ca',
    extraClaims,
  };
}

/**
 * Identifies the client of one token request, or says why it cannot be. With `insecureDevAuth` and no
 * certificate, `client.key` is believed (an entity id from the metadata, or `{"proof":"insecure-dev"}`).
 */
export function identifyClient(input: IdentifyClientInput): ClientIdentity | AuthFailure {
  const { key, certificate } = input;
  if (key.kind === 'insecure-dev') {
    if (!input.insecureDevAuth) {
      return {
        reason: 'insecure_dev_auth_disabled',
        description: '{"proof":"insecure-dev"} works only when the mock runs with --insecure-dev-auth',
      };
    }
    return {
      organisationNumber: key.organisationNumber,
      entityId: key.entityId ?? insecureEntityId(key.organisationNumber),
      authSource: 'insecure-dev',
      source: 'provtjanst-mock-insecure-dev',
    };
  }
  if (!certificate) {
    if (input.insecureDevAuth) {
      if (key.kind === 'entity') return identifyByEntity(input, key.entityId);
      return {
        reason: 'no_client_certificate',
        description:
          'cert#S256 needs a client certificate; without one (insecure dev mode) send {"proof":"insecure-dev","organization_id":"SE…"}',
      };
    }
    if (!input.overTls) {
      return {
        reason: 'https_required',
        description: `Token requests need a client certificate: use the HTTPS port (${input.httpsTransactionUrl}) with a certificate from "provtjanst-mock certs issue", or start the mock with --insecure-dev-auth`,
      };
    }
    return {
      reason: 'no_client_certificate',
      description: 'No client certificate was presented; send one over mutual TLS (curl --cert/--key)',
    };
  }
  return key.kind === 'entity'
    ? identifyByEntity(input, key.entityId)
    : identifyByCertificate(certificate, key.thumbprint);
}
