import type Database from 'better-sqlite3';
import type { LogEntry, LogKind, NewLogEntry } from '../records.ts';
import { parseJson } from './sqlite-rows.ts';

/** A row of `conversation_log` as SQLite returns it. */
interface LogRow {
  seq: number;
  kind: LogKind;
  payload: string;
  at: number;
}

const INSERT = 'INSERT INTO conversation_log (conversation_id, key, kind, payload, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING';
const TRIM = `DELETE FROM conversation_log WHERE conversation_id = ? AND seq <= (
  SELECT seq FROM conversation_log WHERE conversation_id = ? ORDER BY seq DESC LIMIT 1 OFFSET ?
)`;
const SELECT = 'SELECT * FROM (SELECT * FROM conversation_log WHERE conversation_id = ? AND seq > ? ORDER BY seq DESC LIMIT ?) ORDER BY seq';

/** The conversation log in SQLite (see migration 5); synchronous, called inside the store's error translation. */
export class SqliteConversationLog {
  /** `statement` prepares (once) and returns the store's cached statement for an SQL text. */
  constructor(
    private readonly db: Database.Database,
    private readonly statement: (sql: string) => Database.Statement,
  ) {}

  /** Appends the entries (a known key is skipped) and keeps the conversation's newest `keep`, in one transaction. */
  append(conversationId: string, entries: NewLogEntry[], keep: number): void {
    this.db.transaction(() => {
      for (const entry of entries) this.statement(INSERT).run(conversationId, entry.key ?? null, entry.kind, JSON.stringify(entry.payload), (entry.at ?? new Date()).getTime());
      this.statement(TRIM).run(conversationId, conversationId, keep);
    })();
  }

  /** The entries after `afterSeq`, oldest first, at most `limit` (the newest). */
  read(conversationId: string, afterSeq: number, limit: number): LogEntry[] {
    const rows = this.statement(SELECT).all(conversationId, afterSeq, limit) as LogRow[];
    return rows.map((row) => ({ seq: row.seq, kind: row.kind, payload: parseJson(row.payload), at: new Date(row.at) }));
  }
}
