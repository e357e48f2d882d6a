import type { RequestHandler } from 'express';

const LOCAL_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** The host name of a Host header value (port dropped, lower-cased), or undefined when it is not a valid host. */
function hostName(header: string | undefined): string | undefined {
  if (!header || !URL.canParse(`http://${header}`)) return undefined;
  const url = new URL(`http://${header}`);
  return url.username || url.password || url.pathname !== '/' ? undefined : url.hostname;
}

/**
 * Express middleware against DNS rebinding: the request's Host must be localhost, 127.0.0.1 or [::1] (any port), or the
 * host of `publicUrl` (PUBLIC_URL). Anything else is answered 421 Misdirected Request, before any work is done.
 */
export function hostGuard(publicUrl?: string): RequestHandler {
  const allowed = new Set(LOCAL_NAMES);
  if (publicUrl) allowed.add(new URL(publicUrl).hostname.toLowerCase());
  return (req, res, next) => {
    const host = hostName(req.headers.host);
    if (host !== undefined && allowed.has(host)) {
      next();
      return;
    }
    res.status(421).type('text/plain').send('Misdirected request: this server does not answer for that host name. Open it as http://localhost:<port>, or set PUBLIC_URL to the address you use.');
  };
}
