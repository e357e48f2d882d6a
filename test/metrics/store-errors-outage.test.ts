import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { loadFlowEngine } from '../../src/dialogs/load-flow-engine.ts';
import { stringsFor } from '../../src/i18n/strings.ts';
import { silentLogger } from '../../src/logging/logger.ts';
import { createRuntime } from '../../src/main.ts';
import { createMetrics, type Metrics } from '../../src/metrics/metrics.ts';
import { FIXTURE_KNOWLEDGE } from '../store/support/chat-process.ts';
import { createOutageDatabase, TEST_DATABASE_URL } from '../store/support/pg-test-database.ts';

async function storeErrors(metrics: Metrics): Promise<number> {
  return (await metrics.registry.getSingleMetric('some_advisor_store_errors_total')?.get())?.values[0]?.value ?? NaN;
}

// The outage the trial made: the server ends the sessions and refuses new ones, while its port stays open.
describe.skipIf(!TEST_DATABASE_URL)('store_errors_total through an outage of pg_terminate_backend and ALLOW_CONNECTIONS false', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('counts the failures of user turns and of readiness checks', { timeout: 60_000 }, async () => {
    const db = await createOutageDatabase(TEST_DATABASE_URL ?? '', cleanup);
    const metrics = createMetrics();
    const config = loadConfig({ DATABASE_URL: db.url, KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE, ANALYTICS_SECRET: 'outage-test-secret-0123456789' });
    const runtime = await createRuntime(config, silentLogger(), loadFlowEngine, { metrics, outbox: false });
    cleanup.push(() => runtime.close());
    const ask = async (text: string) => (await runtime.bot.handle({ channel: 'web', conversationId: 'outage', user: { id: 'u', locale: 'da' }, input: { kind: 'text', text } }))[0]?.fallback;

    await runtime.migrated;
    expect(await ask('må vi slette kommentarer')).not.toBe(stringsFor('da').storeUnavailable);
    await runtime.storeReady();
    expect(await storeErrors(metrics)).toBe(0);

    await db.takeDown();
    expect(await ask('hvor hurtigt skal vi svare')).toBe(stringsFor('da').storeUnavailable);
    const afterTurn = await storeErrors(metrics);
    expect(afterTurn).toBeGreaterThan(0);
    await expect(runtime.storeReady()).rejects.toThrow(/store is unavailable/);
    // at least the readiness check (a background read may fail and count meanwhile)
    expect(await storeErrors(metrics)).toBeGreaterThanOrEqual(afterTurn + 1);

    await db.bringBack();
    await runtime.storeReady();
    expect(await ask('hvor hurtigt skal vi svare')).not.toBe(stringsFor('da').storeUnavailable);
  });
});
