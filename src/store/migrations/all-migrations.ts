import { initial } from './0001-initial.ts';
import { settings } from './0002-settings.ts';
import { requesterKindPerPlatform } from './0003-requester-kind-per-platform.ts';
import { submissionKeysAndSentCards } from './0004-submission-keys-and-sent-cards.ts';
import { conversationLog } from './0005-conversation-log.ts';
import { caseResolvedAt } from './0006-case-resolved-at.ts';
import type { Migration } from './migration.ts';

/** Every migration, in order. Append new ones here; never edit or renumber one that has been released. */
export const MIGRATIONS: readonly Migration[] = [initial, settings, requesterKindPerPlatform, submissionKeysAndSentCards, conversationLog, caseResolvedAt];

/** Throws when the list is not strictly increasing (a mistake caught at start, before any schema change). */
export function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    const previous = migrations[i - 1];
    if (m.version < 1 || (previous !== undefined && m.version <= previous.version)) {
      throw new Error(
        `Migration ${m.version} (${m.name}) is out of order; give each migration a higher version than the one before it in src/store/migrations/all-migrations.ts.`,
      );
    }
  });
}
