// The client side of POST /transaction, as Skolverket's README shows it: how the mock's own tools (the token
// command, the web workbench) get a token the way a vendor does, over mutual TLS with a dev certificate.
import { X509Certificate } from 'node:crypto';
import { request } from 'node:https';
import { certificateThumbprint } from './certificate-fingerprints.js';

export interface TokenRequestCredentials {
  certPem: string;
  keyPem: string;
  /** The CA of the mock's HTTPS certificate. */
  caPem: string;
}

export interface RequestTokenOptions {
  /** `https://host:port/transaction` on the mock's HTTPS listener. */
  transactionUrl: string;
  credentials: TokenRequestCredentials;
  type: string;
  locations: string[];
  /** TLS server name to check, when the socket goes to an address the certificate does not name. */
  servername?: string;
  timeoutMs?: number;
}

export interface TokenRequestAnswer {
  /** The HTTP status /transaction answered. */
  status: number;
  /** The answer's body, parsed when it is JSON, else its text. */
  body: unknown;
  /** The compact JWT, when one was issued. */
  token?: string;
  /** The GNAP request that was sent (for a copy-paste curl line). */
  requestBody: Record<string, unknown>;
}

/** The GNAP body of a certificate client, as Skolverket's authentication README shows it (openssl's cert#S256). */
export function certificateTokenRequestBody(
  certPem: string,
  type: string,
  locations: string[],
): Record<string, unknown> {
  return {
    access_token: [{ access: [{ type, locations }], flags: ['bearer'] }],
    client: { key: { proof: 'mtls', 'cert#S256': certificateThumbprint(new X509Certificate(certPem).raw) } },
  };
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Asks /transaction for one token. Any answer resolves, a refusal included; it rejects only when no answer
 * came (connection, TLS or time-out: the error carries Node's `code`, `ETIMEDOUT` for the time-out).
 */
export function requestTokenOverMtls(options: RequestTokenOptions): Promise<TokenRequestAnswer> {
  const { credentials } = options;
  const requestBody = certificateTokenRequestBody(credentials.certPem, options.type, options.locations);
  const payload = JSON.stringify(requestBody);
  const timeoutMs = options.timeoutMs ?? 10_000;
  return new Promise((resolve, reject) => {
    const req = request(
      options.transactionUrl,
      {
        method: 'POST',
        cert: credentials.certPem,
        key: credentials.keyPem,
        ca: credentials.caPem,
        ...(options.servername ? { servername: options.servername } : {}),
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const body = parsed(Buffer.concat(chunks).toString('utf8'));
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
    req.on('timeout', () =>
      req.destroy(Object.assign(new Error(`no answer within ${timeoutMs / 1000} s`), { code: 'ETIMEDOUT' })),
    );
    req.on('error', reject);
    req.end(payload);
  });
}
