import type { NextFunction, Request, Response } from 'express';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Express middleware for anonymous mode: only requests from this machine get through; others get 401. */
export function loopbackOnly(req: Request, res: Response, next: NextFunction): void {
  if (LOOPBACK.has(req.socket.remoteAddress ?? '')) {
    next();
    return;
  }
  res.status(401).json({ error: 'The Teams endpoint runs without credentials and accepts only local requests; set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD to accept Teams.' });
}
