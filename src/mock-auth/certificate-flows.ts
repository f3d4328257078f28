// nutid-auth's certificate flows: TLSFEDFlow (entity id + listed certificate), CAFlow (cert#S256 + CA), MDQFlow (unconfigured).
import { X509Certificate } from 'node:crypto';
import { type Flow, type FlowContext, type FlowOutcome, next } from './auth-flows.js';
import { readOrganisationId } from './ca-profiles.js';
import { certificateThumbprint, thumbprintMatches } from './certificate-fingerprints.js';
import { readCertificateSubject } from './certificate-subject.js';
import { parseClientCertHeader } from './peer-certificate.js';
import { findIssuingCa, isRevoked } from './trusted-cas.js';

type Presented = { der: Buffer; cert: X509Certificate };

/** The client certificate, parsed and within its validity period; else the outcome (move on, or stop). */
function presentedCertificate(context: FlowContext): Presented | FlowOutcome {
  const { peer } = context;
  if (!peer.certificate) {
    if (peer.unparseable)
      return next(
        'unparseable_certificate',
        'The Client-Cert header does not hold a certificate nutid-auth can parse (PEM, or base64 DER)',
      );
    if (!peer.overTls && !peer.fromHeader) {
      return next(
        'https_required',
        'No client certificate: plain HTTP carries none. Use the HTTPS port (--https-port) with a certificate from "provtjanst-mock certs issue", start the mock with --insecure-dev-auth, or, behind a TLS-terminating proxy, with --client-cert-header',
      );
    }
    return next(
      'no_client_certificate',
      peer.fromHeader
        ? 'No Client-Cert header: the proxy passed no client certificate'
        : 'No client certificate was presented; send one over mutual TLS (curl --cert/--key)',
    );
  }
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(peer.certificate);
  } catch {
    return next('unparseable_certificate', 'The client certificate does not parse');
  }
  const now = context.wallNow;
  if (now < new Date(cert.validFrom) || now > new Date(cert.validTo)) {
    return {
      kind: 'stop',
      failure: {
        reason: 'certificate_expired',
        hint: `The client certificate is valid ${cert.validFrom} – ${cert.validTo}; issue a new one`,
      },
    };
  }
  return { der: peer.certificate, cert };
}

const isOutcome = (value: Presented | FlowOutcome): value is FlowOutcome => 'kind' in value;

function certificateFromKey(cert: string): Buffer | undefined {
  return parseClientCertHeader(cert.trim().startsWith('-----BEGIN') ? cert.trim() : cert.replace(/\s+/g, ''));
}

/** TLSFEDFlow: an entity id in verified, current metadata, whose `issuers` list the very TLS certificate. */
export const tlsfedFlow: Flow = async (context) => {
  const { client } = context.request;
  if (client.kind === 'reference')
    return next('client_by_reference', 'client must be an object with a key, not a string');
  if (client.key.kind !== 'reference') {
    return next('key_form_not_accepted', 'TLSFEDFlow needs client.key to be an entity id string');
  }
  const entityId = client.key.ref;
  const federation = await context.federation();
  if (federation.problem) return next('federation_metadata_unusable', federation.problem);
  const now = Math.floor(context.wallNow.getTime() / 1000);
  if (
    (federation.iat !== undefined && now < federation.iat) ||
    (federation.exp !== undefined && now > federation.exp)
  ) {
    return next(
      'federation_metadata_expired',
      `The federation metadata (${federation.file}) is valid ${federation.iat ?? '?'}–${federation.exp ?? '?'} (seconds), not now (${now}); re-issue it with "provtjanst-mock certs issue"`,
    );
  }
  const entity = federation.entities.get(entityId);
  if (!entity) {
    return next(
      'unknown_entity',
      `Entity ${entityId} is not in the federation metadata (${federation.file}); entity ids match exactly. Issue a certificate with "provtjanst-mock certs issue --entity-id ${entityId}"`,
    );
  }
  const presented = presentedCertificate(context);
  if (isOutcome(presented)) return presented;
  const thumbprint = certificateThumbprint(presented.der);
  const listed = entity.issuers.some((issuer) => {
    const der = certificateFromKey(issuer.x509certificate);
    return der !== undefined && certificateThumbprint(der) === thumbprint;
  });
  if (!listed) {
    return next(
      'certificate_not_listed',
      `The client certificate is not among the issuers[].x509certificate of entity ${entityId}; nutid-auth matches the exact certificate, not pins or a CA`,
    );
  }
  return {
    kind: 'approved',
    identity: {
      authSource: 'tlsfed',
      entityId: entity.entity_id,
      ...(typeof entity.organization_id === 'string' ? { organizationId: entity.organization_id } : {}),
      ...(federation.source !== undefined ? { source: federation.source } : {}),
    },
  };
};

