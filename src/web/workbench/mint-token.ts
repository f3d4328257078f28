// Mints a token the way a vendor does: POST /transaction over mutual TLS with the organisation's dev certificate.
import { type AccessType, certificateTokenRequestBody, requestTokenOverMtls } from '../../mock-auth/index.js';
import type { OrganisationClient } from './organisation-client.js';

export interface MintRequest {
  /** `https://host:port` of the mock's HTTPS listener. */
  httpsRoot: string;
  client: OrganisationClient;
  type: AccessType;
  locations: string[];
}

export interface MintOutcome {
  /** The HTTP status /transaction answered (0: no answer). */
  status: number;
  /** The answer's body, parsed when JSON. */
  body: unknown;
  /** The compact JWT when one was issued. */
  token?: string;
  /** The GNAP request sent, for the curl line. */
  requestBody: Record<string, unknown>;
  error?: string;
}

/** Sends the request; never throws (a refused or failed call is an outcome to show). */
export async function mintOverTransaction(mint: MintRequest): Promise<MintOutcome> {
  const requestBody = certificateTokenRequestBody(mint.client.certPem, mint.type, mint.locations);
  try {
    const answer = await requestTokenOverMtls({
      transactionUrl: new URL('/transaction', mint.httpsRoot).href,
      credentials: mint.client,
      type: mint.type,
      locations: mint.locations,
      // The server certificate names localhost; the socket may go to a loopback address.
      servername: 'localhost',
    });
    return {
      status: answer.status,
      body: answer.body,
      requestBody: answer.requestBody,
      ...(answer.token ? { token: answer.token } : {}),
    };
  } catch (error) {
    return { status: 0, body: null, requestBody, error: (error as Error).message };
  }
}
