import type Database from 'better-sqlite3';
import type { EscalationCase } from '../records.ts';
import { toCase, type CaseRow } from './sqlite-rows.ts';

/** The cases the retention purge deletes: resolved before @cutoff (ms); one resolved before migration 6 counts from its last change. */
const RESOLVED_BEFORE = "status = 'resolved' AND COALESCE(resolved_at, updated_at) < @cutoff";
const BY_ID = 'id = @id';

/**
 * The statements that delete the cases `which` picks: first what is stored about them (their notifications, and the log
 * entries of those notifications, keyed `<case id>:…`; a case id holds no colon), then the cases themselves.
 */
function deletions(which: string): { related: string[]; cases: string } {
  const ids = `SELECT id FROM escalation_cases WHERE ${which}`;
  return {
    related: [
      `DELETE FROM outbox WHERE json_extract(payload, '$.caseId') IN (${ids})`,
      `DELETE FROM conversation_log WHERE instr(key, ':') > 0 AND substr(key, 1, instr(key, ':') - 1) IN (${ids})`,
    ],
    cases: `DELETE FROM escalation_cases WHERE ${which}`,
  };
}

/** Deleting cases in SQLite (an erasure request, or the retention purge); synchronous, called inside the store's error translation. */
export class SqliteCaseDeletion {
  /** `statement` prepares (once) and returns the store's cached statement for an SQL text. */
  constructor(
    private readonly db: Database.Database,
    private readonly statement: (sql: string) => Database.Statement,
  ) {}

  /** Deletes the case `ref` (id or number) with its notifications, their log entries and the analytics events naming it; null when there is none. */
  deleteOne(ref: string): EscalationCase | null {
    return this.db
      .transaction(() => {
        const row = this.statement('SELECT * FROM escalation_cases WHERE id = ? OR number = ?').get(ref, ref) as CaseRow | undefined;
        if (!row) return null;
        const { related, cases } = deletions(BY_ID);
        for (const sql of related) this.statement(sql).run({ id: row.id });
        this.statement("DELETE FROM analytics_events WHERE json_extract(payload, '$.case') = ?").run(row.number);
        this.statement(cases).run({ id: row.id });
        return toCase(row);
      })
      .immediate();
  }

  /** Deletes the cases resolved before `cutoff` with their notifications and log entries; returns how many cases went. */
  deleteResolvedBefore(cutoff: Date): number {
    return this.db
      .transaction(() => {
        const { related, cases } = deletions(RESOLVED_BEFORE);
        for (const sql of related) this.statement(sql).run({ cutoff: cutoff.getTime() });
        return this.statement(cases).run({ cutoff: cutoff.getTime() }).changes;
      })
      .immediate();
  }
}
