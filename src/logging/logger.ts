import { createRequire } from 'node:module';
import pino, { type Logger } from 'pino';

/** The application logger type (pino). */
export type { Logger };

/** True when pino-pretty is installed (a development dependency: absent from a production install). */
function prettyPrinterInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

/**
 * Creates the logger: JSON lines to stderr, pretty-printed only when stderr is a TTY and pino-pretty is installed.
 * Message text from users is never logged at info level; callers log ids and sizes instead.
 */
export function createLogger(level: string, options: { pretty?: boolean } = {}): Logger {
  const pretty = (options.pretty ?? process.stderr.isTTY) && prettyPrinterInstalled();
  if (pretty) {
    return pino({
      level,
      transport: { target: 'pino-pretty', options: { destination: 2, colorize: true } },
    });
  }
  return pino({ level }, pino.destination(2));
}

/** A logger that discards everything (for tests and one-shot commands). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
