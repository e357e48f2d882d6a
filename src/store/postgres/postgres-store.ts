import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Logger } from 'pino';
import type { ConversationState } from '../../core/conversation-state.ts';
import { caseYear, formatCaseNumber } from '../case-number.ts';
import { assertOrdered, MIGRATIONS } from '../migrations/all-migrations.ts';
import type { Migration } from '../migrations/migration.ts';
import type {
  AnalyticsEvent,
  AnalyticsQuery,
  CaseStatus,
  EscalationCase,
  JsonObject,
  NewAnalyticsEvent,
  NewCase,
  NewOutboxMessage,
  OutboxMessage,
} from '../records.ts';
import { StoreUnavailableError, VersionConflictError, type CaseNotifications, type OutboxBacklog, type Store, type Versioned } from '../store.ts';
import { translatePgError } from './pg-errors.ts';
import { migratePostgres } from './pg-migrate.ts';
import { toAnalytics, toCase, toOutbox, type AnalyticsRow, type CaseRow, type OutboxRow } from './pg-rows.ts';

/** How to reach PostgreSQL. */
export interface PostgresStoreOptions {
  /** A `postgres://` URL (DATABASE_URL). */
  connectionString: string;
  /** Pool size per instance (default 10). */
  maxConnections?: number;
  /** How long to wait for a connection before the store counts as down (default 5000 ms). */
  connectTimeoutMs?: number;
  /** Where to report errors of idle connections (e.g. the server restarted); they never crash the process. */
  logger?: Logger;
  /** Migrations to apply (the full list by default; tests pass others). */
  migrations?: readonly Migration[];
}

type Queryable = pg.Pool | pg.PoolClient;

/** The store for several instances: a `pg` pool that reconnects on its own once the server is back. */
export class PostgresStore implements Store {
  private readonly pool: pg.Pool;
  private readonly migrations: readonly Migration[];

  /** Creates the pool; no connection is made until the first call. */
  /** Analytics events waiting for the next flush, with their ids and their callers' promises. */
  private queuedAnalytics: { id: string; event: NewAnalyticsEvent; resolve: (event: AnalyticsEvent) => void; reject: (error: unknown) => void }[] = [];

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
    const [row] = await this.query<{ state: ConversationState; version: number }>(
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
        ? await this.query<{ version: number }>(
            this.pool,
            `INSERT INTO conversations (id, state, version, updated_at) VALUES ($1, $2::jsonb, 1, $3)
             ON CONFLICT (id) DO NOTHING RETURNING version`,
            [conversationId, json, new Date()],
          )
        : await this.query<{ version: number }>(
            this.pool,
            `UPDATE conversations SET state = $2::jsonb, version = version + 1, updated_at = $3
             WHERE id = $1 AND version = $4 RETURNING version`,
            [conversationId, json, new Date(), expectedVersion],
          );
    if (!row) throw new VersionConflictError(conversationId);
    return row.version;
  }

  async markEventSeen(eventId: string, ttlMs: number): Promise<boolean> {
    const now = new Date();
    // Inserts a new id, or takes over an expired one; a live id is left alone and returns no row.
    const rows = await this.query(
      this.pool,
      `INSERT INTO seen_events (id, expires_at) VALUES ($1, $2)
       ON CONFLICT (id) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE seen_events.expires_at <= $3
       RETURNING id`,
      [eventId, new Date(now.getTime() + ttlMs), now],
    );
    return rows.length === 1;
  }

  async purgeExpired(now: Date, stateTtlMs: number): Promise<number> {
    const [row] = await this.query<{ n: number }>(
      this.pool,
      `WITH states AS (DELETE FROM conversations WHERE updated_at < $1 RETURNING 1),
            seen AS (DELETE FROM seen_events WHERE expires_at <= $2 RETURNING 1)
       SELECT ((SELECT count(*) FROM states) + (SELECT count(*) FROM seen))::int AS n`,
      [new Date(now.getTime() - stateTtlMs), now],
    );
    return row?.n ?? 0;
  }

  async createCaseWithNotifications(input: NewCase, notifications: CaseNotifications): Promise<EscalationCase> {
    return this.transaction(async (client) => {
      const createdAt = input.createdAt ?? new Date();
      const year = caseYear(createdAt);
      // The upsert locks this year's counter row until commit, so numbers are handed out one at a time.
      const [counter] = await this.query<{ last_value: number }>(
        client,
        `INSERT INTO case_sequences (year, last_value) VALUES ($1, 1)
         ON CONFLICT (year) DO UPDATE SET last_value = case_sequences.last_value + 1 RETURNING last_value`,
        [year],
      );
      const seq = counter?.last_value ?? 1;
      const [row] = await this.query<CaseRow>(
        client,
        `INSERT INTO escalation_cases (id, number, year, seq, status, payload, created_at, updated_at)
         VALUES ($1, $2, $3, $4, 'new', $5::jsonb, $6, $6) RETURNING *`,
        [randomUUID(), formatCaseNumber(year, seq), year, seq, JSON.stringify(input.payload), createdAt],
      );
      if (!row) throw new Error('Inserting an escalation case returned no row; check the escalation_cases table.');
      const created = toCase(row);
      for (const message of notifications(created)) await this.insertOutbox(client, message);
      return created;
    });
  }

  async getCase(ref: string): Promise<EscalationCase | null> {
    const [row] = await this.query<CaseRow>(this.pool, 'SELECT * FROM escalation_cases WHERE id = $1 OR number = $1', [ref]);
    return row ? toCase(row) : null;
  }

