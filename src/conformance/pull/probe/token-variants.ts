// Skolverket's ss12000-api token for the vendor, and each way the auth probe spoils it (dnp-facts §1 and §4.6).

import type { MockServices } from '../../../app.js';
import { SKOLVERKET_ORGANISATION_NUMBER } from '../../../mock-ss12000-client/index.js';
import type { TokenVariant } from '../evidence/pull-evidence.js';

export interface VariantToken {
  variant: TokenVariant;
  /** The token to send, or null for none. */
  token: string | null;
  /** What is wrong with it, in words. */
  detail: string;
}

/** A location that is not the vendor's: the same path on another host. */
export function otherLocation(vendorUrl: string): string {
  const url = new URL(vendorUrl);
  return `https://annan-leverantor.example${url.pathname === '/' ? '' : url.pathname}`;
}

/**
 * A lookalike of the vendor's URL: the URL followed by more host characters (`https://api.skola.se` →
 * `https://api.skola.se.lookalike.example`). A check by prefix or substring lets it through; a sub-path
 * (`…/ss12000`) would be a different matter, and Skolverket's reference accepts those.
 */
export function lookalikeLocation(vendorUrl: string): string {
  return `${vendorUrl.replace(/\/+$/, '')}.lookalike.example`;
}

/** Every variant the auth probe sends, in rule order (PULL-AUTH-001 … 009). */
export async function tokenVariants(
  services: MockServices,
  vendorUrl: string,
  organisationNumber: string,
): Promise<VariantToken[]> {
  const entityId = services.urls.ss12000Client;
  const good = {
    organisationNumber: SKOLVERKET_ORGANISATION_NUMBER,
    entityId,
    authSource: 'tlsfed' as const,
  };
  const access = (type: 'ss12000-api' | 'ss12000-client', location: string) => [
    { type, locations: [location] },
  ];
  const issue = async (extra: Partial<Parameters<MockServices['auth']['issueToken']>[0]> = {}) =>
    (await services.auth.issueToken({ ...good, access: access('ss12000-api', vendorUrl), ...extra })).value;
  const valid = await issue();
  const [header, payload, signature = ''] = valid.split('.');
  const elsewhere = otherLocation(vendorUrl);
  return [
    { variant: 'missing', token: null, detail: 'no Authorization header' },
    {
      variant: 'garbled',
      token: `${header}.${payload}.${[...signature].reverse().join('')}`,
      detail: "a valid token's signature reversed",
    },
    {
      variant: 'unknown-key',
      token: await issue({ faults: ['unknown-kid'] }),
      detail: 'signed by a key that is not in the JWKS',
    },
    { variant: 'expired', token: await issue({ faults: ['expired'] }), detail: 'exp a minute ago' },
    {
      variant: 'not-yet-valid',
      token: await issue({ faults: ['not-yet-valid'] }),
      detail: 'nbf an hour ahead',
    },
    {
      variant: 'other-organisation',
      token: await issue({ organisationNumber }),
      detail: `organization_id SE${organisationNumber} instead of SE${SKOLVERKET_ORGANISATION_NUMBER}`,
    },
    {
      variant: 'other-location',
      token: await issue({ access: access('ss12000-api', elsewhere) }),
      detail: `location ${elsewhere}`,
    },
    {
      variant: 'lookalike-location',
      token: await issue({ access: access('ss12000-api', lookalikeLocation(vendorUrl)) }),
      detail: `location ${lookalikeLocation(vendorUrl)}: this API's URL followed by more host characters`,
    },
    {
      variant: 'other-access-type',
      token: await issue({ access: access('ss12000-client', vendorUrl) }),
      detail: 'access type ss12000-client',
    },
    { variant: 'valid', token: valid, detail: 'a valid ss12000-api token' },
  ];
}
