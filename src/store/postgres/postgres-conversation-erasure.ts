import type pg from 'pg';
import type { ConversationState } from '../../shared/conversation-state.ts';
import type { KeptForOpenCases } from '../store.ts';
import { inTransaction, queryRows } from './pg-query.ts';

/** A conversation's log entries except the notices of the cases in $2 (keys `<case id>:…`; a case id holds no colon). */
const LOG_NOT_KEPT = `WITH gone AS (DELETE FROM conversation_log WHERE conversation_id = $1
    AND NOT (position(':' in COALESCE(key, '')) > 0 AND split_part(key, ':', 1) = ANY($2::text[])) RETURNING 1)
  SELECT count(*)::int AS n FROM gone`;

/** How many rows a `WITH gone AS (DELETE … RETURNING 1) SELECT count(*)::int AS n FROM gone` statement deleted. */
async function deletedBy(client: pg.PoolClient, sql: string, params: unknown[]): Promise<number> {
  const [row] = await queryRows<{ n: number }>(client, sql, params);
  return row?.n ?? 0;
}

/**
 * Erases one conversation in PostgreSQL, in one transaction: its state (or, with `keep`, replaces it by the state kept,
 * the row locked meanwhile), its log but the kept cases' notices, and its sent cards; returns how many rows went.
 */
export function erasePostgresConversation(pool: pg.Pool, conversationId: string, keep?: KeptForOpenCases): Promise<number> {
  return inTransaction(pool, async (client) => {
    let deleted = 0;
    if (keep) {
      const [row] = await queryRows<{ state: ConversationState }>(client, 'SELECT state FROM conversations WHERE id = $1 FOR UPDATE', [conversationId]);
      if (row) await queryRows(client, 'UPDATE conversations SET state = $2::jsonb, version = version + 1 WHERE id = $1', [conversationId, JSON.stringify(keep.state(row.state))]);
    } else {
      deleted += await deletedBy(client, 'WITH gone AS (DELETE FROM conversations WHERE id = $1 RETURNING 1) SELECT count(*)::int AS n FROM gone', [conversationId]);
    }
    deleted += await deletedBy(client, LOG_NOT_KEPT, [conversationId, keep?.caseIds ?? []]);
    deleted += await deletedBy(client, 'WITH gone AS (DELETE FROM sent_cards WHERE conversation_id = $1 RETURNING 1) SELECT count(*)::int AS n FROM gone', [conversationId]);
    return deleted;
  });
}
