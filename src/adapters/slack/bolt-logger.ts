import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from 'pino';
import { redact } from '../../core/redact.ts';

/**
 * Bolt's logger interface backed by pino; Bolt's own info chatter goes to debug. The Web API client's debug lines
 * carry whole API responses (users.info: a display name), so every line is redacted, and only built when it is logged.
 */
export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'slack-bolt' });
  let level = LogLevel.INFO;
  const text = (args: unknown[]) => args.map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
  const at = (pinoLevel: 'trace' | 'debug' | 'warn' | 'error') => (...args: unknown[]) => {
    if (child.isLevelEnabled(pinoLevel)) child[pinoLevel](redact(text(args)));
  };
  return {
    debug: at('trace'),
    info: at('debug'),
    warn: at('warn'),
    error: at('error'),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
