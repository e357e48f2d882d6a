/** One versioned schema change, written once per SQL dialect. Applied in `version` order, each exactly once. */
export interface Migration {
  /** Positive, strictly increasing; recorded in `schema_migrations`. Never renumber a released migration. */
  version: number;
  /** Short description, recorded alongside the version. */
  name: string;
  /** The change for SQLite (several statements allowed). */
  sqlite: string;
  /** The change for PostgreSQL (several statements allowed). */
  postgres: string;
}
