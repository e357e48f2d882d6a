import type { Migration } from './migration.ts';

/**
 * Cases get a unique submission key (one case per submission, enforced by the database, also across instances); the
 * key of each existing case is filled in from its payload, for the oldest case of a key only, so duplicates opened
 * before this version stay as they are. Sent Teams cards are kept in the store with an expiry (any instance can redraw
 * a card as answered), like seen event ids.
 */
export const submissionKeysAndSentCards: Migration = {
  version: 4,
  name: 'submission keys and sent cards',
  sqlite: `
    ALTER TABLE escalation_cases ADD COLUMN submission_key TEXT;
    UPDATE escalation_cases
    SET submission_key = json_extract(payload, '$.submissionKey')
    WHERE json_extract(payload, '$.submissionKey') IS NOT NULL
      AND id = (
        SELECT first.id FROM escalation_cases AS first
        WHERE json_extract(first.payload, '$.submissionKey') = json_extract(escalation_cases.payload, '$.submissionKey')
        ORDER BY first.created_at, first.year, first.seq LIMIT 1
      );
    CREATE UNIQUE INDEX escalation_cases_submission_key ON escalation_cases (submission_key);

    CREATE TABLE sent_cards (
      conversation_id TEXT NOT NULL,
      activity_id TEXT NOT NULL,
      card TEXT NOT NULL,
      expires_at INTEGER NOT NULL,
      PRIMARY KEY (conversation_id, activity_id)
    );
    CREATE INDEX sent_cards_expires_at ON sent_cards (expires_at);
  `,
  postgres: `
    ALTER TABLE escalation_cases ADD COLUMN submission_key TEXT;
    UPDATE escalation_cases AS c
    SET submission_key = c.payload->>'submissionKey'
    FROM (
      SELECT DISTINCT ON (payload->>'submissionKey') id FROM escalation_cases
      WHERE payload->>'submissionKey' IS NOT NULL
      ORDER BY payload->>'submissionKey', created_at, year, seq
    ) AS first
    WHERE c.id = first.id;
    CREATE UNIQUE INDEX escalation_cases_submission_key ON escalation_cases (submission_key);

    CREATE TABLE sent_cards (
      conversation_id TEXT NOT NULL,
      activity_id TEXT NOT NULL,
      card JSONB NOT NULL,
      expires_at TIMESTAMPTZ NOT NULL,
      PRIMARY KEY (conversation_id, activity_id)
    );
    CREATE INDEX sent_cards_expires_at ON sent_cards (expires_at);
  `,
};
