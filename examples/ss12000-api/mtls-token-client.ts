// Gets `ss12000-client` tokens from the authorization server over mutual TLS (node:https with cert/key/ca).
import { createHash, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:https';
import { decodeJwt } from 'jose';

export interface MtlsCredentials {
  /** Client certificate and key (PEM), e.g. from `provtjanst-mock certs issue --org N --out DIR`. */
  certPem: string;
  keyPem: string;
  /** CA that signed the server's certificate (the mock's dev CA, `ca.pem`). */
  caPem: string;
}

export interface MtlsTokenClientOptions {
  /** `https://…/transaction` of the authorization server. */
  transactionUrl: string;
  credentials: MtlsCredentials;
  /** Time for the cache: the token's `exp` is on the server's clock. */
  now?: () => number;
  timeoutMs?: number;
  /**
   * `named` (default): ask for `access: [{type: "ss12000-client", locations: [<client base URL>]}]`, as
   * Skolverket's authentication README says. `none`: ask with no `access` at all, as Skolverket's own reference
   * notifier does (nutid-auth issues such a token with `requested_access: []`; the SS12000 client refuses it).
   */
  access?: 'named' | 'none';
}

/** Gives a valid token for a location, fetching a new one when the cached one is about to expire. */
/** A token for `location`, or undefined when there is none to be had (the webhook then goes without one). */
export type TokenProvider = (location: string) => Promise<string | undefined>;

function postJson(
  url: string,
  body: unknown,
  credentials: MtlsCredentials,
  timeoutMs: number,
): Promise<{ status: number; text: string }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        cert: credentials.certPem,
        key: credentials.keyPem,
        ca: credentials.caPem,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url} within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * The GNAP request of dnp-facts §1 with `client.key = {proof: "mtls", "cert#S256": …}`, over a TLS
 * connection that presents the client certificate.
 */
export function createMtlsTokenClient(options: MtlsTokenClientOptions): TokenProvider {
  const now = options.now ?? Date.now;
  const thumbprint = createHash('sha256')
    .update(new X509Certificate(options.credentials.certPem).raw)
    .digest('base64');
  const cache = new Map<string, { value: string; expMs: number }>();
  return async (location) => {
    const cached = cache.get(location);
    if (cached && now() < cached.expMs - 60_000) return cached.value;
    const request =
      options.access === 'none'
        ? { flags: ['bearer'] }
        : { access: [{ type: 'ss12000-client', locations: [location] }], flags: ['bearer'] };
    const body = {
      access_token: [request],
      client: { key: { proof: 'mtls', 'cert#S256': thumbprint } },
    };
    const answer = await postJson(
      options.transactionUrl,
      body,
      options.credentials,
      options.timeoutMs ?? 10_000,
    );
    if (answer.status !== 200)
      throw new Error(`token request answered ${answer.status}: ${answer.text.slice(0, 300)}`);
    const value = (JSON.parse(answer.text) as { access_token?: { value?: unknown } }).access_token?.value;
    if (typeof value !== 'string') throw new Error('token answer has no access_token.value');
    cache.set(location, { value, expMs: (decodeJwt(value).exp ?? 0) * 1000 });
    return value;
  };
}

export interface CertificateFileTokensOptions {
  /** The client certificate, its key and the CA, as files (`provtjanst-mock certs issue` writes them). */
  files: { cert: string; key: string; ca: string };
  transactionUrl: string;
  now?: () => number;
}

/**
 * Tokens from a client certificate on disk that may not exist yet: until all three files are there each call
 * answers undefined (the webhook goes without a token); from then on, an {@link createMtlsTokenClient}.
 */
export function createCertificateFileTokens(options: CertificateFileTokensOptions): TokenProvider {
  let client: TokenProvider | undefined;
  return async (location) => {
    if (!client) {
      const { cert, key, ca } = options.files;
      if (![cert, key, ca].every((file) => existsSync(file))) return undefined;
      client = createMtlsTokenClient({
        transactionUrl: options.transactionUrl,
        credentials: {
          certPem: readFileSync(cert, 'utf8'),
          keyPem: readFileSync(key, 'utf8'),
          caPem: readFileSync(ca, 'utf8'),
        },
        ...(options.now ? { now: options.now } : {}),
      });
    }
    return client(location);
  };
}
