import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
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
import { openSqlite } from './open-sqlite.ts';
import { translateSqliteError } from './sqlite-errors.ts';
import { migrateSqlite } from './sqlite-migrate.ts';
import { parseJson, toAnalytics, toCase, toOutbox, type AnalyticsRow, type CaseRow, type OutboxRow } from './sqlite-rows.ts';
import { SqliteConversationLog } from './sqlite-conversation-log.ts';
import { SqliteCaseDeletion } from './sqlite-case-deletion.ts';
import { eraseSqliteConversation } from './sqlite-conversation-erasure.ts';

/** The embedded store: one SQLite file (WAL mode) shared by every process that opens the same path. */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  /** Prepared statements by SQL text: preparing costs more than running most of these queries. */
  private readonly statements = new Map<string, Database.Statement>();
  /** Analytics events waiting for the next flush, each with the settling of its caller's promise. */
  private queuedAnalytics: { event: AnalyticsEvent; settle: (error?: unknown) => void }[] = [];
  /** The playground's conversation log. */
  private readonly log: SqliteConversationLog;
  /** Deleting cases with what is stored about them. */
  private readonly deletion: SqliteCaseDeletion;

  /** Opens the file at `path` (created with its directory on first run); `:memory:` for a private in-memory database. */
  constructor(
    path: string,
    private readonly migrations: readonly Migration[] = MIGRATIONS,
  ) {
    assertOrdered(migrations);
    this.db = openSqlite(path);
    this.log = new SqliteConversationLog(this.db, (text) => this.sql(text));
    this.deletion = new SqliteCaseDeletion(this.db, (text) => this.sql(text));
  }

  async migrate(): Promise<void> {
    return this.run(() => migrateSqlite(this.db, this.migrations));
  }

  async loadConversation(conversationId: string): Promise<Versioned<ConversationState> | null> {
    return this.run(() => {
      const row = this.sql('SELECT state, version FROM conversations WHERE id = ?').get(conversationId) as
        | { state: string; version: number }
        | undefined;
      return row ? { value: JSON.parse(row.state) as ConversationState, version: row.version } : null;
    });
  }

  async saveConversation(conversationId: string, state: ConversationState, expectedVersion: number | null): Promise<number> {
    const row = await this.run(() => {
      const json = JSON.stringify(state);
      const now = Date.now();
      const row: unknown =
        expectedVersion === null
          ? this.sql('INSERT INTO conversations (id, state, version, updated_at) VALUES (?, ?, 1, ?) ON CONFLICT (id) DO NOTHING RETURNING version').get(conversationId, json, now)
          : this.sql('UPDATE conversations SET state = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ? RETURNING version').get(json, now, conversationId, expectedVersion);
      return row as { version: number } | undefined;
    });
    if (!row) throw new VersionConflictError(conversationId);
    return row.version;
  }

  async markEventSeen(eventId: string, ttlMs: number): Promise<boolean> {
    return this.run(() => {
      const now = Date.now();
      // Inserts a new id, or takes over an expired one; a live id is left alone and returns no row.
      const row = this.sql(
        `INSERT INTO seen_events (id, expires_at) VALUES (?, ?)
           ON CONFLICT (id) DO UPDATE SET expires_at = excluded.expires_at WHERE seen_events.expires_at <= ?
           RETURNING id`,
        )
        .get(eventId, now + ttlMs, now);
      return row !== undefined;
    });
  }

  async deleteConversation(conversationId: string, keep?: KeptForOpenCases): Promise<number> {
    return this.run(() => eraseSqliteConversation(this.db, (text) => this.sql(text), conversationId, keep));
  }

  async purgeExpired(now: Date, stateTtlMs: number): Promise<number> {
    return this.run(() =>
      this.db.transaction(() => {
        const states = this.sql('DELETE FROM conversations WHERE updated_at < ?').run(now.getTime() - stateTtlMs);
        const seen = this.sql('DELETE FROM seen_events WHERE expires_at <= ?').run(now.getTime());
        const log = this.sql('DELETE FROM conversation_log WHERE at < ?').run(now.getTime() - stateTtlMs);
        const cards = this.sql('DELETE FROM sent_cards WHERE expires_at <= ?').run(now.getTime());
        return states.changes + seen.changes + log.changes + cards.changes;
      })(),
    );
  }

  async saveSentCard(conversationId: string, activityId: string, card: JsonObject, ttlMs: number): Promise<void> {
    this.run(() =>
      this.sql(
        `INSERT INTO sent_cards (conversation_id, activity_id, card, expires_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (conversation_id, activity_id) DO UPDATE SET card = excluded.card, expires_at = excluded.expires_at`,
      ).run(conversationId, activityId, JSON.stringify(card), Date.now() + ttlMs),
    );
  }

  async findSentCard(conversationId: string, activityId: string): Promise<JsonObject | null> {
    return this.run(() => {
      const row = this.sql('SELECT card FROM sent_cards WHERE conversation_id = ? AND activity_id = ? AND expires_at > ?').get(conversationId, activityId, Date.now()) as
        | { card: string }
        | undefined;
      return row ? parseJson(row.card) : null;
    });
  }

  async createCaseWithNotifications(input: NewCase, notifications: CaseNotifications): Promise<EscalationCase> {
    return this.run(() =>
      this.db
        .transaction(() => {
          // The write transaction runs alone (IMMEDIATE), so a case this one would duplicate is found here.
          const existing = input.submissionKey === undefined ? undefined : (this.sql('SELECT * FROM escalation_cases WHERE submission_key = ?').get(input.submissionKey) as CaseRow | undefined);
          if (existing) return toCase(existing);
          const createdAt = input.createdAt ?? new Date();
          const year = caseYear(createdAt);
          const { last_value: seq } = this.sql(
              `INSERT INTO case_sequences (year, last_value) VALUES (?, 1)
               ON CONFLICT (year) DO UPDATE SET last_value = last_value + 1 RETURNING last_value`,
            )
            .get(year) as { last_value: number };
          const created: EscalationCase = {
            id: randomUUID(),
            number: formatCaseNumber(year, seq, input.numberPrefix),
            status: 'new',
            payload: input.payload,
            createdAt,
            updatedAt: createdAt,
          };
          const values = [created.id, created.number, year, seq, JSON.stringify(created.payload), createdAt.getTime(), createdAt.getTime()];
          // The key column is named only when there is a key, so a database not yet migrated to version 4 takes keyless cases.
          if (input.submissionKey === undefined) {
            this.sql(`INSERT INTO escalation_cases (id, number, year, seq, status, payload, created_at, updated_at) VALUES (?, ?, ?, ?, 'new', ?, ?, ?)`).run(...values);
          } else {
            this.sql(`INSERT INTO escalation_cases (id, number, year, seq, status, payload, created_at, updated_at, submission_key) VALUES (?, ?, ?, ?, 'new', ?, ?, ?, ?)`)
              .run(...values, input.submissionKey);
          }
          for (const message of notifications(created)) this.insertOutbox(message);
          return created;
        })
        .immediate(),
    );
  }

  async getCase(ref: string): Promise<EscalationCase | null> {
    return this.run(() => {
      const row = this.sql('SELECT * FROM escalation_cases WHERE id = ? OR number = ?').get(ref, ref) as CaseRow | undefined;
      return row ? toCase(row) : null;
    });
  }

  async listCases(status?: CaseStatus): Promise<EscalationCase[]> {
    return this.run(() => {
      const order = 'ORDER BY created_at, year, seq';
      const rows = (
        status === undefined
          ? this.sql(`SELECT * FROM escalation_cases ${order}`).all()
          : this.sql(`SELECT * FROM escalation_cases WHERE status = ? ${order}`).all(status)
      ) as CaseRow[];
      return rows.map(toCase);
    });
  }

  async transitionCase(ref: string, from: CaseStatus, to: CaseStatus, payloadPatch: Record<string, unknown> = {}): Promise<EscalationCase | null> {
    return this.run(() =>
      this.db
        .transaction(() => {
          const row = this.sql('SELECT * FROM escalation_cases WHERE (id = ? OR number = ?) AND status = ?')
            .get(ref, ref, from) as CaseRow | undefined;
          if (!row) return null;
          const payload = JSON.stringify({ ...parseJson(row.payload), ...payloadPatch });
          // The resolved time is set when a case is resolved and kept while it stays resolved (a later delivery record does not move it).
          const updated = this.sql(
            `UPDATE escalation_cases SET status = @to, payload = @payload, updated_at = @now,
               resolved_at = CASE WHEN @to = 'resolved' THEN COALESCE(resolved_at, @now) END
             WHERE id = @id RETURNING *`,
          ).get({ to, payload, now: Date.now(), id: row.id }) as CaseRow;
          return toCase(updated);
        })
        .immediate(),
    );
  }

  async deleteCase(ref: string): Promise<EscalationCase | null> {
    this.flushAnalytics();
    return this.run(() => this.deletion.deleteOne(ref));
  }

  async purgeResolvedCases(cutoff: Date): Promise<number> {
    return this.run(() => this.deletion.deleteResolvedBefore(cutoff));
  }

  async enqueueOutbox(message: NewOutboxMessage): Promise<boolean> {
    return this.run(() => this.insertOutbox(message));
  }

  async claimDueOutbox(now: Date, limit: number, leaseMs: number, kinds: readonly string[]): Promise<OutboxMessage[]> {
    if (kinds.length === 0) return [];
    return this.run(() => {
      // One statement, so SQLite's single writer makes the claim atomic across processes. The kinds go in as one JSON
      // array, so the statement text (and its cached prepared statement) is the same for any number of kinds.
      const rows = this.sql(
          `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?
           WHERE id IN (
             SELECT id FROM outbox
             WHERE sent_at IS NULL AND next_attempt_at IS NOT NULL AND next_attempt_at <= ?
               AND kind IN (SELECT value FROM json_each(?))
             ORDER BY next_attempt_at, rowid LIMIT ?
           )
           RETURNING rowid AS position, *`,
        )
        .all(now.getTime() + leaseMs, now.getTime(), JSON.stringify(kinds), limit) as (OutboxRow & { position: number })[];
      return rows.sort((a, b) => a.position - b.position).map(toOutbox);
    });
  }

  async outboxBacklog(): Promise<OutboxBacklog> {
    return this.run(() => {
      const row = this.sql(
        `SELECT COUNT(next_attempt_at) AS pending, MIN(CASE WHEN next_attempt_at IS NOT NULL THEN created_at END) AS oldest,
                COUNT(*) - COUNT(next_attempt_at) AS given_up
         FROM outbox WHERE sent_at IS NULL`,
      ).get() as { pending: number; oldest: number | null; given_up: number };
      return { pending: row.pending, oldestPendingAt: row.oldest === null ? null : new Date(row.oldest), givenUp: row.given_up };
    });
  }

  async markOutboxSent(id: string, sentAt: Date): Promise<void> {
    this.run(() => this.sql('UPDATE outbox SET sent_at = ?, next_attempt_at = NULL WHERE id = ?').run(sentAt.getTime(), id));
  }

  async markOutboxFailed(id: string, error: string, retryAt: Date | null): Promise<void> {
    this.run(() =>
      this.sql('UPDATE outbox SET last_error = ?, next_attempt_at = ? WHERE id = ? AND sent_at IS NULL')
        .run(error, retryAt?.getTime() ?? null, id),
    );
  }

  async releaseOutbox(id: string, dueAt: Date): Promise<void> {
    this.run(() =>
      this.sql('UPDATE outbox SET attempts = MAX(attempts - 1, 0), next_attempt_at = ? WHERE id = ? AND sent_at IS NULL AND next_attempt_at IS NOT NULL')
        .run(dueAt.getTime(), id),
    );
  }

  async appendAnalyticsEvent(event: NewAnalyticsEvent): Promise<AnalyticsEvent> {
    const stored: AnalyticsEvent = { id: randomUUID(), at: event.at ?? new Date(), type: event.type, payload: event.payload };
    // Queued and written with the other events of this turn of the event loop in one transaction (one commit, not one each).
    await new Promise<void>((resolve, reject) => {
      if (this.queuedAnalytics.length === 0) setImmediate(() => this.flushAnalytics());
      this.queuedAnalytics.push({ event: stored, settle: (error) => (error === undefined ? resolve() : reject(error)) });
    });
    return stored;
  }

  async listAnalyticsEvents(query: AnalyticsQuery = {}): Promise<AnalyticsEvent[]> {
    this.flushAnalytics();
    return this.run(() => {
      const rows = this.sql(
          `SELECT * FROM analytics_events
           WHERE (@since IS NULL OR at >= @since) AND (@until IS NULL OR at < @until) AND (@type IS NULL OR type = @type)
           ORDER BY at, id`,
        )
        .all({ since: query.since?.getTime() ?? null, until: query.until?.getTime() ?? null, type: query.type ?? null }) as AnalyticsRow[];
      return rows.map(toAnalytics);
    });
  }

  async purgeAnalyticsOlderThan(cutoff: Date): Promise<number> {
    this.flushAnalytics();
    return this.run(() => this.sql('DELETE FROM analytics_events WHERE at < ?').run(cutoff.getTime()).changes);
  }

  async getSetting(key: string): Promise<JsonObject | null> {
    return this.run(() => {
      const row = this.sql('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
      return row ? parseJson(row.value) : null;
    });
  }

  async putSetting(key: string, value: JsonObject): Promise<void> {
    this.run(() =>
      this.sql('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at')
        .run(key, JSON.stringify(value), Date.now()),
    );
  }

  async appendConversationLog(conversationId: string, entries: NewLogEntry[], keep: number): Promise<void> {
    this.run(() => this.log.append(conversationId, entries, keep));
  }

  async readConversationLog(conversationId: string, afterSeq: number, limit: number): Promise<LogEntry[]> {
    return this.run(() => this.log.read(conversationId, afterSeq, limit));
  }

  async putSettingIfAbsent(key: string, value: JsonObject): Promise<JsonObject> {
    return this.run(() => {
      this.sql('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING').run(key, JSON.stringify(value), Date.now());
      const row = this.sql('SELECT value FROM settings WHERE key = ?').get(key) as { value: string };
      return parseJson(row.value);
    });
  }

  async ping(): Promise<void> {
    this.run(() => this.sql('SELECT 1').get());
  }

  async close(): Promise<void> {
    this.flushAnalytics();
    if (this.db.open) this.db.close();
  }

  private insertOutbox(message: NewOutboxMessage): boolean {
    const now = Date.now();
    const result = this.sql(
        `INSERT INTO outbox (id, idempotency_key, kind, payload, attempts, next_attempt_at, created_at)
         VALUES (?, ?, ?, ?, 0, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING`,
      )
      .run(randomUUID(), message.idempotencyKey, message.kind, JSON.stringify(message.payload), message.notBefore?.getTime() ?? now, now);
    return result.changes === 1;
  }

  /** Writes the queued analytics events in one transaction and settles their promises (all fail together). */
  private flushAnalytics(): void {
    const batch = this.queuedAnalytics;
    if (batch.length === 0) return;
    this.queuedAnalytics = [];
    try {
      this.run(() =>
        this.db.transaction(() => {
          const insert = this.sql('INSERT INTO analytics_events (id, at, type, payload) VALUES (?, ?, ?, ?)');
          for (const { event } of batch) insert.run(event.id, event.at.getTime(), event.type, JSON.stringify(event.payload));
        })(),
      );
      for (const item of batch) item.settle();
    } catch (error) {
      for (const item of batch) item.settle(error);
    }
  }

  /** The prepared statement for `text`, prepared once per store. */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /** Runs synchronous driver work, turning "cannot use the database" errors into StoreUnavailableError. */
  private run<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw translateSqliteError(error);
    }
  }
}
