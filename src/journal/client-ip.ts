// Works out the client IP of a request: the socket's address, or the first X-Forwarded-For hop when trusted.
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';

/** Strips the IPv4-mapped IPv6 prefix so `::ffff:127.0.0.1` and `127.0.0.1` count as one client. */
export function normaliseIp(ip: string): string {
  return ip.startsWith('::ffff:') ? ip.slice(7) : ip;
}

/**
 * The address a request came from. With `trustProxy`, the left-most `X-Forwarded-For` entry wins,
 * as a reverse proxy in front of the mock would set it.
 */
export function clientIp(c: Context<AppEnv>, trustProxy = false): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for');
    const first = forwarded?.split(',')[0]?.trim();
    if (first) return normaliseIp(first);
  }
  const remote = c.env?.incoming?.socket?.remoteAddress;
  return remote ? normaliseIp(remote) : 'unknown';
}
