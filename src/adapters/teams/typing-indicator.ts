/** A typing indicator that is sent only when the answer takes longer than `delayMs`. */
export interface TypingIndicator {
  /** Cancels the indicator if it was not sent yet, and waits for it if it is on its way (so replies come after it). */
  stop(): Promise<void>;
}

/** Starts the timer; `send` is called once when `delayMs` passes before `stop()`. Failures of `send` are ignored. */
export function startTypingIndicator(send: () => Promise<unknown>, delayMs: number): TypingIndicator {
  let sending: Promise<unknown> | undefined;
  const timer = setTimeout(() => {
    sending = send().catch(() => undefined);
  }, delayMs);
  return {
    async stop() {
      clearTimeout(timer);
      await sending;
    },
  };
}
