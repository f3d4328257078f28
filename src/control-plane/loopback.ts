// Tells loopback listen addresses (127.0.0.0/8, ::1, localhost) from every other one, 0.0.0.0 and :: included.
import { isIPv4, isIPv6 } from 'node:net';

/**
 * True only when a server bound to `host` can be reached from this machine alone. The wildcard addresses
 * (`0.0.0.0`, `::`) listen on every interface, so they count as reachable from elsewhere.
 * @example isLoopbackHost('127.0.0.2') // true;  isLoopbackHost('0.0.0.0') // false
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  if (isIPv4(bare)) return bare.split('.')[0] === '127';
  if (isIPv6(bare)) {
    if (bare === '::1' || /^(0{1,4}:){7}0{0,3}1$/.test(bare)) return true;
    // An IPv4-mapped loopback address (::ffff:127.x.y.z) is loopback too.
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
    return mapped ? isLoopbackHost(mapped[1] as string) : false;
  }
  return false;
}
