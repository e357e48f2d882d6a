import { existsSync } from 'node:fs';
import { chmod, open, rename, rm } from 'node:fs/promises';
import Database from 'better-sqlite3';
import type { Config } from '../config/config.ts';
import { createPrivateFolders } from '../shared/private-folders.ts';
import { UsageError } from './cli-options.ts';

/** The pg_dump command that backs up the PostgreSQL database of DATABASE_URL, without its password. */
export function pgDumpCommand(databaseUrl: string, file: string): string {
  const url = new URL(databaseUrl);
  const quote = (value: string) => (/^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`);
  const args = [
    'pg_dump',
    '--format=custom',
    `--file=${quote(file)}`,
    `--host=${quote(url.hostname)}`,
    `--port=${url.port || '5432'}`,
    ...(url.username ? [`--username=${quote(decodeURIComponent(url.username))}`] : []),
    `--dbname=${quote(decodeURIComponent(url.pathname.slice(1)) || 'postgres')}`,
  ];
  return args.join(' ');
}

/**
 * `some-advisor backup <file>`: an online copy of the SQLite database (consistent while `serve` keeps writing), written
 * readable by its owner only (0600), in a folder created 0700 when missing, and moved into place when complete. With
 * PostgreSQL it prints the pg_dump command.
 */
export async function runBackup(config: Config, file: string | undefined, stdout: NodeJS.WritableStream): Promise<number> {
  if (!file) throw new UsageError('backup needs a file: some-advisor backup ./backup/some-advisor-2026-01-31.db');
  if (config.DATABASE_URL) {
    stdout.write(
      `DATABASE_URL points at PostgreSQL: back it up with pg_dump (give the password through PGPASSWORD or ~/.pgpass):\n  ${pgDumpCommand(config.DATABASE_URL, file)}\nRestore with pg_restore --clean --dbname=… ${file}\n`,
    );
    return 0;
  }
  if (!existsSync(config.SQLITE_PATH)) throw new UsageError(`There is no database at ${config.SQLITE_PATH} (SQLITE_PATH) to back up.`);
  const partial = `${file}.partial-${process.pid}`;
  createPrivateFolders(file);
  await (await open(partial, 'wx', 0o600)).close();
  const db = new Database(config.SQLITE_PATH, { fileMustExist: true });
  try {
    await db.backup(partial);
    await chmod(partial, 0o600);
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
  stdout.write(`Backed up ${config.SQLITE_PATH} to ${file} (readable by its owner only). Restore: stop serve and copy it to SQLITE_PATH.\n`);
  return 0;
}
