import type { AddressInfo } from 'node:net';
import { isLoopback } from '../server/loopback.ts';

/** Addresses that listen on every interface, loopback included. */
const EVERY_INTERFACE = new Set(['0.0.0.0', '::']);

/**
 * Where to open the playground of a server listening on `listening`: PUBLIC_URL when set (the reverse proxy's address),
 * else http://localhost:<port> when the server listens on a loopback address or on every interface (the playground
 * answers the Host names localhost, 127.0.0.1 and [::1]), else the address it listens on.
 */
export function playgroundAddress(publicUrl: string | undefined, listening: Pick<AddressInfo, 'address' | 'port'>): string {
  if (publicUrl) return publicUrl;
  const { address, port } = listening;
  if (isLoopback(address) || EVERY_INTERFACE.has(address)) return `http://localhost:${port}`;
  return `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
}
