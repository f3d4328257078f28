// The mock's own flow for --insecure-dev-auth: without any certificate, believe client.key (entity id or organisation id).
import { type Flow, next } from './auth-flows.js';
import { parseOrganisationNumber, toOrganisationId } from './organisation-number.js';

export const INSECURE_DEV_SOURCE = 'provtjanst-mock-insecure-dev';

/** Runs before nutid-auth's flows when the mock runs with --insecure-dev-auth and no certificate was presented. */
export const insecureDevFlow: Flow = async (context) => {
  const { client } = context.request;
  if (context.peer.certificate || client.kind === 'reference')
    return next('client_by_reference', 'not for insecure dev mode');
  const key = client.key;
  if (key.kind === 'proof' && key.proof === 'insecure-dev') {
    const number = key.organizationId ? parseOrganisationNumber(key.organizationId) : undefined;
    if (!number) {
      return {
        kind: 'stop',
        failure: {
          reason: 'validation_error',
          description: 'client.key.organization_id must be an organisation number, e.g. "SE5567044268"',
          hint: '{"proof":"insecure-dev","organization_id":"SE5567044268"}',
        },
      };
    }
    const organizationId = toOrganisationId(number);
    return {
      kind: 'approved',
      identity: {
        authSource: 'insecure-dev',
        source: INSECURE_DEV_SOURCE,
        organizationId,
        entityId: key.entityId ?? `urn:provtjanst-mock:insecure-dev:${organizationId}`,
      },
    };
  }
  if (key.kind === 'reference') {
    const federation = await context.federation();
    const entity = federation.entities.get(key.ref);
    if (!entity)
      return next(
        'unknown_entity',
        `Entity ${key.ref} is not in the federation metadata (${federation.file})`,
      );
    return {
      kind: 'approved',
      identity: {
        authSource: 'insecure-dev',
        source: federation.source ?? INSECURE_DEV_SOURCE,
        entityId: entity.entity_id,
        ...(typeof entity.organization_id === 'string' ? { organizationId: entity.organization_id } : {}),
      },
    };
  }
  return next(
    'no_client_certificate',
    'A {"proof":"mtls"} key needs a client certificate, also in insecure dev mode',
  );
};
