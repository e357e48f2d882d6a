import type { Migration } from './migration.ts';

/**
 * A log of what was said in a conversation, for the playground: the history a reload shows and the notifications it
 * polls for. Entries are redacted before they are written, bounded per conversation by the writer, and purged with the
 * conversation state after STATE_TTL_DAYS. `key` (unique) makes a notification delivered twice a no-op.
 */
export const conversationLog: Migration = {
  version: 5,
  name: 'conversation log',
  sqlite: `
    CREATE TABLE conversation_log (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      conversation_id TEXT NOT NULL,
      key TEXT UNIQUE,
      kind TEXT NOT NULL CHECK (kind IN ('user', 'bot', 'notification')),
      payload TEXT NOT NULL,
      at INTEGER NOT NULL
    );
    CREATE INDEX conversation_log_conversation ON conversation_log (conversation_id, seq);
    CREATE INDEX conversation_log_at ON conversation_log (at);
  `,
  postgres: `
    CREATE TABLE conversation_log (
      seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      conversation_id TEXT NOT NULL,
      key TEXT UNIQUE,
      kind TEXT NOT NULL CHECK (kind IN ('user', 'bot', 'notification')),
      payload JSONB NOT NULL,
      at TIMESTAMPTZ NOT NULL
    );
    CREATE INDEX conversation_log_conversation ON conversation_log (conversation_id, seq);
    CREATE INDEX conversation_log_at ON conversation_log (at);
  `,
};