/** CAFlow: `{"proof":"mtls"}` with the certificate's thumbprint, issued directly by a trusted CA, not revoked. */
export const caFlow: Flow = async (context) => {
  const { client } = context.request;
  if (client.kind === 'reference')
    return next('client_by_reference', 'client must be an object with a key, not a string');
  const key = client.key;
  if (key.kind !== 'proof')
    return next('key_form_not_accepted', 'CAFlow needs client.key to be {"proof":"mtls","cert#S256":…}');
  if (key.proof !== 'mtls')
    return next('unsupported_proof', `The certificate flows accept proof "mtls" only, not "${key.proof}"`);
  const presented = presentedCertificate(context);
  if (isOutcome(presented)) return presented;
  if (key.certS256 !== undefined) {
    if (!thumbprintMatches(key.certS256, presented.der)) {
      return next(
        'thumbprint_mismatch',
        `cert#S256 is ${JSON.stringify(key.certS256)}; the presented certificate's is ${certificateThumbprint(presented.der)} (standard base64, padded) or ${Buffer.from(certificateThumbprint(presented.der), 'base64').toString('base64url')} (base64url, unpadded): nutid-auth accepts exactly these two`,
      );
    }
  } else if (key.cert !== undefined) {
    const given = certificateFromKey(key.cert);
    if (!given?.equals(presented.der)) {
      return next('thumbprint_mismatch', 'client.key.cert is not the certificate presented over TLS');
    }
  } else {
    return next('missing_thumbprint', 'A {"proof":"mtls"} key needs "cert#S256" (or "cert")');
  }
  const ca = findIssuingCa(presented.cert, context.trustedCas());
  if (!ca) {
    return next(
      'unknown_ca',
      'The client certificate was not issued directly by a CA the server trusts; use one from "provtjanst-mock certs issue" (or put your CA in <state-dir>/approved-cas)',
    );
  }
  if (await isRevoked(presented.cert, ca, context.wallNow)) {
    return {
      kind: 'stop',
      failure: {
        reason: 'certificate_revoked',
        hint: `Serial ${presented.cert.serialNumber} is on the CRL of ${ca.commonName ?? 'its CA'} (or the CRL could not be checked)`,
      },
    };
  }
  const subject = readCertificateSubject(presented.der);
  if (subject.commonName === undefined) return { kind: 'crash', why: 'CA client certificate without CN' };
  const reading = readOrganisationId({
    ...(ca.issuerOrganisation !== undefined ? { caIssuerOrganisation: ca.issuerOrganisation } : {}),
    ...(subject.serialNumber !== undefined ? { serialNumber: subject.serialNumber } : {}),
    ...(subject.country !== undefined ? { country: subject.country } : {}),
    clientAuth: subject.clientAuth,
  });
  if (reading.kind === 'crash') return { kind: 'crash', why: reading.why };
  if (reading.kind === 'none' && context.caOrgIdMandatory) {
    return { kind: 'stop', failure: { reason: 'missing_organization_id', hint: reading.why } };
  }
  const extraClaims: Record<string, string> = { common_name: subject.commonName };
  if (subject.organisationName !== undefined) extraClaims.organization_name = subject.organisationName;
  if (subject.country !== undefined) extraClaims.country_code = subject.country;
  return {
    kind: 'approved',
    identity: {
      authSource: 'mtls',
      ...(ca.commonName !== undefined ? { source: ca.commonName } : {}),
      ...(reading.kind === 'found' ? { organizationId: reading.organisationId } : {}),
      extraClaims,
    },
  };
};

/** MDQFlow: the mock has no MDQ server, so, listed in --auth-flows, it is nutid-auth's MDQFlow without mdq_server. */
export const mdqFlow: Flow = async () => ({
  kind: 'stop',
  failure: {
    reason: 'bad_configuration',
    hint: 'mdq is listed in --auth-flows, but the mock has no MDQ server (nutid-auth: MDQFlow without mdq_server)',
  },
});
