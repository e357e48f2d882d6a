import type { Logger } from 'pino';

/** Exit code when a second SIGTERM/SIGINT cuts a graceful shutdown short. */
export const FORCED_EXIT_CODE = 1;

/**
 * Resolves on the first SIGTERM or SIGINT, so the caller can shut down gracefully; from then on a second one exits
 * the process at once (code 1) without waiting for turns in flight.
 */
export function waitForStopSignal(logger: Logger): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const first = (signal: NodeJS.Signals) => {
      process.off('SIGINT', first);
      process.off('SIGTERM', first);
      const force = (again: NodeJS.Signals) => {
        logger.warn({ signal: again }, 'second stop signal: exiting at once without finishing turns in flight');
        process.exit(FORCED_EXIT_CODE);
      };
      process.once('SIGINT', force);
      process.once('SIGTERM', force);
      resolve(signal);
    };
    process.on('SIGINT', first);
    process.on('SIGTERM', first);
  });
}
