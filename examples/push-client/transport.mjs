// One HTTP(S) exchange over node:http / node:https, so a private CA and a client certificate can be given.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/**
 * @typedef {object} TransportRequest
 * @property {string} method
 * @property {string} url
 * @property {Record<string, string>} [headers]
 * @property {string} [body] JSON text
 * @property {{ cert?: string, key?: string, ca?: string }} [tls] PEM texts; `cert`+`key` make it mutual TLS
 * @property {number} [timeoutMs] whole-exchange timeout, default 30 s
 */

/**
 * @typedef {object} TransportResponse
 * @property {number} status
 * @property {Record<string, string | string[] | undefined>} headers lower-case names
 * @property {string} text the body as UTF-8
 */

/** @typedef {(req: TransportRequest) => Promise<TransportResponse>} Transport */

/**
 * Sends one request and reads the whole answer. A connection error or timeout rejects with the Node error
 * (its `code`, e.g. ECONNRESET, is what the retry logic looks at).
 *
 * @type {Transport}
 */
export function send(req) {
  const url = new URL(req.url);
  const isHttps = url.protocol === 'https:';
  const body = req.body === undefined ? undefined : Buffer.from(req.body, 'utf8');
  /** @type {Record<string, string | number>} */
  const headers = { accept: 'application/json', ...req.headers };
  if (body) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = body.length;
  }
  const options = {
    method: req.method,
    headers,
    ...(isHttps ? { ca: req.tls?.ca, cert: req.tls?.cert, key: req.tls?.key } : {}),
  };
  return new Promise((resolve, reject) => {
    const issue = isHttps ? httpsRequest : httpRequest;
    const outgoing = issue(url, options, (incoming) => {
      /** @type {Buffer[]} */
      const chunks = [];
      incoming.on('data', (chunk) => chunks.push(chunk));
      incoming.on('error', reject);
      incoming.on('end', () =>
        resolve({
          status: incoming.statusCode ?? 0,
          headers: incoming.headers,
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    outgoing.setTimeout(req.timeoutMs ?? 30_000, () => {
      const error = /** @type {NodeJS.ErrnoException} */ (
        new Error(`timeout: ${req.method} ${url.pathname}`)
      );
      error.code = 'ETIMEDOUT';
      outgoing.destroy(error);
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/**
 * The body as JSON, or undefined when it is empty or not JSON.
 *
 * @param {TransportResponse} response
 * @returns {unknown}
 */
export function jsonOf(response) {
  if (!response.text) return undefined;
  try {
    return JSON.parse(response.text);
  } catch {
    return undefined;
  }
}
