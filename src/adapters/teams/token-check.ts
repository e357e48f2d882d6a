import type { CloudAdapter, WebResponse } from '@microsoft/agents-hosting';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

/** Stands in for the response while the SDK checks the token, so its refusal (with the reason) never reaches the caller. */
class RefusalRecorder implements WebResponse {
  status_: number | undefined;
  reason: unknown;
  headersSent = false;
  writableEnded = false;

  status(code: number): this {
    this.status_ = code;
    return this;
  }
  setHeader(): this {
    return this;
  }
  send(body?: unknown): this {
    this.reason = body;
    this.writableEnded = true;
    return this;
  }
  end(): this {
    this.writableEnded = true;
    return this;
  }
}

function describeReason(reason: unknown): string {
  if (reason instanceof Error) return reason.message;
  if (reason && typeof reason === 'object') return Object.values(reason).map(String).join('; ');
  return String(reason ?? 'no reason given');
}

/**
 * Express middleware that checks the Bot Framework token (headers only, before the body is read). A refusal is 401
 * with a generic body; why the token failed (missing, audience, JWKS lookup …) is logged, never sent.
 */
export function requireBotToken(adapter: CloudAdapter, logger: Logger): RequestHandler {
  return (req, res, next) => {
    const recorder = new RefusalRecorder();
    let passed = false;
    const refuse = (reason: unknown): void => {
      logger.warn({ adapter: 'teams', reason: describeReason(reason) }, 'Teams request refused: the Bot Framework token is missing or not valid');
      if (!res.headersSent) res.status(401).json({ error: 'Unauthorized' });
    };
    adapter
      .authorizeRequest(req, recorder, () => {
        passed = true;
      })
      .then(
        () => (passed && recorder.status_ === undefined ? next() : refuse(recorder.reason)),
        refuse,
      );
  };
}
