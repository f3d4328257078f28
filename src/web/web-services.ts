// What the pages read and change: the mock's services, by the narrow names the pages use.
import type { MockServices } from '../app.js';

export type WebServices = Pick<
  MockServices,
  'settings' | 'clock' | 'journal' | 'urls' | 'auth' | 'catalogue' | 'provisioning' | 'ss12000Client'
>;

/** `https://host:port` of the mock's own HTTPS listener, as a client on this machine reaches it. */
export function localHttpsRoot(settings: WebServices['settings']): string {
  const host = settings.host === '0.0.0.0' ? '127.0.0.1' : settings.host === '::' ? '[::1]' : settings.host;
  const bracketed = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `https://${bracketed}:${settings.httpsPort}`;
}
