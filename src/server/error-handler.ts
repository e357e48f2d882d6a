import { STATUS_CODES } from 'node:http';
import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';

/** The HTTP status an error asks for (http-errors' `status`/`statusCode` in 400-599), else 500. */
function statusOf(error: unknown): number {
  if (error && typeof error === 'object') {
    const status = 'status' in error ? error.status : 'statusCode' in error ? error.statusCode : undefined;
    if (typeof status === 'number' && status >= 400 && status <= 599) return status;
  }
  return 500;
}

/**
 * The last handler of the HTTP server: answers any error with its status and a short JSON body (`{"error":"Bad
 * Request"}`), never a stack trace or file path (Express's own handler prints them when NODE_ENV is not production).
 * Client errors are logged without the error object (a body parser's error carries the request body); server errors
 * with their stack, in the log only.
 */
export function finalErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const status = statusOf(error);
    if (status >= 500) {
      logger.error({ err: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error), path: req.path }, 'request failed');
    } else {
      const type = error && typeof error === 'object' && 'type' in error && typeof error.type === 'string' ? error.type : undefined;
      logger.info({ status, type, method: req.method, path: req.path }, 'request rejected');
    }
    if (res.headersSent) {
      req.socket.destroy();
      return;
    }
    res.status(status).json({ error: STATUS_CODES[status] ?? 'Error' });
  };
}
