import { describe, expect, it } from 'vitest';
import { cachedReports, REPORT_MAX_AGE_MS } from '../../src/report/report-cache.ts';
import type { Report } from '../../src/report/report-types.ts';

/** A report source that counts its computations and finishes each when told. */
function countingSource() {
  const calls: (Date | undefined)[] = [];
  const pending: { resolve: (r: Report) => void; reject: (e: Error) => void }[] = [];
  const source = (since?: Date) => {
    calls.push(since);
    return new Promise<Report>((resolve, reject) => pending.push({ resolve, reject }));
  };
  const report = (n: number) => ({ generatedAt: `report ${n}` }) as Report;
  return { calls, pending, source, report };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('the /insights report cache', () => {
  it('computes at most once a minute per since value, and concurrent requests share one computation', async () => {
    let now = 1_000_000;
    const s = countingSource();
    const reports = cachedReports(s.source, REPORT_MAX_AGE_MS, () => now);
    const first = reports();
    const concurrent = reports();
    await flush();
    expect(s.calls).toHaveLength(1);
    s.pending[0]?.resolve(s.report(1));
    expect((await first).generatedAt).toBe('report 1');
    expect((await concurrent).generatedAt).toBe('report 1');
    now += REPORT_MAX_AGE_MS - 1;
    expect((await reports()).generatedAt).toBe('report 1');
    expect(s.calls).toHaveLength(1);

    now += 1;
    const fresh = reports();
    await flush();
    expect(s.calls).toHaveLength(2);
    s.pending[1]?.resolve(s.report(2));
    expect((await fresh).generatedAt).toBe('report 2');
  });

  it('keeps a report per since value, runs computations one at a time, and does not keep a failure', async () => {
    const s = countingSource();
    const reports = cachedReports(s.source);
    const a = reports(new Date('2026-01-01T00:00:00Z'));
    const b = reports(new Date('2026-02-01T00:00:00Z'));
    await flush();
    expect(s.calls).toHaveLength(1);
    s.pending[0]?.reject(new Error('store down'));
    await expect(a).rejects.toThrow('store down');
    await flush();
    expect(s.calls).toHaveLength(2);
    s.pending[1]?.resolve(s.report(2));
    expect((await b).generatedAt).toBe('report 2');
    const retried = reports(new Date('2026-01-01T00:00:00Z'));
    await flush();
    expect(s.calls).toHaveLength(3);
    s.pending[2]?.resolve(s.report(3));
    expect((await retried).generatedAt).toBe('report 3');
  });
});
