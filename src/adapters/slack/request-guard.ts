import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

/** Slack's window for request timestamps, in seconds (Bolt checks only the past side). */
const WINDOW_SECONDS = 5 * 60;

/**
 * Express middleware before Bolt's receiver: a request dated more than five minutes in the future is refused with 401
 * (Bolt refuses only those older than five minutes), so a captured request cannot be kept for later use.
 */
export function refuseFutureTimestamps(logger: Logger, now: () => number = Date.now): RequestHandler {
  return (req, res, next) => {
    const timestamp = Number(req.headers['x-slack-request-timestamp']);
    if (Number.isFinite(timestamp) && timestamp > Math.floor(now() / 1000) + WINDOW_SECONDS) {
      logger.warn({ channel: 'slack', skewSeconds: timestamp - Math.floor(now() / 1000) }, 'Slack request refused: its timestamp is more than five minutes in the future');
      res.status(401).send();
      return;
    }
    next();
  };
}

/** A short id for one signed request (a hash of its signature): the same body, timestamp and signature give the same id. */
export function requestSignatureId(signature: string | string[] | undefined): string | undefined {
  return typeof signature === 'string' && signature !== '' ? createHash('sha256').update(signature).digest('hex').slice(0, 32) : undefined;
}
