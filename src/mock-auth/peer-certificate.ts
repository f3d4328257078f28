// Where /transaction finds the client certificate: the mock's own TLS socket, or (proxy mode) the Client-Cert header.
import { X509Certificate } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';

export interface TlsPeer {
  /** True when the request arrived over TLS (the mock's HTTPS port). */
  overTls: boolean;
  /** True when the certificate was looked for in the Client-Cert header (proxy mode). */
  fromHeader: boolean;
  /** DER of the client certificate, when one was presented and parses. */
  certificate?: Buffer;
  /** True when something was presented that is not a readable certificate (counts as no certificate). */
  unparseable?: boolean;
}

function isTlsSocket(socket: unknown): socket is TLSSocket {
  return (
    typeof socket === 'object' &&
    socket !== null &&
    (socket as { encrypted?: unknown }).encrypted === true &&
    typeof (socket as { getPeerCertificate?: unknown }).getPeerCertificate === 'function'
  );
}

const PEM_BEGIN = '-----BEGIN CERTIFICATE-----';

/**
 * Reads a `Client-Cert` header value as nutid-auth does: PEM, or (anything not starting with the PEM
 * armour) bare base64 DER. URL-escaped PEM and RFC 9440's `:base64:` form do not parse, as upstream.
 */
export function parseClientCertHeader(value: string): Buffer | undefined {
  // A header cannot carry line breaks, so PEM arrives on one line; its base64 body is re-wrapped.
  const body = value.startsWith(PEM_BEGIN)
    ? value
        .slice(PEM_BEGIN.length)
        .replace(/-----END CERTIFICATE-----[\s\S]*$/, '')
        .replace(/\s+/g, '')
    : value;
  const pem = `${PEM_BEGIN}\n${body}\n-----END CERTIFICATE-----\n`;
  try {
    return Buffer.from(new X509Certificate(pem).raw);
  } catch {
    return undefined;
  }
}

/** The client certificate of this request, from the socket or, with `fromHeader`, the Client-Cert header. */
export function readTlsPeer(c: Context<AppEnv>, options: { fromHeader: boolean }): TlsPeer {
  const socket: unknown = c.env?.incoming?.socket;
  const overTls = isTlsSocket(socket);
  if (options.fromHeader) {
    const header = c.req.header('client-cert');
    if (header === undefined || header === '') return { overTls, fromHeader: true };
    const der = parseClientCertHeader(header);
    return der
      ? { overTls, fromHeader: true, certificate: der }
      : { overTls, fromHeader: true, unparseable: true };
  }
  if (!isTlsSocket(socket)) return { overTls: false, fromHeader: false };
  const peer = socket.getPeerCertificate(true);
  if (!peer?.raw || peer.raw.length === 0) return { overTls: true, fromHeader: false };
  return { overTls: true, fromHeader: false, certificate: peer.raw };
}