  async listCases(status?: CaseStatus): Promise<EscalationCase[]> {
    const rows = await this.query<CaseRow>(
      this.pool,
      'SELECT * FROM escalation_cases WHERE $1::text IS NULL OR status = $1 ORDER BY created_at, year, seq',
      [status ?? null],
    );
    return rows.map(toCase);
  }

  async transitionCase(ref: string, from: CaseStatus, to: CaseStatus, payloadPatch: Record<string, unknown> = {}): Promise<EscalationCase | null> {
    const [row] = await this.query<CaseRow>(
      this.pool,
      `UPDATE escalation_cases SET status = $3, payload = payload || $4::jsonb, updated_at = $5
       WHERE (id = $1 OR number = $1) AND status = $2 RETURNING *`,
      [ref, from, to, JSON.stringify(payloadPatch), new Date()],
    );
    return row ? toCase(row) : null;
  }

  async enqueueOutbox(message: NewOutboxMessage): Promise<boolean> {
    return this.insertOutbox(this.pool, message);
  }

  async claimDueOutbox(now: Date, limit: number, leaseMs: number, kinds: readonly string[]): Promise<OutboxMessage[]> {
    if (kinds.length === 0) return [];
    // SKIP LOCKED lets several workers claim at once without waiting for, or double-claiming, each other's rows.
    const rows = await this.query<OutboxRow>(
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
    const [row] = await this.query<{ pending: string; oldest: Date | null; given_up: string }>(
      this.pool,
      `SELECT COUNT(next_attempt_at) AS pending, MIN(created_at) FILTER (WHERE next_attempt_at IS NOT NULL) AS oldest,
              COUNT(*) - COUNT(next_attempt_at) AS given_up
       FROM outbox WHERE sent_at IS NULL`,
    );
    return { pending: Number(row?.pending ?? 0), oldestPendingAt: row?.oldest ?? null, givenUp: Number(row?.given_up ?? 0) };
  }

  async markOutboxSent(id: string, sentAt: Date): Promise<void> {
    await this.query(this.pool, 'UPDATE outbox SET sent_at = $2, next_attempt_at = NULL WHERE id = $1', [id, sentAt]);
  }

  async markOutboxFailed(id: string, error: string, retryAt: Date | null): Promise<void> {
    await this.query(this.pool, 'UPDATE outbox SET last_error = $2, next_attempt_at = $3 WHERE id = $1 AND sent_at IS NULL', [id, error, retryAt]);
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
      const rows = await this.query<AnalyticsRow>(
        this.pool,
        `INSERT INTO analytics_events (id, at, type, payload)
         SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::jsonb[]) RETURNING *`,
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
    const rows = await this.query<AnalyticsRow>(
      this.pool,
      `SELECT * FROM analytics_events
       WHERE ($1::timestamptz IS NULL OR at >= $1) AND ($2::timestamptz IS NULL OR at < $2) AND ($3::text IS NULL OR type = $3)
       ORDER BY at, id`,
      [query.since ?? null, query.until ?? null, query.type ?? null],
    );
    return rows.map(toAnalytics);
  }

  async purgeAnalyticsOlderThan(cutoff: Date): Promise<number> {
    const rows = await this.query(this.pool, 'DELETE FROM analytics_events WHERE at < $1 RETURNING 1', [cutoff]);
    return rows.length;
  }

  async getSetting(key: string): Promise<JsonObject | null> {
    const [row] = await this.query<{ value: JsonObject }>(this.pool, 'SELECT value FROM settings WHERE key = $1', [key]);
    return row?.value ?? null;
  }

  async putSetting(key: string, value: JsonObject): Promise<void> {
    await this.query(
      this.pool,
      `INSERT INTO settings (key, value, updated_at) VALUES ($1, $2::jsonb, $3)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at`,
      [key, JSON.stringify(value), new Date()],
    );
  }

  async ping(): Promise<void> {
    await this.query(this.pool, 'SELECT 1');
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }

  private async insertOutbox(db: Queryable, message: NewOutboxMessage): Promise<boolean> {
    const now = new Date();
    const rows = await this.query(
      db,
      `INSERT INTO outbox (id, idempotency_key, kind, payload, attempts, next_attempt_at, created_at)
       VALUES ($1, $2, $3, $4::jsonb, 0, $5, $6) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
      [randomUUID(), message.idempotencyKey, message.kind, JSON.stringify(message.payload), message.notBefore ?? now, now],
    );
    return rows.length === 1;
  }

  /** Runs one statement, turning connection failures into StoreUnavailableError. */
  private async query<R extends object = object>(db: Queryable, sql: string, params: unknown[] = []): Promise<R[]> {
    try {
      const result = await db.query<R>(sql, params);
      return result.rows;
    } catch (error) {
      throw translatePgError(error);
    }
  }

  /** Runs `work` in one transaction on one connection; a connection that failed is discarded, not reused. */
  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw translatePgError(error);
    }
    let broken: Error | undefined;
    // A checked-out client has no pool listener: a connection cut between two queries would otherwise emit an
    // unhandled 'error' and crash the process. The next query fails with StoreUnavailableError instead.
    const onError = (error: Error): void => {
      broken = error;
    };
    client.on('error', onError);
    try {
      await this.query(client, 'BEGIN');
      const result = await work(client);
      await this.query(client, 'COMMIT');
      return result;
    } catch (error) {
      if (error instanceof StoreUnavailableError) broken = error;
      else await client.query('ROLLBACK').catch((e: unknown) => (broken = e instanceof Error ? e : new Error(String(e))));
      throw error;
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }
}
