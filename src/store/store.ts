import type { ConversationState } from '../core/conversation-state.ts';

/** A stored value with the version it was read at (optimistic concurrency). */
export interface Versioned<T> {
  value: T;
  version: number;
}

/** Thrown when a write carries a version that is no longer current. */
export class VersionConflictError extends Error {
  constructor(readonly key: string) {
    super(`Conversation ${key} was changed by another writer; reload and re-apply the turn.`);
    this.name = 'VersionConflictError';
  }
}

/** Thrown when the store cannot be reached; the user is asked to try again in a moment. */
export class StoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`The store is unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'StoreUnavailableError';
  }
}

/** Durable state for the bot. Implemented for SQLite (default) and PostgreSQL. */
export interface Store {
  /** Applies pending migrations; safe to call from several instances at once. */
  migrate(): Promise<void>;
  /** Loads a conversation's state, or null when there is none (or it expired). */
  loadConversation(conversationId: string): Promise<Versioned<ConversationState> | null>;
  /**
   * Saves a conversation's state. `expectedVersion` is the version that was read (null when there was none).
   * Returns the new version; throws VersionConflictError when someone else wrote in between.
   */
  saveConversation(conversationId: string, state: ConversationState, expectedVersion: number | null): Promise<number>;
  /** Records an event id; returns true the first time it is seen within `ttlMs`, false for a redelivery. */
  markEventSeen(eventId: string, ttlMs: number): Promise<boolean>;
  /** Removes conversations idle longer than `stateTtlMs` and expired seen ids; returns how many rows went. */
  purgeExpired(now: Date, stateTtlMs: number): Promise<number>;
  /** Cheap round trip used by `/readyz`. Throws when the store is down. */
  ping(): Promise<void>;
  /** Closes connections. */
  close(): Promise<void>;
}
