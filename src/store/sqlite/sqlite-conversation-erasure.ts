import type Database from 'better-sqlite3';
import type { ConversationState } from '../../shared/conversation-state.ts';
import type { KeptForOpenCases } from '../store.ts';

/** A conversation's log entries except the notices of the cases in the JSON array @kept (keys `<case id>:…`; a case id holds no colon). */
const LOG_NOT_KEPT = `DELETE FROM conversation_log WHERE conversation_id = @id
  AND NOT (instr(COALESCE(key, ''), ':') > 0 AND substr(key, 1, instr(key, ':') - 1) IN (SELECT value FROM json_each(@kept)))`;

/**
 * Erases one conversation in SQLite, in one write transaction: its state (or, with `keep`, replaces it by the state kept),
 * its log but the kept cases' notices, and its sent cards; returns how many rows went. Synchronous, called inside the
 * store's error translation; `statement` returns the store's cached statement for an SQL text.
 */
export function eraseSqliteConversation(db: Database.Database, statement: (sql: string) => Database.Statement, conversationId: string, keep?: KeptForOpenCases): number {
  return db
    .transaction(() => {
      let deleted = 0;
      if (keep) {
        const row = statement('SELECT state FROM conversations WHERE id = ?').get(conversationId) as { state: string } | undefined;
        if (row) statement('UPDATE conversations SET state = ?, version = version + 1 WHERE id = ?').run(JSON.stringify(keep.state(JSON.parse(row.state) as ConversationState)), conversationId);
      } else {
        deleted += statement('DELETE FROM conversations WHERE id = ?').run(conversationId).changes;
      }
      deleted += statement(LOG_NOT_KEPT).run({ id: conversationId, kept: JSON.stringify(keep?.caseIds ?? []) }).changes;
      deleted += statement('DELETE FROM sent_cards WHERE conversation_id = ?').run(conversationId).changes;
      return deleted;
    })
    .immediate();
}
