import type { Logger } from 'pino';

/** How often and how long a failed connector call is retried. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** One attempt is abandoned after this long (default 15 s); a timed-out call is not retried, as it may have arrived. */
  timeoutMs?: number;
}

/** The default time one connector call may take before it is abandoned. */
export const DEFAULT_CONNECTOR_TIMEOUT_MS = 15_000;

/** Thrown when a connector call did not answer in time. */
export class ConnectorTimeoutError extends Error {
  constructor(what: string, timeoutMs: number) {
    super(`Teams connector: ${what} got no answer within ${timeoutMs} ms; check the connector's status (the call is not retried, as it may have arrived).`);
    this.name = 'ConnectorTimeoutError';
  }
}

/** Runs `call`, rejecting with ConnectorTimeoutError when it takes longer than `timeoutMs`. */
export function withTimeout<T>(what: string, call: () => Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ConnectorTimeoutError(what, timeoutMs)), timeoutMs);
  });
  return Promise.race([call(), timeout]).finally(() => clearTimeout(timer));
}

/** The default: 5 attempts, 250 ms doubling to at most 4 s (about 8 s in all before giving up). */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 5, baseDelayMs: 250, maxDelayMs: 4000 };

/** Connector statuses worth another try: throttled, precondition (concurrent update), bad gateway, gateway timeout. */
const RETRYABLE = new Set([429, 412, 502, 504]);

function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : undefined;
}

function retryAfterMs(error: unknown): number | undefined {
  const response = typeof error === 'object' && error !== null && 'response' in error ? (error.response as { headers?: unknown }) : undefined;
  const headers = response?.headers;
  const raw = headers instanceof Headers ? headers.get('retry-after') : undefined;
  const seconds = raw ? Number(raw) : NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/** A loggable summary of an error: the SDK's HttpError carries the whole outgoing activity, which must not be logged. */
export function errorSummary(error: unknown): { name: string; message: string; status?: number } {
  const status = statusOf(error);
  const name = error instanceof Error ? error.name : typeof error;
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 300) ?? '';
  return status === undefined ? { name, message } : { name, message, status };
}

/**
 * Runs a connector call, retrying 429/412/502/504 with bounded exponential backoff (a 429's Retry-After is honoured
 * up to the cap). The last failure is logged as an error with the conversation id and rethrown.
 */
export async function withConnectorRetry<T>(
  what: string,
  conversationId: string,
  call: () => Promise<T>,
  logger: Logger,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await withTimeout(what, call, policy.timeoutMs ?? DEFAULT_CONNECTOR_TIMEOUT_MS);
    } catch (error) {
      const status = statusOf(error);
      if (status === undefined || !RETRYABLE.has(status) || attempt >= policy.attempts) {
        logger.error({ error: errorSummary(error), conversation: conversationId, attempts: attempt }, `Teams connector: ${what} failed; the reply was not delivered (check the bot's credentials and the connector's status)`);
        throw error;
      }
      const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      const delay = Math.min(policy.maxDelayMs, retryAfterMs(error) ?? backoff);
      logger.warn({ status, conversation: conversationId, attempt, delayMs: delay }, `Teams connector: ${what} got ${status}; retrying`);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
