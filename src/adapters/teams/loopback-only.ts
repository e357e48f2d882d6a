import type { OutboundUrlPolicy } from '@microsoft/agents-hosting';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { isLoopback } from '../../server/loopback.ts';

const PROXY_HEADERS = ['forwarded', 'x-forwarded-for'] as const;

/**
 * Express middleware for anonymous mode: only requests made on this machine get through. A request that carries
 * Forwarded or X-Forwarded-For came through a reverse proxy or tunnel (whose own connection is local), so it is refused
 * too; every refusal is 401 with the reason logged.
 */
export function loopbackOnly(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const proxied = PROXY_HEADERS.find((name) => req.headers[name] !== undefined);
    if (isLoopback(req.socket.remoteAddress ?? '') && !proxied) {
      next();
      return;
    }
    logger.warn(
      { adapter: 'teams', peer: req.socket.remoteAddress, header: proxied },
      proxied
        ? `Teams request refused: it carries ${proxied === 'forwarded' ? 'Forwarded' : 'X-Forwarded-For'}, so it came through a proxy or tunnel, and anonymous mode (no MICROSOFT_APP_ID) accepts only requests made on this machine`
        : 'Teams request refused: anonymous mode (no MICROSOFT_APP_ID) accepts only requests from this machine',
    );
    res.status(401).json({ error: 'The Teams endpoint runs without credentials and accepts only local requests; set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD to accept Teams.' });
  };
}

/**
 * The outbound policy of anonymous mode: replies go only to a serviceUrl on loopback (a local emulator such as the
 * Agents Playground), never to an address a request named (cloud metadata, the local network); others are dropped
 * with a warning.
 */
export function loopbackServiceUrls(logger: Logger): OutboundUrlPolicy {
  return {
    enabled: true,
    isAllowed(url) {
      const host = url && URL.canParse(String(url)) ? new URL(String(url)).hostname : '';
      if (isLoopback(host)) return true;
      logger.warn({ adapter: 'teams', serviceUrlHost: host }, 'Teams reply dropped: without credentials replies go only to a loopback serviceUrl (127.0.0.0/8, ::1, localhost)');
      return false;
    },
  };
}
