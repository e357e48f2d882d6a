/** A JSON object stored as-is (payloads of cases, notifications and analytics events). */
export type JsonObject = Record<string, unknown>;

/** Life cycle of an escalation case. */
export type CaseStatus = 'new' | 'claimed' | 'resolved';

/** A conversation handed to a human KL consultant. */
export interface EscalationCase {
  id: string;
  /** Human-readable number with a per-year sequence, e.g. KL-2026-0042 (the prefix is CASE_PREFIX); unique per database. */
  number: string;
  status: CaseStatus;
  payload: JsonObject;
  createdAt: Date;
  updatedAt: Date;
}

/** What a caller supplies to open a case. */
export interface NewCase {
  payload: JsonObject;
  /** Creation time (decides the year of the case number); now when omitted. */
  createdAt?: Date;
  /** The case number's prefix (CASE_PREFIX, e.g. "KL" in KL-2026-0042); "KL" when omitted. */
  numberPrefix?: string;
  /** Identifies the submission that opens the case: the database keeps one case per key (see Store). */
  submissionKey?: string;
}

/** A notification to be sent by the outbox worker. */
export interface NewOutboxMessage {
  /** Unique per notification; enqueueing the same key twice stores it once. */
  idempotencyKey: string;
  /** What kind of notification this is (e.g. "slack-consultant", "email"); the worker dispatches on it. */
  kind: string;
  payload: JsonObject;
  /** Earliest time to send; now when omitted. */
  notBefore?: Date;
}

/** A stored outbox notification. */
export interface OutboxMessage {
  id: string;
  idempotencyKey: string;
  kind: string;
  payload: JsonObject;
  /** How many times it has been claimed for sending. */
  attempts: number;
  /** When it is next due; null once sent or given up. */
  nextAttemptAt: Date | null;
  sentAt: Date | null;
  lastError: string | null;
  createdAt: Date;
}

/** One analytics event (no personal data; later issues decide what goes in the payload). */
export interface AnalyticsEvent {
  id: string;
  at: Date;
  type: string;
  payload: JsonObject;
}

/** What a caller supplies to record an analytics event. */
export interface NewAnalyticsEvent {
  type: string;
  payload: JsonObject;
  /** When it happened; now when omitted. */
  at?: Date;
}

/** Filter for reading analytics events: `since` inclusive, `until` exclusive. */
export interface AnalyticsQuery {
  since?: Date;
  until?: Date;
  type?: string;
}

/** What a conversation log entry records: the user's turn, the bot's reply, or a notification pushed later. */
export type LogKind = 'user' | 'bot' | 'notification';

/** What a caller supplies to append to a conversation's log (already redacted). */
export interface NewLogEntry {
  kind: LogKind;
  payload: JsonObject;
  /** Unique across the log; appending an entry whose key is already there stores nothing (a redelivered notification). */
  key?: string;
  /** When it happened; now when omitted. */
  at?: Date;
}

/** A stored conversation log entry; `seq` increases with every entry written. */
export interface LogEntry {
  seq: number;
  kind: LogKind;
  payload: JsonObject;
  at: Date;
}
