import type { RequestHandler, Response } from 'express';

/** The largest request body read before the caller is authenticated (Slack signature, Teams token). */
export const MAX_UNAUTHENTICATED_BODY_BYTES = 1024 * 1024;

/** Answers 413 and closes the connection, so the rest of an oversized body is never read. */
function tooLarge(res: Response, limit: number): void {
  res.set('Connection', 'close');
  res.status(413).json({ error: `The request body is larger than ${limit} bytes.` });
}

/** Express middleware: a request whose Content-Length is over `limit` bytes is answered 413 before any of it is read. */
export function refuseDeclaredOversize(limit = MAX_UNAUTHENTICATED_BODY_BYTES): RequestHandler {
  return (req, res, next) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      tooLarge(res, limit);
      return;
    }
    next();
  };
}

/**
 * Express middleware that reads the raw body into `req.rawBody` (a Buffer, which Bolt's receiver uses instead of reading
 * the stream itself), at most `limit` bytes: a longer body — declared or, when chunked, counted while it arrives — is
 * answered 413 without reading the rest.
 */
export function readRawBodyCapped(limit = MAX_UNAUTHENTICATED_BODY_BYTES): RequestHandler {
  const declaredCheck = refuseDeclaredOversize(limit);
  return (req, res, next) => {
    declaredCheck(req, res, () => {
      const chunks: Buffer[] = [];
      let size = 0;
      const onData = (chunk: Buffer): void => {
        size += chunk.length;
        if (size > limit) {
          stop();
          req.pause();
          tooLarge(res, limit);
          return;
        }
        chunks.push(chunk);
      };
      const onEnd = (): void => {
        stop();
        Object.assign(req, { rawBody: Buffer.concat(chunks) });
        next();
      };
      const onError = (error: Error): void => {
        stop();
        next(error);
      };
      const stop = (): void => {
        req.off('data', onData);
        req.off('end', onEnd);
        req.off('error', onError);
      };
      req.on('data', onData);
      req.on('end', onEnd);
      req.on('error', onError);
    });
  };
}
