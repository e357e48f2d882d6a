import type { Config } from '../../config/config.ts';

/** The playground is on unless NODE_ENV=production (then only with PLAYGROUND=on); PLAYGROUND=off turns it off anywhere. */
export function playgroundEnabled(config: Pick<Config, 'NODE_ENV' | 'PLAYGROUND'>): boolean {
  if (config.PLAYGROUND !== undefined) return config.PLAYGROUND === 'on';
  return config.NODE_ENV !== 'production';
}
