import type { Migration } from './migration.ts';

/** Conversations, seen event ids, escalation cases with their per-year numbers, the outbox and analytics events. */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  // SQLite keeps times as milliseconds since the epoch and JSON as text; its rowid orders the outbox like PostgreSQL's `position`.
  sqlite: `
    CREATE TABLE conversations (
      id TEXT PRIMARY KEY,
      state TEXT NOT NULL,
      version INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    );
    CREATE INDEX conversations_updated_at ON conversations (updated_at);

    CREATE TABLE seen_events (
      id TEXT PRIMARY KEY,
      expires_at INTEGER NOT NULL
    );
    CREATE INDEX seen_events_expires_at ON seen_events (expires_at);

    CREATE TABLE case_sequences (
      year INTEGER PRIMARY KEY,
      last_value INTEGER NOT NULL
    );
    CREATE TABLE escalation_cases (
      id TEXT PRIMARY KEY,
      number TEXT NOT NULL UNIQUE,
      year INTEGER NOT NULL,
      seq INTEGER NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('new', 'claimed', 'resolved')),
      payload TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      UNIQUE (year, seq)
    );
    CREATE INDEX escalation_cases_status ON escalation_cases (status, created_at);

    CREATE TABLE outbox (
      id TEXT PRIMARY KEY,
      idempotency_key TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL,
      payload TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at INTEGER,
      sent_at INTEGER,
      last_error TEXT,
      created_at INTEGER NOT NULL
    );
    CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE sent_at IS NULL;

    CREATE TABLE analytics_events (
      id TEXT PRIMARY KEY,
      at INTEGER NOT NULL,
      type TEXT NOT NULL,
      payload TEXT NOT NULL
    );
    CREATE INDEX analytics_events_at ON analytics_events (at);
  `,
  postgres: `
    CREATE TABLE conversations (
      id TEXT PRIMARY KEY,
      state JSONB NOT NULL,
      version INTEGER NOT NULL,
      updated_at TIMESTAMPTZ NOT NULL
    );
    CREATE INDEX conversations_updated_at ON conversations (updated_at);

    CREATE TABLE seen_events (
      id TEXT PRIMARY KEY,
      expires_at TIMESTAMPTZ NOT NULL
    );
    CREATE INDEX seen_events_expires_at ON seen_events (expires_at);

    CREATE TABLE case_sequences (
      year INTEGER PRIMARY KEY,
      last_value INTEGER NOT NULL
    );
    CREATE TABLE escalation_cases (
      id TEXT PRIMARY KEY,
      number TEXT NOT NULL UNIQUE,
      year INTEGER NOT NULL,
      seq INTEGER NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('new', 'claimed', 'resolved')),
      payload JSONB NOT NULL,
      created_at TIMESTAMPTZ NOT NULL,
      updated_at TIMESTAMPTZ NOT NULL,
      UNIQUE (year, seq)
    );
    CREATE INDEX escalation_cases_status ON escalation_cases (status, created_at);

    CREATE TABLE outbox (
      id TEXT PRIMARY KEY,
      position BIGINT GENERATED ALWAYS AS IDENTITY,
      idempotency_key TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL,
      payload JSONB NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TIMESTAMPTZ,
      sent_at TIMESTAMPTZ,
      last_error TEXT,
      created_at TIMESTAMPTZ NOT NULL
    );
    CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE sent_at IS NULL;

    CREATE TABLE analytics_events (
      id TEXT PRIMARY KEY,
      at TIMESTAMPTZ NOT NULL,
      type TEXT NOT NULL,
      payload JSONB NOT NULL
    );
    CREATE INDEX analytics_events_at ON analytics_events (at);
  `,
};
