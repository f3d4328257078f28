// Settings of the authorization server where nutid-auth's deployment is unknown: flows, CAs, proxy mode, metadata trust.
import { z } from 'zod';
import { booleanSetting } from '../config/foundation-settings.js';
import { defineSettings, type SettingValues } from '../config/setting-spec.js';

/** The flows the mock can run, in nutid-auth's names: TLSFEDFlow, CAFlow, MDQFlow (always unconfigured here). */
export const AUTH_FLOW_NAMES = ['tlsfed', 'ca', 'mdq'] as const;
export type AuthFlowName = (typeof AUTH_FLOW_NAMES)[number];

const flowList = z
  .union([z.array(z.string()), z.string()])
  .default(['tlsfed', 'ca'])
  .transform((value) =>
    (Array.isArray(value) ? value : value.split(','))
      .map((item) => item.trim().toLowerCase())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(z.enum(AUTH_FLOW_NAMES, { error: `each flow must be one of ${AUTH_FLOW_NAMES.join(', ')}` }))
      .min(1, 'name at least one flow'),
  );

export const AUTH_SETTINGS = defineSettings({
  authFlows: {
    flag: 'auth-flows',
    env: ['PROVTJANST_AUTH_FLOWS'],
    kind: 'string',
    schema: flowList,
    description:
      "nutid-auth's auth_flows, in order (tlsfed, ca, mdq); production's list is unpublished, Skolverket's docs imply tlsfed and ca.",
  },
  caCerts: {
    flag: 'ca-certs',
    env: ['PROVTJANST_CA_CERTS'],
    kind: 'string',
    schema: z.string().min(1).optional(),
    description:
      'Directory of CA certificates CAFlow trusts (files *.c*, PEM or DER), instead of the dev CAs and <state-dir>/approved-cas.',
  },
  caOrgIdMandatory: {
    flag: 'ca-org-id-mandatory',
    env: ['PROVTJANST_CA_ORG_ID_MANDATORY'],
    kind: 'boolean',
    schema: booleanSetting,
    description:
      "nutid-auth's ca_certs_mandatory_org_id: refuse (401) a CA certificate without a readable organisation id instead of issuing a token without organization_id.",
  },
  clientCertHeader: {
    flag: 'client-cert-header',
    env: ['PROVTJANST_CLIENT_CERT_HEADER'],
    kind: 'boolean',
    schema: booleanSetting,
    description:
      '/transaction reads the client certificate from the Client-Cert header (PEM or base64 DER) set by a TLS-terminating proxy, as nutid-auth does, instead of from its own TLS socket.',
  },
  federationJwks: {
    flag: 'federation-jwks',
    env: ['PROVTJANST_FEDERATION_JWKS'],
    kind: 'string',
    schema: z.string().min(1).optional(),
    description:
      'JWKS file of keys trusted to sign TLS-federation metadata, besides the dev metadata key that certs issue signs with.',
  },
});

export type AuthSettings = SettingValues<typeof AUTH_SETTINGS>;
