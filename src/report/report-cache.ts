import { BoundedCache } from '../shared/bounded-cache.ts';
import type { Report } from './report-types.ts';

/** How long a computed report is served before it is computed again. */
export const REPORT_MAX_AGE_MS = 60_000;
/** Distinct `since` values kept (each is its own report). */
const MAX_REPORTS = 16;

/** Builds the report for a period; may be slow. */
export type ReportSource = (since?: Date) => Promise<Report>;

interface Entry {
  at: number;
  report: Promise<Report>;
}

/**
 * Serves the report for each `since` value from a cache for `maxAgeMs`: concurrent requests share one computation, a
 * failed one is not kept, and computations run one at a time (so many different dates cannot start many at once).
 */
export function cachedReports(source: ReportSource, maxAgeMs = REPORT_MAX_AGE_MS, now: () => number = Date.now): ReportSource {
  const cache = new BoundedCache<string, Entry>(MAX_REPORTS);
  let queue: Promise<unknown> = Promise.resolve();
  return (since) => {
    const key = since?.toISOString() ?? 'all';
    const cached = cache.get(key);
    if (cached && now() - cached.at < maxAgeMs) return cached.report;
    const report = queue.then(() => source(since));
    queue = report.catch(() => undefined);
    const entry: Entry = { at: now(), report };
    cache.set(key, entry);
    report.catch(() => {
      if (cache.get(key) === entry) cache.delete(key);
    });
    return report;
  };
}
