import pino, { type Logger } from 'pino';

/** The application logger type (pino). */
export type { Logger };

/**
 * Creates the logger: JSON lines to stderr, pretty-printed only when stderr is a TTY.
 * Message text from users is never logged at info level; callers log ids and sizes instead.
 */
export function createLogger(level: string, options: { pretty?: boolean } = {}): Logger {
  const pretty = options.pretty ?? process.stderr.isTTY;
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
