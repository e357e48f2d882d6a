import type { AnalyticsEvent, CaseStatus, EscalationCase, JsonObject, OutboxMessage } from '../records.ts';

/** A row of `escalation_cases` as pg returns it (TIMESTAMPTZ as Date, JSONB parsed). */
export interface CaseRow {
  id: string;
  number: string;
  status: CaseStatus;
  payload: JsonObject;
  created_at: Date;
  updated_at: Date;
}

/** A row of `outbox` as pg returns it. */
export interface OutboxRow {
  id: string;
  idempotency_key: string;
  kind: string;
  payload: JsonObject;
  attempts: number;
  next_attempt_at: Date | null;
  sent_at: Date | null;
  last_error: string | null;
  created_at: Date;
}

/** A row of `analytics_events` as pg returns it. */
export interface AnalyticsRow {
  id: string;
  at: Date;
  type: string;
  payload: JsonObject;
}

/** Maps a case row to a record. */
export function toCase(row: CaseRow): EscalationCase {
  return { id: row.id, number: row.number, status: row.status, payload: row.payload, createdAt: row.created_at, updatedAt: row.updated_at };
}

/** Maps an outbox row to a record. */
export function toOutbox(row: OutboxRow): OutboxMessage {
  return {
    id: row.id,
    idempotencyKey: row.idempotency_key,
    kind: row.kind,
    payload: row.payload,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    sentAt: row.sent_at,
    lastError: row.last_error,
    createdAt: row.created_at,
  };
}

/** Maps an analytics row to a record. */
export function toAnalytics(row: AnalyticsRow): AnalyticsEvent {
  return { id: row.id, at: row.at, type: row.type, payload: row.payload };
}
