import type { EscalationCase } from '../records.ts';
import type { PgQuery } from './postgres-conversation-log.ts';
import { toCase, type CaseRow } from './pg-rows.ts';

/**
 * One statement that deletes the cases `which` picks (a condition on escalation_cases) and what is stored about them:
 * their notifications and the log entries of those notifications (keyed `<case id>:…`; a case id holds no colon), plus
 * `extra` (more deletions reading `gone`). Data-modifying WITH clauses all run, in one snapshot, atomically.
 */
function deletion(which: string, extra = ''): string {
  return `WITH gone AS (DELETE FROM escalation_cases WHERE ${which} RETURNING *),
       gone_outbox AS (DELETE FROM outbox WHERE payload->>'caseId' IN (SELECT id FROM gone)),
       gone_log AS (DELETE FROM conversation_log WHERE split_part(key, ':', 1) IN (SELECT id FROM gone))${extra}`;
}

/** Deleting cases in PostgreSQL (an erasure request, or the retention purge). */
export class PostgresCaseDeletion {
  constructor(private readonly query: PgQuery) {}

  /** Deletes the case `ref` (id or number) with its notifications, their log entries and the analytics events naming it; null when there is none. */
  async deleteOne(ref: string): Promise<EscalationCase | null> {
    const events = `,
       gone_events AS (DELETE FROM analytics_events WHERE payload->>'case' IN (SELECT number FROM gone))`;
    const [row] = await this.query<CaseRow>(`${deletion('id = $1 OR number = $1', events)} SELECT * FROM gone`, [ref]);
    return row ? toCase(row) : null;
  }

  /** Deletes the cases resolved before `cutoff` (one resolved before migration 6 counts from its last change) with their notifications and log entries; returns how many cases went. */
  async deleteResolvedBefore(cutoff: Date): Promise<number> {
    const [row] = await this.query<{ n: number }>(
      `${deletion("status = 'resolved' AND COALESCE(resolved_at, updated_at) < $1")} SELECT count(*)::int AS n FROM gone`,
      [cutoff],
    );
    return row?.n ?? 0;
  }
}
