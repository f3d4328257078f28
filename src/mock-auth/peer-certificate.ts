// Reads the mTLS client certificate of a request from the Node socket under Hono (absent on plain HTTP).
import type { TLSSocket } from 'node:tls';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';

export interface PeerCertificate {
  /** DER of the certificate the client presented. */
  der: Buffer;
  /** True when it chains to one of the server's trusted CAs (`ca` option of the HTTPS server). */
  authorized: boolean;
  /** OpenSSL's verdict when not authorized, e.g. `UNABLE_TO_GET_ISSUER_CERT_LOCALLY`, `CERT_HAS_EXPIRED`. */
  authorizationError?: string;
}

export interface TlsPeer {
  /** True when the request arrived over TLS (the mock's HTTPS port). */
  overTls: boolean;
  certificate?: PeerCertificate;
}

function isTlsSocket(socket: unknown): socket is TLSSocket {
  return (
    typeof socket === 'object' &&
    socket !== null &&
    (socket as { encrypted?: unknown }).encrypted === true &&
    typeof (socket as { getPeerCertificate?: unknown }).getPeerCertificate === 'function'
  );
}

/** Node reports authorizationError as a string code at run time, though typed as Error. */
function errorCode(error: unknown): string | undefined {
  if (!error) return undefined;
  if (typeof error === 'string') return error;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : String((error as Error).message ?? error);
}

/** The TLS facts of this request: whether it came over TLS and, if so, the client certificate. */
export function readTlsPeer(c: Context<AppEnv>): TlsPeer {
  const socket: unknown = c.env?.incoming?.socket;
  if (!isTlsSocket(socket)) return { overTls: false };
  const peer = socket.getPeerCertificate(true);
  if (!peer?.raw || peer.raw.length === 0) return { overTls: true };
  const authorizationError = errorCode(socket.authorizationError);
  return {
    overTls: true,
    certificate: {
      der: peer.raw,
      authorized: socket.authorized,
      ...(authorizationError ? { authorizationError } : {}),
    },
  };
}
