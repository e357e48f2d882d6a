import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Logger } from 'pino';
import type { ConversationState } from '../../shared/conversation-state.ts';
import { caseYear, formatCaseNumber } from '../case-number.ts';
import { assertOrdered, MIGRATIONS } from '../migrations/all-migrations.ts';
import type { Migration } from '../migrations/migration.ts';
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
} from '../records.ts';
import { VersionConflictError, type CaseNotifications, type KeptForOpenCases, type OutboxBacklog, type Store, type Versioned } from '../store.ts';
import { isUniqueViolation, translatePgError } from './pg-errors.ts';
import { ASYNC_COMMIT } from './pg-async-commit.ts';
import { inTransaction, queryRows, type Queryable } from './pg-query.ts';
import { migratePostgres } from './pg-migrate.ts';
import { PostgresConversationLog } from './postgres-conversation-log.ts';
import { PostgresCaseDeletion } from './postgres-case-deletion.ts';
import { erasePostgresConversation } from './postgres-conversation-erasure.ts';
import { toAnalytics, toCase, toOutbox, type AnalyticsRow, type CaseRow, type OutboxRow } from './pg-rows.ts';

/** How to reach PostgreSQL. */
export interface PostgresStoreOptions {
  /** A `postgres://` URL (DATABASE_URL). */
  connectionString: string;
  /** Pool size per instance (DATABASE_POOL_MAX; default 10). */
  maxConnections?: number;
  /** How long to wait for a connection before the store counts as down (default 5000 ms). */
  connectTimeoutMs?: number;
  /** Where to report errors of idle connections (e.g. the server restarted); they never crash the process. */
  logger?: Logger;
  /** Migrations to apply (the full list by default; tests pass others). */
  migrations?: readonly Migration[];
}

/** The unique index that keeps one case per submission (migration 4). */
const SUBMISSION_KEY_INDEX = 'escalation_cases_submission_key';

/** The store for several instances: a `pg` pool that reconnects on its own once the server is back. */
export class PostgresStore implements Store {
  private readonly pool: pg.Pool;
  private readonly migrations: readonly Migration[];
  /** The playground's conversation log. */
  private readonly log = new PostgresConversationLog((sql, params) => queryRows(this.pool, sql, params));
  /** Deleting cases with what is stored about them. */
  private readonly deletion = new PostgresCaseDeletion((sql, params) => queryRows(this.pool, sql, params));

  /** Analytics events waiting for the next flush, with their ids and their callers' promises. */
  private queuedAnalytics: { id: string; event: NewAnalyticsEvent; resolve: (event: AnalyticsEvent) => void; reject: (error: unknown) => void }[] = [];

