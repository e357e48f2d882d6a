import type { Migration } from './migration.ts';

/**
 * Cases remember when they were resolved (CASE_RETENTION_DAYS counts from then; later changes such as a delivery record
 * do not restart the count). Cases resolved before this version have none and count from their last change.
 */
export const caseResolvedAt: Migration = {
  version: 6,
  name: 'case resolved at',
  sqlite: `
    ALTER TABLE escalation_cases ADD COLUMN resolved_at INTEGER;
  `,
  postgres: `
    ALTER TABLE escalation_cases ADD COLUMN resolved_at TIMESTAMPTZ;
  `,
};
