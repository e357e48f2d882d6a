/** How often and how patiently a failed Slack call is retried. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  /** First back-off; doubles per retry up to `maxTimeoutMs`. A 429's Retry-After wins when longer. */
  minTimeoutMs: number;
  maxTimeoutMs: number;
  /** One attempt is abandoned after this long (default 10 s); a timed-out post is not retried, as it may have arrived. */
  requestTimeoutMs?: number;
}

/** The default time one Slack HTTP call may take before it is abandoned. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

/** Thrown when a response_url post finally fails. */
export class ResponseUrlError extends Error {
  constructor(status: number, attempts: number) {
    super(`Posting to the Slack response_url failed with HTTP ${status} after ${attempts} attempt(s); the user must run the command again.`);
    this.name = 'ResponseUrlError';
  }
}

/** POSTs JSON to a response_url, retrying 429 (honouring Retry-After), 5xx and network errors within `policy`. */
export async function postToResponseUrl(url: string, body: object, policy: RetryPolicy): Promise<void> {
  let lastStatus = 0;
  let attempts = 0;
  for (let attempt = 0; attempt <= policy.retries; attempt += 1) {
    attempts += 1;
    let waitMs = Math.min(policy.minTimeoutMs * 2 ** attempt, policy.maxTimeoutMs);
    try {
      const signal = AbortSignal.timeout(policy.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS);
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal });
      await response.body?.cancel();
      if (response.ok) return;
      lastStatus = response.status;
      if (response.status === 429) waitMs = Math.max(waitMs, Number(response.headers.get('retry-after') ?? 1) * 1000);
      else if (response.status < 500) break;
    } catch (error) {
      lastStatus = 0;
      if (error instanceof DOMException && error.name === 'TimeoutError') break;
    }
    if (attempt < policy.retries) await new Promise((resolve) => setTimeout(resolve, waitMs));
  }
  throw new ResponseUrlError(lastStatus, attempts);
}
