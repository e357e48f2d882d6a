import Database from 'better-sqlite3';
import pg from 'pg';

/** Every row of every table of a SQLite database file, as one string (to search for text that must never be stored). */
export function sqliteDump(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    return tables.map((t) => JSON.stringify(db.prepare(`SELECT * FROM "${t.name}"`).all())).join('\n');
  } finally {
    db.close();
  }
}

/** Every row of every table in the `public` schema of a PostgreSQL database, as one string. */
export async function postgresDump(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
    const dumps: string[] = [];
    for (const t of tables) dumps.push(JSON.stringify((await client.query(`SELECT * FROM "${t.table_name}"`)).rows));
    return dumps.join('\n');
  } finally {
    await client.end();
  }
}
