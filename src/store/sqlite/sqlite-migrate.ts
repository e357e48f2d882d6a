import type Database from 'better-sqlite3';
import type { Migration } from '../migrations/migration.ts';

/** Applies the migrations not yet recorded in `schema_migrations`, all in one write transaction (so two processes never both apply one). */
export function migrateSqlite(db: Database.Database, migrations: readonly Migration[]): void {
  const apply = db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at INTEGER NOT NULL
    )`);
    const rows = db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[];
    const applied = new Set(rows.map((r) => r.version));
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      db.exec(m.sqlite);
      record.run(m.version, m.name, Date.now());
    }
  });
  apply.immediate();
}
