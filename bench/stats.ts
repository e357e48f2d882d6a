/** Value at quantile `q` (0..1) of `values`, nearest-rank on a sorted copy; NaN when empty. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** Median of `values` (NaN when empty). */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** p50 and p99 of a latency sample, in milliseconds. */
export interface Latency {
  p50: number;
  p99: number;
}

/** p50/p99 of a latency sample. */
export function latencyOf(samples: readonly number[]): Latency {
  return { p50: quantile(samples, 0.5), p99: quantile(samples, 0.99) };
}
