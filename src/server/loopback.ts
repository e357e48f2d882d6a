import { isIPv4 } from 'node:net';

/**
 * True for a name or address of this machine's loopback interface: `localhost`, 127.0.0.0/8, `::1` (also written
 * `[::1]` as in URLs) and IPv4-mapped `::ffff:127.x.x.x` (how Node reports an IPv4 peer on a dual-stack socket).
 */
export function isLoopback(hostOrAddress: string): boolean {
  const host = hostOrAddress.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  if (host === 'localhost' || host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  const v4 = host.startsWith('::ffff:') ? host.slice('::ffff:'.length) : host;
  return isIPv4(v4) && v4.startsWith('127.');
}
