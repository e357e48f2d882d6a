import type { ConversationState } from '../shared/conversation-state.ts';
import type {
  AnalyticsEvent,
  AnalyticsQuery,
  CaseStatus,
  EscalationCase,
  JsonObject,
  LogEntry,
  NewAnalyticsEvent,
  NewCase,
  NewLogEntry,
  NewOutboxMessage,
  OutboxMessage,
} from './records.ts';

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
  /** What may be shown outside the process (`/readyz`): the hint, without the cause's paths, hosts or credentials. */
  readonly publicMessage: string;

  /** `hint` tells an operator what to check (e.g. "check that the PostgreSQL server in DATABASE_URL is running"). */
  constructor(cause: unknown, hint?: string) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`The store is unavailable: ${reason}${hint ? `; ${hint}` : ''}`, { cause });
    this.name = 'StoreUnavailableError';
    this.publicMessage = `The store is unavailable${hint ? `; ${hint}` : ' (the reason is in the log)'}`;
  }
}

/**
 * Thrown when the database refuses the connection it was configured with (bad password, unknown role or database):
 * the store is unavailable, and trying again will not help until DATABASE_URL or the server is changed.
 */
export class StoreConfigurationError extends StoreUnavailableError {
  /** `hint` names the setting to check (e.g. "check the user name, password and database name in DATABASE_URL"). */
  constructor(cause: unknown, hint: string) {
    super(cause, hint);
    this.name = 'StoreConfigurationError';
    this.message = `The database refused the connection: ${cause instanceof Error ? cause.message : String(cause)}; ${hint}`;
  }
}

/** Builds the notifications for a freshly created case (called inside the case's transaction; must not do I/O). */
export type CaseNotifications = (created: EscalationCase) => NewOutboxMessage[];

/** What erasing a conversation keeps for the cases still open in it (see `Store.deleteConversation`). */
export interface KeptForOpenCases {
  /** The open cases' ids: their notices in the conversation's log (keys `<case id>:…`) stay. */
  caseIds: readonly string[];
  /**
   * The state that stays, made from the current one (called inside the transaction; must not do I/O): its version goes
   * up, so a writer holding the old one reloads; its last activity does not change. A conversation with none gets none.
   */
  state: (current: ConversationState) => ConversationState;
}

/** The outbox's unsent notifications, for metrics: waiting (incl. retrying), the oldest one's creation, given up. */
export interface OutboxBacklog {
  pending: number;
  oldestPendingAt: Date | null;
  givenUp: number;
}

/** Durable state for the bot. Implemented for SQLite (default) and PostgreSQL. */
export interface Store {
  /** Applies pending migrations; safe to call from several instances at once. */
  migrate(): Promise<void>;
  /** Loads a conversation's state, or null when there is none (or it was purged). */
  loadConversation(conversationId: string): Promise<Versioned<ConversationState> | null>;
  /**
   * Saves a conversation's state. `expectedVersion` is the version that was read (null when there was none).
   * Returns the new version; throws VersionConflictError when someone else wrote in between.
   */
  saveConversation(conversationId: string, state: ConversationState, expectedVersion: number | null): Promise<number>;
  /** Records an event id; returns true the first time it is seen within `ttlMs`, false for a redelivery. */
  markEventSeen(eventId: string, ttlMs: number): Promise<boolean>;
  /**
   * Deletes everything kept about one conversation — its state, its log (the playground's history and notices) and the
   * Teams cards sent into it — for an erasure request, in one transaction, except what `keep` names for cases still open
   * in it; returns how many rows went (a kept state is not counted).
   */
  deleteConversation(conversationId: string, keep?: KeptForOpenCases): Promise<number>;
  /** Removes conversations idle longer than `stateTtlMs`, log entries older than that, expired seen ids and expired sent cards; returns how many rows went. */
  purgeExpired(now: Date, stateTtlMs: number): Promise<number>;
  /** Keeps a copy of a card sent into a conversation (replacing one with the same ids) until `ttlMs` from now. */
  saveSentCard(conversationId: string, activityId: string, card: JsonObject, ttlMs: number): Promise<void>;
  /** The copy of the card sent as `activityId` in `conversationId`, or null when there is none or it expired. */
  findSentCard(conversationId: string, activityId: string): Promise<JsonObject | null>;