  /** Creates the pool; no connection is made until the first call. */
  constructor(options: PostgresStoreOptions) {
    this.migrations = options.migrations ?? MIGRATIONS;
    assertOrdered(this.migrations);
    this.pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.maxConnections ?? 10,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
      idleTimeoutMillis: 30_000,
      keepAlive: true,
    });
    // Without a listener an idle connection's error (server restart, network drop) would crash the process.
    this.pool.on('error', (error) => options.logger?.warn({ err: error }, 'PostgreSQL dropped an idle connection; the pool will reconnect'));
  }

  async migrate(): Promise<void> {
    try {
      await migratePostgres(this.pool, this.migrations);
    } catch (error) {
      throw translatePgError(error);
    }
  }

  async loadConversation(conversationId: string): Promise<Versioned<ConversationState> | null> {
    const [row] = await queryRows<{ state: ConversationState; version: number }>(
      this.pool,
      'SELECT state, version FROM conversations WHERE id = $1',
      [conversationId],
    );
    return row ? { value: row.state, version: row.version } : null;
  }

  async saveConversation(conversationId: string, state: ConversationState, expectedVersion: number | null): Promise<number> {
    const json = JSON.stringify(state);
    // A concurrent first insert waits for the other one to commit, then finds the conflict and returns no row.
    const [row] =
      expectedVersion === null
        ? await queryRows<{ version: number }>(
            this.pool,
            `INSERT INTO conversations (id, state, version, updated_at) SELECT $1::text, $2::jsonb, 1, $3::timestamptz WHERE ${ASYNC_COMMIT}
             ON CONFLICT (id) DO NOTHING RETURNING version`,
            [conversationId, json, new Date()],
          )
        : await queryRows<{ version: number }>(
            this.pool,
            `UPDATE conversations SET state = $2::jsonb, version = version + 1, updated_at = $3
             WHERE id = $1 AND version = $4 AND ${ASYNC_COMMIT} RETURNING version`,
            [conversationId, json, new Date(), expectedVersion],
          );
    if (!row) throw new VersionConflictError(conversationId);
    return row.version;
  }

  async markEventSeen(eventId: string, ttlMs: number): Promise<boolean> {
    const now = new Date();
    // Inserts a new id, or takes over an expired one; a live id is left alone and returns no row.
    const rows = await queryRows(
      this.pool,
      `INSERT INTO seen_events (id, expires_at) SELECT $1::text, $2::timestamptz WHERE ${ASYNC_COMMIT}
       ON CONFLICT (id) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE seen_events.expires_at <= $3
       RETURNING id`,
      [eventId, new Date(now.getTime() + ttlMs), now],
    );
    return rows.length === 1;
  }

  async deleteConversation(conversationId: string, keep?: KeptForOpenCases): Promise<number> {
    return erasePostgresConversation(this.pool, conversationId, keep);
  }

  async purgeExpired(now: Date, stateTtlMs: number): Promise<number> {
    const [row] = await queryRows<{ n: number }>(
      this.pool,
      `WITH states AS (DELETE FROM conversations WHERE updated_at < $1 RETURNING 1),
            seen AS (DELETE FROM seen_events WHERE expires_at <= $2 RETURNING 1),
            log AS (DELETE FROM conversation_log WHERE at < $1 RETURNING 1),
            cards AS (DELETE FROM sent_cards WHERE expires_at <= $2 RETURNING 1)
       SELECT ((SELECT count(*) FROM states) + (SELECT count(*) FROM seen) + (SELECT count(*) FROM log) + (SELECT count(*) FROM cards))::int AS n`,
      [new Date(now.getTime() - stateTtlMs), now],
    );
    return row?.n ?? 0;
  }

  async saveSentCard(conversationId: string, activityId: string, card: JsonObject, ttlMs: number): Promise<void> {
    await queryRows(
      this.pool,
      `INSERT INTO sent_cards (conversation_id, activity_id, card, expires_at) SELECT $1::text, $2::text, $3::jsonb, $4::timestamptz WHERE ${ASYNC_COMMIT}
       ON CONFLICT (conversation_id, activity_id) DO UPDATE SET card = EXCLUDED.card, expires_at = EXCLUDED.expires_at`,
      [conversationId, activityId, JSON.stringify(card), new Date(Date.now() + ttlMs)],
    );
  }

  async findSentCard(conversationId: string, activityId: string): Promise<JsonObject | null> {
    const [row] = await queryRows<{ card: JsonObject }>(
      this.pool,
      'SELECT card FROM sent_cards WHERE conversation_id = $1 AND activity_id = $2 AND expires_at > $3',
      [conversationId, activityId, new Date()],
    );
    return row?.card ?? null;
  }

  async createCaseWithNotifications(input: NewCase, notifications: CaseNotifications): Promise<EscalationCase> {
    const key = input.submissionKey;
    const existing = key === undefined ? null : await this.caseBySubmissionKey(key);
    if (existing) return existing;
    try {
      return await inTransaction(this.pool, async (client) => {
        const createdAt = input.createdAt ?? new Date();
        const year = caseYear(createdAt);
        // The upsert locks this year's counter row until commit, so numbers are handed out one at a time.
        const [counter] = await queryRows<{ last_value: number }>(
          client,
          `INSERT INTO case_sequences (year, last_value) VALUES ($1, 1)
           ON CONFLICT (year) DO UPDATE SET last_value = case_sequences.last_value + 1 RETURNING last_value`,
          [year],
        );
        const seq = counter?.last_value ?? 1;
        const values = [randomUUID(), formatCaseNumber(year, seq, input.numberPrefix), year, seq, JSON.stringify(input.payload), createdAt];
        // The key column is named only when there is a key, so a database not yet migrated to version 4 takes keyless cases.
        const [row] =
          key === undefined
            ? await queryRows<CaseRow>(client, `INSERT INTO escalation_cases (id, number, year, seq, status, payload, created_at, updated_at) VALUES ($1, $2, $3, $4, 'new', $5::jsonb, $6, $6) RETURNING *`, values)
            : await queryRows<CaseRow>(
                client,
                `INSERT INTO escalation_cases (id, number, year, seq, status, payload, created_at, updated_at, submission_key) VALUES ($1, $2, $3, $4, 'new', $5::jsonb, $6, $6, $7) RETURNING *`,
                [...values, key],
              );
        if (!row) throw new Error('Inserting an escalation case returned no row; check the escalation_cases table.');
        const created = toCase(row);
        for (const message of notifications(created)) await this.insertOutbox(client, message);
        return created;
      });
    } catch (error) {
      // Another instance opened this submission's case between the look-up and the insert (its number rolled back here).
      const winner = key !== undefined && isUniqueViolation(error, SUBMISSION_KEY_INDEX) ? await this.caseBySubmissionKey(key) : null;
      if (winner) return winner;
      throw error;
    }
  }

  private async caseBySubmissionKey(key: string): Promise<EscalationCase | null> {
    const [row] = await queryRows<CaseRow>(this.pool, 'SELECT * FROM escalation_cases WHERE submission_key = $1', [key]);
    return row ? toCase(row) : null;
  }

  async getCase(ref: string): Promise<EscalationCase | null> {
    const [row] = await queryRows<CaseRow>(this.pool, 'SELECT * FROM escalation_cases WHERE id = $1 OR number = $1', [ref]);
    return row ? toCase(row) : null;
  }

  async listCases(status?: CaseStatus): Promise<EscalationCase[]> {
    const rows = await queryRows<CaseRow>(
      this.pool,
      'SELECT * FROM escalation_cases WHERE $1::text IS NULL OR status = $1 ORDER BY created_at, year, seq',
      [status ?? null],
    );
    return rows.map(toCase);
  }

  async transitionCase(ref: string, from: CaseStatus, to: CaseStatus, payloadPatch: Record<string, unknown> = {}): Promise<EscalationCase | null> {
    const [row] = await queryRows<CaseRow>(
      this.pool,
      // The resolved time is set when a case is resolved and kept while it stays resolved (a later delivery record does not move it).
      `UPDATE escalation_cases SET status = $3, payload = payload || $4::jsonb, updated_at = $5,
         resolved_at = CASE WHEN $3 = 'resolved' THEN COALESCE(resolved_at, $5) END
       WHERE (id = $1 OR number = $1) AND status = $2 RETURNING *`,
      [ref, from, to, JSON.stringify(payloadPatch), new Date()],
    );
    return row ? toCase(row) : null;
  }

  async deleteCase(ref: string): Promise<EscalationCase | null> {
    return this.deletion.deleteOne(ref);
  }

  async purgeResolvedCases(cutoff: Date): Promise<number> {
    return this.deletion.deleteResolvedBefore(cutoff);
  }

  async enqueueOutbox(message: NewOutboxMessage): Promise<boolean> {
    return this.insertOutbox(this.pool, message);
  }

  async claimDueOutbox(now: Date, limit: number, leaseMs: number, kinds: readonly string[]): Promise<OutboxMessage[]> {
    if (kinds.length === 0) return [];
    // SKIP LOCKED lets several workers claim at once without waiting for, or double-claiming, each other's rows.
    const rows = await queryRows<OutboxRow>(
      this.pool,
      `WITH claimed AS (
         UPDATE outbox SET attempts = attempts + 1, next_attempt_at = $1
         WHERE id IN (
           SELECT id FROM outbox
           WHERE sent_at IS NULL AND next_attempt_at <= $2 AND kind = ANY($4::text[])
           ORDER BY next_attempt_at, position LIMIT $3
           FOR UPDATE SKIP LOCKED
         )
         RETURNING *
       )
       SELECT * FROM claimed ORDER BY position`,
      [new Date(now.getTime() + leaseMs), now, limit, [...kinds]],
    );
    return rows.map(toOutbox);
  }

  async outboxBacklog(): Promise<OutboxBacklog> {
    const [row] = await queryRows<{ pending: string; oldest: Date | null; given_up: string }>(
      this.pool,
      `SELECT COUNT(next_attempt_at) AS pending, MIN(created_at) FILTER (WHERE next_attempt_at IS NOT NULL) AS oldest,
              COUNT(*) - COUNT(next_attempt_at) AS given_up
       FROM outbox WHERE sent_at IS NULL`,
    );
    return { pending: Number(row?.pending ?? 0), oldestPendingAt: row?.oldest ?? null, givenUp: Number(row?.given_up ?? 0) };
  }

  async markOutboxSent(id: string, sentAt: Date): Promise<void> {
    await queryRows(this.pool, 'UPDATE outbox SET sent_at = $2, next_attempt_at = NULL WHERE id = $1', [id, sentAt]);
  }

  async markOutboxFailed(id: string, error: string, retryAt: Date | null): Promise<void> {
    await queryRows(this.pool, 'UPDATE outbox SET last_error = $2, next_attempt_at = $3 WHERE id = $1 AND sent_at IS NULL', [id, error, retryAt]);
  }

  async releaseOutbox(id: string, dueAt: Date): Promise<void> {
    await queryRows(
      this.pool,
      'UPDATE outbox SET attempts = GREATEST(attempts - 1, 0), next_attempt_at = $2 WHERE id = $1 AND sent_at IS NULL AND next_attempt_at IS NOT NULL',
      [id, dueAt],
    );
  }

  async appendAnalyticsEvent(event: NewAnalyticsEvent): Promise<AnalyticsEvent> {
    // Events appended in the same event-loop turn go in one INSERT: one round trip and one commit instead of one each.
    return new Promise<AnalyticsEvent>((resolve, reject) => {
      this.queuedAnalytics.push({ id: randomUUID(), event, resolve, reject });
      if (this.queuedAnalytics.length === 1) setImmediate(() => void this.flushAnalytics());
    });
  }

  /** Inserts the queued analytics events in one statement and settles each caller's promise. */
  private async flushAnalytics(): Promise<void> {
    const batch = this.queuedAnalytics;
    this.queuedAnalytics = [];
    try {
      const rows = await queryRows<AnalyticsRow>(
        this.pool,
        `INSERT INTO analytics_events (id, at, type, payload)
         SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::jsonb[]) WHERE ${ASYNC_COMMIT} RETURNING *`,
        [batch.map((q) => q.id), batch.map((q) => q.event.at ?? new Date()), batch.map((q) => q.event.type), batch.map((q) => JSON.stringify(q.event.payload))],
      );
      const byId = new Map(rows.map((row) => [row.id, row]));
      for (const queued of batch) {
        const row = byId.get(queued.id);
        if (row) queued.resolve(toAnalytics(row));
        else queued.reject(new Error('Inserting an analytics event returned no row; check the analytics_events table.'));
      }
    } catch (error) {
      for (const queued of batch) queued.reject(error);
    }
  }

  async listAnalyticsEvents(query: AnalyticsQuery = {}): Promise<AnalyticsEvent[]> {
    const rows = await queryRows<AnalyticsRow>(
      this.pool,
      `SELECT * FROM analytics_events
       WHERE ($1::timestamptz IS NULL OR at >= $1) AND ($2::timestamptz IS NULL OR at < $2) AND ($3::text IS NULL OR type = $3)
       ORDER BY at, id`,
      [query.since ?? null, query.until ?? null, query.type ?? null],
    );
    return rows.map(toAnalytics);
  }

  async purgeAnalyticsOlderThan(cutoff: Date): Promise<number> {
    const rows = await queryRows(this.pool, 'DELETE FROM analytics_events WHERE at < $1 RETURNING 1', [cutoff]);
    return rows.length;
  }

  async getSetting(key: string): Promise<JsonObject | null> {
    const [row] = await queryRows<{ value: JsonObject }>(this.pool, 'SELECT value FROM settings WHERE key = $1', [key]);
    return row?.value ?? null;
  }

  async putSetting(key: string, value: JsonObject): Promise<void> {
    await queryRows(
      this.pool,
      `INSERT INTO settings (key, value, updated_at) VALUES ($1, $2::jsonb, $3)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at`,
      [key, JSON.stringify(value), new Date()],
    );
  }

  async appendConversationLog(conversationId: string, entries: NewLogEntry[], keep: number): Promise<void> {
    await this.log.append(conversationId, entries, keep);
  }

  async readConversationLog(conversationId: string, afterSeq: number, limit: number): Promise<LogEntry[]> {
    return this.log.read(conversationId, afterSeq, limit);
  }

  async putSettingIfAbsent(key: string, value: JsonObject): Promise<JsonObject> {
    // A concurrent insert of the same key waits for the first to commit and then does nothing; the read sees the winner.
    await queryRows(this.pool, 'INSERT INTO settings (key, value, updated_at) VALUES ($1, $2::jsonb, $3) ON CONFLICT (key) DO NOTHING', [key, JSON.stringify(value), new Date()]);
    const [row] = await queryRows<{ value: JsonObject }>(this.pool, 'SELECT value FROM settings WHERE key = $1', [key]);
    if (!row) throw new Error(`The setting "${key}" was stored but cannot be read back; check the settings table.`);
    return row.value;
  }

  async ping(): Promise<void> {
    await queryRows(this.pool, 'SELECT 1');
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }

  private async insertOutbox(db: Queryable, message: NewOutboxMessage): Promise<boolean> {
    const now = new Date();
    const rows = await queryRows(
      db,
      `INSERT INTO outbox (id, idempotency_key, kind, payload, attempts, next_attempt_at, created_at)
       VALUES ($1, $2, $3, $4::jsonb, 0, $5, $6) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
      [randomUUID(), message.idempotencyKey, message.kind, JSON.stringify(message.payload), message.notBefore ?? now, now],
    );
    return rows.length === 1;
  }
}
