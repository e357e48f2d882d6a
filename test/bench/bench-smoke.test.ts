import { describe, expect, it } from 'vitest';
import { QUICK } from '../../bench/bench-config.ts';
import { reportTable } from '../../bench/report-table.ts';
import { runBench } from '../../bench/run-bench.ts';

describe('npm run bench (reduced configuration)', () => {
  it('runs every section and prints a table with each figure and its target', async () => {
    const result = await runBench(QUICK);
    expect(result.quality.ours.top3).toBeGreaterThan(0);
    expect(result.core.sqlite.turns).toBe(QUICK.coreTurns);
    for (const e2e of [result.slack, result.teams]) {
      expect(e2e.ours.failures + e2e.bare.failures).toBe(0);
      expect(e2e.throughputRatio).toBeGreaterThan(0);
    }
    expect(result.search.map((s) => s.entries)).toEqual(QUICK.searchSizes);
    expect(Object.keys(result.redaction.families)).toEqual(['cpr', 'phone', 'email']);
    expect(result.redaction.families.email.runs).toBe(QUICK.redactionRuns);
    expect(result.process.readyMs).toBeGreaterThan(0);
    expect(result.process.memory.finalRssMb).toBeGreaterThan(0);
    expect(result.insights.insightsRequests).toBeGreaterThan(0);
    expect(result.insights.healthz.requests).toBeGreaterThan(0);
    const table = reportTable(result);
    expect(table).toContain('| Figure | Measured | Target | Met |');
    expect(table).toContain('< 800 ms');
    expect(table).toContain('RSS idle, compiled build');
    expect(table).toContain('/healthz latency (p50/p99) while /insights is requested repeatedly');
    expect(table).toContain('adversarial email input');
  }, 120_000);
});