  /**
   * Opens a case and enqueues its notifications in one transaction: both are stored or neither is. When a case with the
   * same `submissionKey` exists (also one another instance is opening at this moment), that case is returned instead,
   * nothing is stored and `notifications` is not called.
   */
  createCaseWithNotifications(input: NewCase, notifications: CaseNotifications): Promise<EscalationCase>;
  /** Finds a case by its id or its number (KL-2026-0042); null when there is none. */
  getCase(ref: string): Promise<EscalationCase | null>;
  /** Lists cases, oldest first, optionally only those with one status. */
  listCases(status?: CaseStatus): Promise<EscalationCase[]>;
  /**
   * Moves a case from status `from` to `to` (e.g. new -> claimed), merging `payloadPatch` into its payload.
   * Returns the updated case, or null when there is no such case or it is not in status `from`.
   */
  transitionCase(ref: string, from: CaseStatus, to: CaseStatus, payloadPatch?: Record<string, unknown>): Promise<EscalationCase | null>;
  /**
   * Deletes a case (by id or number) whatever its status, in one transaction with everything stored about it: its
   * outbox notifications (payload `caseId`), the conversation-log entries of its notifications (keys `<case id>:…`) and
   * the analytics events naming it (payload `case`). Returns the deleted case, or null when there is none. Its number is
   * not handed out again.
   */
  deleteCase(ref: string): Promise<EscalationCase | null>;
  /**
   * Deletes the cases resolved before `cutoff` (a case resolved before schema version 6 counts from its last change),
   * with their outbox notifications and conversation-log entries; open cases are kept. Returns how many cases went.
   */
  purgeResolvedCases(cutoff: Date): Promise<number>;

  /** Enqueues one notification; returns false (and stores nothing) when its idempotency key is already there. */
  enqueueOutbox(message: NewOutboxMessage): Promise<boolean>;
  /**
   * Claims up to `limit` unsent notifications of the given `kinds` due at `now` for one worker: each one's attempts go
   * up by one and it is not due again until `now + leaseMs` (so a worker that crashes mid-send lets another retry it
   * later). Notifications of other kinds are left untouched for a process that can deliver them.
   */
  claimDueOutbox(now: Date, limit: number, leaseMs: number, kinds: readonly string[]): Promise<OutboxMessage[]>;
  /** Marks a claimed notification as sent; it is never claimed again. */
  markOutboxSent(id: string, sentAt: Date): Promise<void>;
  /** Records a failed send; it is due again at `retryAt`, or never when `retryAt` is null (given up). */
  markOutboxFailed(id: string, error: string, retryAt: Date | null): Promise<void>;
  /** Hands a claimed, unsent notification back untried: its attempt is not counted and it is due again at `dueAt`. */
  releaseOutbox(id: string, dueAt: Date): Promise<void>;

  /** Notifications not yet sent: how many are waiting (or being retried), when the oldest was created, how many gave up. */
  outboxBacklog(): Promise<OutboxBacklog>;

  /** Appends an analytics event. */
  appendAnalyticsEvent(event: NewAnalyticsEvent): Promise<AnalyticsEvent>;
  /** Reads analytics events, oldest first. */
  listAnalyticsEvents(query?: AnalyticsQuery): Promise<AnalyticsEvent[]>;
  /** Deletes analytics events that happened before `cutoff`; returns how many went. */
  purgeAnalyticsOlderThan(cutoff: Date): Promise<number>;

  /** Reads one run-time setting (a JSON object), or null when it was never set. */
  getSetting(key: string): Promise<JsonObject | null>;
  /** Sets (or replaces) one run-time setting. */
  putSetting(key: string, value: JsonObject): Promise<void>;
  /**
   * Sets a setting only when it has no value yet, and returns the value now stored: `value`, or the one another
   * instance stored first (concurrent callers all get the same one).
   */
  putSettingIfAbsent(key: string, value: JsonObject): Promise<JsonObject>;

  /**
   * Appends entries to a conversation's log (the playground's history and notifications), skipping any whose key is
   * already there, and keeps only the conversation's newest `keep` entries.
   */
  appendConversationLog(conversationId: string, entries: NewLogEntry[], keep: number): Promise<void>;
  /** A conversation's log entries with `seq` above `afterSeq`, oldest first, at most `limit` (the newest ones when there are more). */
  readConversationLog(conversationId: string, afterSeq: number, limit: number): Promise<LogEntry[]>;

  /** Cheap round trip used by `/readyz`. Throws StoreUnavailableError when the store is down. */
  ping(): Promise<void>;
  /** Closes connections. */
  close(): Promise<void>;
}
