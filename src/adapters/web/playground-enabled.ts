import type { Config } from '../../config/config.ts';
import { isLoopback } from '../../server/loopback.ts';

/**
 * The playground has no login, so it is on by default only outside production and when the server listens on a
 * loopback address (HOST): in production a reverse proxy in front of a loopback HOST would publish it. Anything else
 * needs PLAYGROUND=on; PLAYGROUND=off turns it off anywhere.
 */
export function playgroundEnabled(config: Pick<Config, 'HOST' | 'PLAYGROUND' | 'NODE_ENV'>): boolean {
  if (config.PLAYGROUND !== undefined) return config.PLAYGROUND === 'on';
  return config.NODE_ENV !== 'production' && isLoopback(config.HOST);
}
