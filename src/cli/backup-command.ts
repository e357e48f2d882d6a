import { existsSync } from 'node:fs';
import { chmod, open, rename, rm } from 'node:fs/promises';
import Database from 'better-sqlite3';
import type { Config } from '../config/config.ts';
import { createPrivateFolders } from '../shared/private-folders.ts';
import { sqliteOpenError } from '../store/sqlite/sqlite-open-error.ts';
import { UsageError } from './cli-options.ts';

/** A shell word: as it is when it needs no quoting, else in single quotes. */
function quote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;
}

/**
 * pg_dump's and pg_restore's options for the database of DATABASE_URL, without its password: the URL itself (as the
 * connection string --dbname takes) when it carries settings such as `sslmode`, else one option per part.
 */
export function connectionOptions(databaseUrl: string): string[] {
  const url = new URL(databaseUrl);
  url.password = '';
  if (url.search !== '') return [`--dbname=${quote(url.toString())}`];
  return [
    `--host=${quote(url.hostname)}`,
    `--port=${url.port || '5432'}`,
    ...(url.username ? [`--username=${quote(decodeURIComponent(url.username))}`] : []),
    `--dbname=${quote(decodeURIComponent(url.pathname.slice(1)) || 'postgres')}`,
  ];
}

/**
 * The pg_dump command that backs up the PostgreSQL database of DATABASE_URL, without its password. It runs under
 * `umask 077` (in a subshell, so the caller's umask stays) so the dump is readable by its owner only, as SQLite
 * backups are.
 */
export function pgDumpCommand(databaseUrl: string, file: string): string {
  return `(umask 077 && ${['pg_dump', '--format=custom', `--file=${quote(file)}`, ...connectionOptions(databaseUrl)].join(' ')})`;
}

/** The pg_restore command that restores such a dump into that database, whether it is empty or holds an older copy. */
export function pgRestoreCommand(databaseUrl: string, file: string): string {
  return ['pg_restore', '--clean', '--if-exists', ...connectionOptions(databaseUrl), quote(file)].join(' ');
}

/** Opens the database to copy; one that cannot be opened is a StoreUnavailableError saying what to do. */
function openForBackup(path: string): Database.Database {
  try {
    return new Database(path, { fileMustExist: true });
  } catch (error) {
    throw sqliteOpenError(path, error);
  }
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
      `DATABASE_URL points at PostgreSQL: back it up with pg_dump (give the password through PGPASSWORD or ~/.pgpass; umask 077 keeps the dump readable by its owner only):\n  ${pgDumpCommand(config.DATABASE_URL, file)}\nRestore (stop serve first) with:\n  ${pgRestoreCommand(config.DATABASE_URL, file)}\n`,
    );
    return 0;
  }
  if (!existsSync(config.SQLITE_PATH)) throw new UsageError(`There is no database at ${config.SQLITE_PATH} (SQLITE_PATH) to back up.`);
  const db = openForBackup(config.SQLITE_PATH);
  const partial = `${file}.partial-${process.pid}`;
  try {
    createPrivateFolders(file);
    await (await open(partial, 'wx', 0o600)).close();
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
