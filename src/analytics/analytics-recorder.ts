import type { Logger } from 'pino';
import type { TurnObserver } from '../core/bot.ts';
import { redact } from '../core/redact.ts';
import type { Turn } from '../core/turn.ts';
import type { JsonObject, NewAnalyticsEvent } from '../store/records.ts';
import type { Store } from '../store/store.ts';
import type { Pseudonymiser } from './pseudonym.ts';
import type { TurnEvent } from '../core/turn-events.ts';

/** Longest question or comment text kept in an event. */
const MAX_TEXT = 500;

/** Builds analytics events with the pseudonymiser (which may only be known once the store has handed out the secret). */
export type EventBuilder = (pseudonymise: Pseudonymiser) => readonly NewAnalyticsEvent[];

/** Turns the bot's turn events into stored analytics events; `flush` waits for pending writes. */
export interface AnalyticsRecorder {
  observe: TurnObserver;
  /** Records events that do not come from a bot turn (e.g. escalation cases); `at` is stamped when omitted. */
  record(build: EventBuilder): void;
  /** Resolves when every event observed so far has been written (or has failed and been logged). */
  flush(): Promise<void>;
}

/** The stored form of one turn event: pseudonymous user and conversation, platform, redacted text. */
export function toStoredEvent(event: TurnEvent, turn: Turn, pseudonymise: Pseudonymiser, at: Date): NewAnalyticsEvent {
  const { type, ...fields } = event;
  const payload: JsonObject = {
    ...fields,
    user: pseudonymise(`user:${turn.channel}:${turn.user.id}`),
    conversation: pseudonymise(`conversation:${turn.channel}:${turn.conversationId}`),
    platform: turn.channel,
  };
  if ('text' in event) payload.text = redact(event.text).slice(0, MAX_TEXT);
  return { type, payload, at };
}

/**
 * Records each handled turn's events in the store. Never throws into the bot: a failed write (or a pseudonymiser that
 * cannot be had, the store being down) is logged and the events are dropped.
 */
export function createAnalyticsRecorder(
  store: Store,
  pseudonymiser: () => Promise<Pseudonymiser>,
  logger: Logger,
  clock: () => Date = () => new Date(),
): AnalyticsRecorder {
  const pending = new Set<Promise<void>>();
  let last = 0;
  // Events are read back ordered by time: each gets its own millisecond so a turn's events keep their order.
  const stamp = (): Date => {
    last = Math.max(clock().getTime(), last + 1);
    return new Date(last);
  };
  const record = (build: EventBuilder): void => {
    const write = (async () => {
      // Writes wait for the same pseudonymiser in the order they were made, so stamps keep that order.
      const events = build(await pseudonymiser());
      const stamped = events.map((event) => ({ ...event, at: event.at ?? stamp() }));
      // Appended together, so the store can write them in one statement; their times keep their order.
      await Promise.all(stamped.map((event) => store.appendAnalyticsEvent(event)));
    })()
      .catch((error: unknown) => logger.warn({ err: error }, 'recording analytics events failed; they are dropped'))
      .finally(() => pending.delete(write));
    pending.add(write);
  };
  return {
    observe(turn, routed) {
      const events = routed.events ?? [];
      if (events.length === 0) return;
      const times = events.map(() => stamp());
      record((pseudonymise) => events.map((event, i) => toStoredEvent(event, turn, pseudonymise, times[i] ?? stamp())));
    },
    record,
    async flush() {
      await Promise.all([...pending]);
    },
  };
}
