/**
 * A condition that is always true and lets the statement's own transaction commit without waiting for its WAL flush
 * (`synchronous_commit` off for that transaction only; the connection keeps its setting). Used for the writes of every
 * turn (conversation state, seen events, sent cards, analytics): after a crash of the database server the last
 * fraction of a second of them may be lost, never half-written, which is what SQLite's WAL mode with
 * `synchronous = NORMAL` gives the single-instance store. Cases, the outbox, settings and erasures keep the default.
 */
export const ASYNC_COMMIT = "set_config('synchronous_commit', 'off', true) = 'off'";
