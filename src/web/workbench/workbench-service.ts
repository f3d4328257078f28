// The token workbench's two actions: mint over the real /transaction, and check a pasted token.
import { decodeJwt } from 'jose';
import { acceptedBaseUrls } from '../../config/mock-urls.js';
import {
  ACCESS_TYPES,
  type AccessType,
  type AuthFaultsInput,
  TOKEN_FAULTS,
  type TokenFault,
} from '../../mock-auth/index.js';
import { localHttpsRoot, type WebServices } from '../web-services.js';
import { mintOverTransaction } from './mint-token.js';
import { ensureOrganisationClient } from './organisation-client.js';
import { checkToken, type TokenReport } from './token-checks.js';

/** Faults the workbench can arm for the one token it mints (the auth fault knobs, count 1). */
export const MINT_FAULTS = TOKEN_FAULTS;
export type MintFault = TokenFault;

export interface MintInput {
  organisationNumber: string;
  type: AccessType;
  /** Default: the mock's own API of that type (required for `ss12000-api`, the vendor's URL). */
  location?: string;
  fault?: MintFault;
}

export interface MintAnswer {
  status: number;
  body: unknown;
  token?: string;
  claims?: Record<string, unknown>;
  fault?: MintFault;
  error?: string;
  curl: { transaction: string; api?: string };
}

export class WorkbenchInputError extends Error {
  readonly code = 'bad_workbench_input';
}

/** The auth knob that puts `fault` into the next token: `not-yet-valid` is the knob `notYetValid`. */
export function faultKnob(fault: MintFault): AuthFaultsInput {
  const knob = fault.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
  return { [knob]: { count: 1 } } as AuthFaultsInput;
}

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** The mock's own base URL for an access type, or undefined for `ss12000-api` (the vendor's API). */
export function defaultLocation(services: WebServices, type: AccessType): string | undefined {
  if (type === 'provisioning-api') return services.urls.provisioning;
  if (type === 'ss12000-client') return services.urls.ss12000Client;
  return undefined;
}

export function parseAccessType(value: string): AccessType {
  const type = (ACCESS_TYPES as readonly string[]).find((t) => t === value);
  if (!type) throw new WorkbenchInputError(`type must be one of ${ACCESS_TYPES.join(', ')}`);
  return type as AccessType;
}

/** Mints a token over mutual TLS, arming the fault (one token) first when asked. */
export async function mintToken(services: WebServices, input: MintInput): Promise<MintAnswer> {
  const location = input.location || defaultLocation(services, input.type);
  if (!location) throw new WorkbenchInputError('ss12000-api tokens name the vendor API: give its base URL');
  let client: Awaited<ReturnType<typeof ensureOrganisationClient>>;
  try {
    client = await ensureOrganisationClient(services.settings.stateDir, input.organisationNumber);
  } catch (error) {
    throw new WorkbenchInputError((error as Error).message);
  }
  if (input.fault) services.auth.faults.update(faultKnob(input.fault));
  const httpsRoot = localHttpsRoot(services.settings);
  const outcome = await mintOverTransaction({ httpsRoot, client, type: input.type, locations: [location] });
  const transactionUrl = `https://localhost:${services.settings.httpsPort}/transaction`;
  const files = client.files;
  const curl = {
    transaction: [
      `curl --cacert ${quote(files.ca)} --cert ${quote(files.cert)} --key ${quote(files.key)} \\`,
      `  -H 'Content-Type: application/json' \\`,
      `  -d ${quote(JSON.stringify(outcome.requestBody))} \\`,
      `  ${transactionUrl}`,
    ].join('\n'),
    ...(input.type === 'provisioning-api'
      ? {
          api: `curl -H "Authorization: Bearer $TOKEN" '${location}/persons?limit=5'`,
        }
      : {}),
  };
  let claims: Record<string, unknown> | undefined;
  if (outcome.token) {
    try {
      claims = decodeJwt(outcome.token) as Record<string, unknown>;
    } catch {
      claims = undefined;
    }
  }
  return {
    status: outcome.status,
    body: outcome.body,
    ...(outcome.token ? { token: outcome.token } : {}),
    ...(claims ? { claims } : {}),
    ...(input.fault ? { fault: input.fault } : {}),
    ...(outcome.error ? { error: outcome.error } : {}),
    curl,
  };
}

export interface CheckInput {
  token: string;
  type: AccessType;
  /** The receiver's URL; default every URL of the mock's own API of that type. */
  location?: string;
  organisationId?: string;
}

/** Checks a token against the published JWKS, on the mock's clock. */
export function checkPastedToken(services: WebServices, input: CheckInput): Promise<TokenReport> {
  if (!input.token) throw new WorkbenchInputError('paste a token');
  const locations = input.location
    ? [input.location]
    : input.type === 'provisioning-api'
      ? acceptedBaseUrls(services.urls, 'provisioning')
      : input.type === 'ss12000-client'
        ? acceptedBaseUrls(services.urls, 'ss12000Client')
        : [];
  return checkToken(input.token, services.auth.jwks(), services.clock.now(), {
    issuer: services.auth.issuer,
    type: input.type,
    locations,
    ...(input.organisationId ? { organisationId: input.organisationId } : {}),
  });
}
