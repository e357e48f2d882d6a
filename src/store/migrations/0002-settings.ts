import type { Migration } from './migration.ts';

/** A small key–value table for settings made at run time (e.g. the Teams channel registered as consultant inbox). */
export const settings: Migration = {
  version: 2,
  name: 'settings',
  sqlite: `
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL,
      updated_at INTEGER NOT NULL
    );
  `,
  postgres: `
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value JSONB NOT NULL,
      updated_at TIMESTAMPTZ NOT NULL
    );
  `,
};
