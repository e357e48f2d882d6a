import { afterEach, beforeEach, describe } from 'vitest';
import type { Migration } from '../../src/store/migrations/migration.ts';
import type { Store } from '../../src/store/store.ts';
import { analyticsContract } from './contract/analytics.ts';
import { caseDeletionContract } from './contract/case-deletion.ts';
import { casesContract } from './contract/cases.ts';
import { conversationLogContract } from './contract/conversation-log.ts';
import { conversationsContract } from './contract/conversations.ts';
import { lifecycleContract } from './contract/lifecycle.ts';
import { migrationsContract } from './contract/migrations.ts';
import { outboxContract } from './contract/outbox.ts';
import { seenEventsContract } from './contract/seen-events.ts';
import { sentCardsContract } from './contract/sent-cards.ts';
import { settingsContract } from './contract/settings.ts';
import { updateConversationContract } from './contract/update-conversation.ts';

/** One empty database made for one test. */
export interface TestDatabase {
  /** A new store instance on this database (not yet migrated); several instances may share the database. */
  open(migrations?: readonly Migration[]): Store;
  /** The versions recorded in `schema_migrations`, ascending (read directly, not through the store). */
  appliedVersions(): Promise<number[]>;
  /** Removes the database. */
  drop(): Promise<void>;
}

/** How a store implementation makes fresh databases for the contract. */
export interface StoreHarness {
  createDatabase(): Promise<TestDatabase>;
}

/** Per-test access to a fresh database; every store opened through it is closed after the test. */
export interface ContractContext {
  /** A new, not yet migrated instance on this test's database. */
  open(migrations?: readonly Migration[]): Store;
  /** A new, migrated instance on this test's database (call twice for two instances). */
  migrated(): Promise<Store>;
  appliedVersions(): Promise<number[]>;
}

function useFreshDatabase(harness: StoreHarness): ContractContext {
  const opened: Store[] = [];
  let db: TestDatabase | undefined;
  beforeEach(async () => {
    db = await harness.createDatabase();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
    await db?.drop();
    db = undefined;
  });
  const current = (): TestDatabase => {
    if (!db) throw new Error('No test database: use the context inside a test, not at describe time.');
    return db;
  };
  const open = (migrations?: readonly Migration[]): Store => {
    const store = current().open(migrations);
    opened.push(store);
    return store;
  };
  return {
    open,
    async migrated() {
      const store = open();
      await store.migrate();
      return store;
    },
    appliedVersions: () => current().appliedVersions(),
  };
}

/** The behaviour every Store implementation must show, run against a real database. */
export function describeStoreContract(harness: StoreHarness): void {
  describe('Store contract', () => {
    const ctx = useFreshDatabase(harness);
    migrationsContract(ctx);
    conversationsContract(ctx);
    updateConversationContract(ctx);
    seenEventsContract(ctx);
    sentCardsContract(ctx);
    casesContract(ctx);
    caseDeletionContract(ctx);
    outboxContract(ctx);
    analyticsContract(ctx);
    settingsContract(ctx);
    conversationLogContract(ctx);
    lifecycleContract(ctx);
  });
}
