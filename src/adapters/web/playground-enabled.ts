import type { Config } from '../../config/config.ts';
import { isLoopback } from '../../server/loopback.ts';

/**
 * The playground has no login, so it is on by default only when the server listens on a loopback address (HOST);
 * any other address needs PLAYGROUND=on. PLAYGROUND=off turns it off anywhere.
 */
export function playgroundEnabled(config: Pick<Config, 'HOST' | 'PLAYGROUND'>): boolean {
  if (config.PLAYGROUND !== undefined) return config.PLAYGROUND === 'on';
  return isLoopback(config.HOST);
}
