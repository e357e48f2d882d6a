import type { JsonObject, LogEntry, LogKind, NewLogEntry } from '../records.ts';

/** Runs one parameterised query on the store's pool (errors translated) and returns its rows. */
export type PgQuery = <R extends object>(sql: string, params: unknown[]) => Promise<R[]>;

interface LogRow {
  seq: string;
  kind: LogKind;
  payload: JsonObject;
  at: Date;
}

/** The conversation log in PostgreSQL (see migration 5). */
export class PostgresConversationLog {
  constructor(private readonly query: PgQuery) {}

  /** Appends the entries (a known key is skipped), then keeps the conversation's newest `keep`. */
  async append(conversationId: string, entries: NewLogEntry[], keep: number): Promise<void> {
    for (const entry of entries) {
      await this.query(
        'INSERT INTO conversation_log (conversation_id, key, kind, payload, at) VALUES ($1, $2, $3, $4::jsonb, $5) ON CONFLICT (key) DO NOTHING',
        [conversationId, entry.key ?? null, entry.kind, JSON.stringify(entry.payload), entry.at ?? new Date()],
      );
    }
    await this.query(
      `DELETE FROM conversation_log WHERE conversation_id = $1 AND seq <= (
         SELECT seq FROM conversation_log WHERE conversation_id = $1 ORDER BY seq DESC LIMIT 1 OFFSET $2
       )`,
      [conversationId, keep],
    );
  }

  /** The entries after `afterSeq`, oldest first, at most `limit` (the newest). */
  async read(conversationId: string, afterSeq: number, limit: number): Promise<LogEntry[]> {
    const rows = await this.query<LogRow>(
      'SELECT * FROM (SELECT seq, kind, payload, at FROM conversation_log WHERE conversation_id = $1 AND seq > $2 ORDER BY seq DESC LIMIT $3) AS newest ORDER BY seq',
      [conversationId, afterSeq, limit],
    );
    return rows.map((row) => ({ seq: Number(row.seq), kind: row.kind, payload: row.payload, at: row.at }));
  }
}
