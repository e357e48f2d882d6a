import type { Logger } from 'pino';

/** How long a run of failures goes unmentioned after a line about it (about once a minute). */
const REMINDER_MS = 60_000;

/**
 * Logs a run of failures of a task that is retried often (the outbox poll): the first failure as an error with its
 * stack, then at most one line a minute saying how many attempts failed meanwhile, and one info line when it works
 * again — instead of one stack trace per attempt.
 */
export class FailureRunLog {
  /** Failed attempts in the current run (0 while the task works). */
  private failed = 0;
  /** Failed attempts since the last line about the run. */
  private unmentioned = 0;
  private startedAt = 0;
  private mentionedAt = 0;

  /** `task` names the task in the log lines; `now` gives the time in milliseconds. */
  constructor(
    private readonly logger: Logger,
    private readonly task: string,
    private readonly now: () => number,
  ) {}

  /** Records a failed attempt; logs it when it starts a run or a minute has passed since the last line. */
  failure(error: unknown): void {
    const at = this.now();
    this.failed++;
    if (this.failed === 1) {
      this.startedAt = this.mentionedAt = at;
      this.unmentioned = 0;
      this.logger.error({ err: error }, `${this.task} failed; retrying, and logging it again at most once a minute while it keeps failing`);
      return;
    }
    this.unmentioned++;
    if (at - this.mentionedAt < REMINDER_MS) return;
    const reason = error instanceof Error ? error.message : String(error);
    this.logger.error(
      { reason, failedSinceLastLine: this.unmentioned, failed: this.failed, failingForSeconds: Math.round((at - this.startedAt) / 1000) },
      `${this.task} still failing: ${this.unmentioned} attempts failed since the last line`,
    );
    this.mentionedAt = at;
    this.unmentioned = 0;
  }

  /** Records a successful attempt; logs the end of a run of failures. */
  success(): void {
    if (this.failed === 0) return;
    const failingForSeconds = Math.round((this.now() - this.startedAt) / 1000);
    this.logger.info({ failed: this.failed, failingForSeconds }, `${this.task} works again after ${this.failed} failed attempts`);
    this.failed = 0;
  }
}
