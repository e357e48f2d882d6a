const WINDOW_MS = 60_000;
const SWEEP_EVERY = 1000;

/**
 * Allows each key (a user on a platform) at most `perMinute` turns in any sliding minute. Kept in memory, so with
 * several instances behind a load balancer each instance counts on its own.
 */
export class RateLimiter {
  private readonly recent = new Map<string, number[]>();
  private calls = 0;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a turn for `key`; returns false (and records nothing) when the key has used its turns for this minute. */
  allow(key: string): boolean {
    const now = this.now();
    if (++this.calls % SWEEP_EVERY === 0) this.sweep(now);
    const times = (this.recent.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
    if (times.length >= this.perMinute) {
      this.recent.set(key, times);
      return false;
    }
    times.push(now);
    this.recent.set(key, times);
    return true;
  }

  /** Forgets keys with no turn in the last minute, so memory follows the active users only. */
  private sweep(now: number): void {
    for (const [key, times] of this.recent) if (times.every((t) => now - t >= WINDOW_MS)) this.recent.delete(key);
  }
}
