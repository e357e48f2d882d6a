/** When a request went out, and how its reply is awaited. */
interface Waiter {
  sentAt: number;
  resolve: (at: number | undefined) => void;
  timer: NodeJS.Timeout;
}

/** Matches replies arriving at the fake platform to the request that is waiting on the same conversation. */
export class ReplyWaiters {
  private readonly waiting = new Map<string, Waiter>();

  /** Waits for the next reply on `key` after `sentAt`; resolves with its arrival time, or undefined after `timeoutMs`. */
  wait(key: string, sentAt: number, timeoutMs: number): Promise<number | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(key);
        resolve(undefined);
      }, timeoutMs);
      this.waiting.set(key, { sentAt, resolve, timer });
    });
  }

  /** A reply arrived on `key` at `at`; the first one after the request resolves its waiter, others are ignored. */
  arrived(key: string, at: number): void {
    const waiter = this.waiting.get(key);
    if (!waiter || at < waiter.sentAt) return;
    this.waiting.delete(key);
    clearTimeout(waiter.timer);
    waiter.resolve(at);
  }
}
