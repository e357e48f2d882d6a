import { compareCodeUnits } from '../shared/compare-code-units.ts';
import type { LabelledCount } from './report-types.ts';

/** Counts labels and sorts them: most first, then by label. */
export function countLabels(labels: Iterable<string>): LabelledCount[] {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts].map(([label, count]) => ({ label, count })).sort(byCountThenLabel);
}

/** Most first, then alphabetical. */
export function byCountThenLabel(a: LabelledCount, b: LabelledCount): number {
  return b.count - a.count || compareCodeUnits(a.label, b.label);
}

/** The ISO 8601 week of a date in UTC, e.g. "2026-W10". */
export function isoWeek(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The median of some numbers; null when there are none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** A string field of an event payload, or undefined. */
export function field(payload: Record<string, unknown>, name: string): string | undefined {
  const value = payload[name];
  return typeof value === 'string' ? value : undefined;
}
