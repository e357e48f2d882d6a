import type { AnalyticsEvent, CaseStatus, EscalationCase, JsonObject, OutboxMessage } from '../records.ts';

/** A row of `escalation_cases` as SQLite returns it. */
export interface CaseRow {
  id: string;
  number: string;
  status: CaseStatus;
  payload: string;
  created_at: number;
  updated_at: number;
}

/** A row of `outbox` as SQLite returns it. */
export interface OutboxRow {
  id: string;
  idempotency_key: string;
  kind: string;
  payload: string;
  attempts: number;
  next_attempt_at: number | null;
  sent_at: number | null;
  last_error: string | null;
  created_at: number;
}

/** A row of `analytics_events` as SQLite returns it. */
export interface AnalyticsRow {
  id: string;
  at: number;
  type: string;
  payload: string;
}

/** Parses a JSON column written by this store. */
export function parseJson(text: string): JsonObject {
  return JSON.parse(text) as JsonObject;
}

function dateOrNull(ms: number | null): Date | null {
  return ms === null ? null : new Date(ms);
}

/** Maps a case row to a record. */
export function toCase(row: CaseRow): EscalationCase {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    payload: parseJson(row.payload),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

/** Maps an outbox row to a record. */
export function toOutbox(row: OutboxRow): OutboxMessage {
  return {
    id: row.id,
    idempotencyKey: row.idempotency_key,
    kind: row.kind,
    payload: parseJson(row.payload),
    attempts: row.attempts,
    nextAttemptAt: dateOrNull(row.next_attempt_at),
    sentAt: dateOrNull(row.sent_at),
    lastError: row.last_error,
    createdAt: new Date(row.created_at),
  };
}

/** Maps an analytics row to a record. */
export function toAnalytics(row: AnalyticsRow): AnalyticsEvent {
  return { id: row.id, at: new Date(row.at), type: row.type, payload: parseJson(row.payload) };
}
