import { describe, expect, it } from 'vitest';
import { countingStoreErrors } from '../../src/metrics/counting-store.ts';
import { createMetrics } from '../../src/metrics/metrics.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

/** The value of one sample line of a scrape, e.g. value(text, 'some_advisor_outbox_pending'). */
function value(text: string, sample: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${sample} `));
  return line === undefined ? undefined : Number(line.slice(sample.length + 1));
}

describe('metrics while the store is down', () => {
  it('still scrape: the outbox gauges keep their last reading and store_errors_total counts the failed read', async () => {
    const raw = new SqliteStore(':memory:');
    await raw.migrate();
    await raw.enqueueOutbox({ idempotencyKey: 'n1', kind: 'email', payload: {} });
    const metrics = createMetrics();
    metrics.watchOutbox(countingStoreErrors(raw, metrics.storeError));
    const before = await metrics.registry.metrics();
    expect(value(before, 'some_advisor_outbox_pending')).toBe(1);
    expect(value(before, 'some_advisor_store_errors_total')).toBe(0);

    await raw.close();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const during = await metrics.registry.metrics();
    expect(value(during, 'some_advisor_outbox_pending')).toBe(1);
    expect(value(during, 'some_advisor_outbox_oldest_pending_age_seconds')).toBeGreaterThan(value(before, 'some_advisor_outbox_oldest_pending_age_seconds') ?? Infinity);
    // The counter is written before the gauges read the store, so the next scrape shows the failed read of this one.
    expect(value(await metrics.registry.metrics(), 'some_advisor_store_errors_total')).toBe(1);
  });
});
