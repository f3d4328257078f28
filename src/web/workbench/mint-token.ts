// Mints a token the way a vendor does: POST /transaction over mutual TLS with the organisation's dev certificate.
import { createHash, X509Certificate } from 'node:crypto';
import { request } from 'node:https';
import type { AccessType } from '../../mock-auth/index.js';
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

/** RFC 8705 `x5t#S256` of a PEM certificate: base64url SHA-256 of its DER, without padding. */
export function certificateS256(certPem: string): string {
  return createHash('sha256').update(new X509Certificate(certPem).raw).digest('base64url');
}

/** The GNAP body, exactly as Skolverket's authorization-api README shows it for a certificate client. */
export function transactionBody(certPem: string, type: AccessType, locations: string[]) {
  return {
    access_token: [{ access: [{ type, locations }], flags: ['bearer'] }],
    client: { key: { proof: 'mtls', 'cert#S256': certificateS256(certPem) } },
  };
}

/** Sends the request; never throws (a refused or failed call is an outcome to show). */
export function mintOverTransaction(mint: MintRequest): Promise<MintOutcome> {
  const requestBody = transactionBody(mint.client.certPem, mint.type, mint.locations);
  const payload = JSON.stringify(requestBody);
  const url = new URL('/transaction', mint.httpsRoot);
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: 'POST',
        cert: mint.client.certPem,
        key: mint.client.keyPem,
        ca: mint.client.caPem,
        // The server certificate names localhost; the socket may go to a loopback address.
        servername: 'localhost',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
        timeout: 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // not JSON: show it as text
          }
          const token = (body as { access_token?: { value?: unknown } } | null)?.access_token?.value;
          resolve({
            status: res.statusCode ?? 0,
            body,
            requestBody,
            ...(typeof token === 'string' ? { token } : {}),
          });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('no answer within 10 s')));
    req.on('error', (error) => resolve({ status: 0, body: null, requestBody, error: error.message }));
    req.end(payload);
  });
}
